package org.arbiter.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.logic.exporter.ExportFormat;
import org.arbiter.logic.exporter.ExportFormats;
import org.arbiter.logic.exporter.ExportSource;
import org.arbiter.logic.exporter.JsonlExport;
import org.arbiter.logic.exporter.LabelScope;
import org.arbiter.model.Item;
import org.arbiter.quality.AdjudicationBatch;
import org.arbiter.quality.ConsensusLabels;
import org.arbiter.server.ArbiterServer;
import org.arbiter.server.DashboardQueries;
import org.arbiter.server.Refusal;
import org.arbiter.server.ServerLabelStore;
import org.arbiter.server.ServerStore;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The lab dashboard on the sync server: {@code /dashboard} for leads, behind a login that takes a lead token
 * and keeps an HttpOnly, SameSite=Strict session cookie (Secure over HTTPS). Scripts may send
 * {@code Authorization: Bearer LEAD_TOKEN} instead. An annotator's token opens nothing here.
 *
 * <pre>
 * GET  /dashboard/login                     the login form (no token needed)
 * POST /dashboard/login                     form field token → cookie, 303 to /dashboard
 * POST /dashboard/logout                    form field csrf → session closed, 303 to the login
 * GET  /dashboard                           the page (HTML, CSS and script from the jar)
 * GET  /dashboard/api/state                 {"stamp"}: changes with each push; the page polls it
 * GET  /dashboard/api/overview              everything shown; ?batch_offset=&amp;queue_offset=&amp;limit= page it
 * GET  /dashboard/download/export           ?format=F&amp;labels=L: the export, as server export writes it
 * GET  /dashboard/download/adjudication     the adjudication queue as a batch, as server adjudication writes it
 * </pre>
 */
public final class Dashboard implements ArbiterServer.Extension, AutoCloseable {
    static final String COOKIE = "arbiter_dashboard";
    private static final String LEAD = "arbiter.lead";
    private static final ExportFormats FORMATS = new ExportFormats();
    private static final Set<String> ASSETS = Set.of("dashboard.css", "dashboard.js");

    private final ServerStore store;
    private final DashboardQueries queries;
    private final QualitySnapshots snapshots;
    private final DashboardJson json;
    private final LeadSessions sessions = new LeadSessions();
    private boolean tls;

    public Dashboard(ServerStore store) {
        this.store = store;
        this.queries = new DashboardQueries(store);
        this.snapshots = new QualitySnapshots(store, queries);
        this.json = new DashboardJson(queries);
    }

    /** Thrown where a browser without a session should see the login form rather than an error. */
    private static final class LoginNeeded extends RuntimeException {
        LoginNeeded() {
            super(null, null, false, false);
        }
    }

    @Override
    public void install(JavalinConfig config, boolean tls) {
        this.tls = tls;
        config.routes.exception(LoginNeeded.class, (e, ctx) -> ctx.redirect("/dashboard/login", HttpStatus.SEE_OTHER));
        config.routes.before("/dashboard", this::guard);
        config.routes.before("/dashboard/*", this::guard);
        config.routes.get("/dashboard/login", ctx -> loginPage(ctx, null, 200));
        config.routes.post("/dashboard/login", this::login);
        config.routes.post("/dashboard/logout", this::logout);
        config.routes.get("/dashboard", ctx -> page(ctx, "dashboard.html", "text/html; charset=utf-8"));
        config.routes.get("/dashboard/assets/{file}", this::asset);
        config.routes.get("/dashboard/api/state", this::state);
        config.routes.get("/dashboard/api/overview", this::overview);
        config.routes.get("/dashboard/download/export", this::export);
        config.routes.get("/dashboard/download/adjudication", this::adjudication);
    }

    /** Security headers on every dashboard answer; the lead for every route but the login and the assets. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own forms, which the check refuses
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (ctx.method().name().equals("POST")) sameOrigin(ctx);
        if (path.equals("/dashboard/login") || path.startsWith("/dashboard/assets/")) return;
        if (path.equals("/dashboard/logout")) return; // checks its own session and CSRF token
        ctx.attribute(LEAD, lead(ctx, path.equals("/dashboard")));
    }

    /** The lead of a bearer token or a session cookie; an annotator's token is refused by name. */
    private String lead(Context ctx, boolean browserPage) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            Optional<String> lead = store.authenticateLead(token);
            if (lead.isPresent()) return lead.get();
            if (store.authenticate(token).isPresent()) {
                throw Refusal.forbidden("an annotator's token does not open the dashboard; a lead token does (arbiter server lead add NAME)");
            }
            throw Refusal.of(Refusal.Reason.UNAUTHENTICATED, "token refused: not a lead token, or revoked");
        }
        Optional<LeadSessions.Session> s = sessions.find(ctx.cookie(COOKIE)).filter(x -> store.leadActive(x.lead()));
        if (s.isPresent()) return s.get().lead();
        if (browserPage) throw new LoginNeeded();
        throw Refusal.of(Refusal.Reason.UNAUTHENTICATED, "log in at /dashboard/login or send Authorization: Bearer LEAD_TOKEN");
    }

    /**
     * A form posted from another site is refused even before SameSite=Strict would keep the cookie back: the
     * Origin a browser sends must be this server (login CSRF included).
     */
    private void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null") && ctx.header("Authorization") != null) return;
        String own = ctx.scheme() + "://" + ctx.host();
        if (!origin.equalsIgnoreCase(own)) throw Refusal.forbidden("a form from " + origin + " cannot post to this dashboard");
    }

    private void login(Context ctx) {
        String token = ctx.formParam("token");
        Optional<String> lead = store.authenticateLead(token == null ? null : token.strip());
        if (lead.isEmpty()) {
            boolean annotator = token != null && store.authenticate(token.strip()).isPresent();
            loginPage(ctx, annotator ? "That is an annotator's token: the dashboard opens with a lead token."
                    : "Token refused: unknown or revoked.", annotator ? 403 : 401);
            return;
        }
        String id = sessions.open(lead.get());
        ctx.header("Set-Cookie", cookie(id, (int) LeadSessions.LIFETIME.toSeconds()));
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        String id = ctx.cookie(COOKIE);
        Optional<LeadSessions.Session> s = sessions.find(id);
        if (s.isPresent()) {
            if (!s.get().csrf().equals(ctx.formParam("csrf"))) throw Refusal.forbidden("log out from the dashboard page (CSRF token missing or wrong)");
            sessions.close(id);
        }
        ctx.header("Set-Cookie", cookie("", 0));
        ctx.redirect("/dashboard/login", HttpStatus.SEE_OTHER);
    }

    /** Path-scoped, HttpOnly, SameSite=Strict; Secure when the server speaks HTTPS (a browser drops it over HTTP). */
    private String cookie(String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=/dashboard; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "");
    }

    private void state(Context ctx) {
        QualitySnapshots.Snapshot s = snapshots.current();
        ctx.json(Json.object().put("stamp", queries.changeStamp() + "#" + s.stamp()));
    }

    private void overview(Context ctx) {
        // The stamp is read before the data and names the report shown, so a change during this request, or a
        // report finished meanwhile, makes the page's next poll differ and fetch again.
        String db = queries.changeStamp();
        QualitySnapshots.Snapshot snap = snapshots.current();
        var o = json.overview(snap, intParam(ctx, "batch_offset", 0), intParam(ctx, "queue_offset", 0), intParam(ctx, "limit", 50));
        o.put("lead", (String) ctx.attribute(LEAD));
        Optional<LeadSessions.Session> s = sessions.find(ctx.cookie(COOKIE));
        if (s.isPresent()) o.put("csrf", s.get().csrf());
        o.put("stamp", db + "#" + snap.stamp());
        var formats = o.putArray("export_formats");
        FORMATS.names().forEach(formats::add);
        ctx.json(o);
    }

    private void export(Context ctx) throws IOException {
        String name = ctx.queryParam("format");
        ExportFormat format = FORMATS.byName(name == null ? "" : name).orElseThrow(() -> Refusal.invalid(
                "format: expected one of " + String.join(", ", FORMATS.names()) + ", found \"" + name + "\""));
        String labels = Optional.ofNullable(ctx.queryParam("labels")).orElse("expert");
        LabelScope scope = null;
        for (LabelScope s : LabelScope.values()) if (s.wireName().equals(labels)) scope = s;
        if (scope == null) throw Refusal.invalid("labels: expected expert, prior, all or consensus, found \"" + labels + "\"");
        ExportSource source = new ExportSource(new ServerLabelStore(store, false), scope, Set.of(), new ConsensusLabels());
        // Label Studio and Argilla take one JSON array, the training formats JSON Lines.
        ctx.contentType(format.jsonArray() ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"arbiter-" + format.name() + "-" + scope.wireName()
                + (format.jsonArray() ? ".json" : ".jsonl") + "\"");
        try (OutputStream out = ctx.outputStream()) {
            new JsonlExport(format, source).writeTo(out);
        }
    }

    private void adjudication(Context ctx) {
        QualitySnapshots.Snapshot s = snapshots.current();
        AdjudicationBatch.Result r = AdjudicationBatch.of(s.input(), s.report().adjudication(), Set.of(), "adjudication-all");
        StringBuilder text = new StringBuilder();
        for (Item item : r.items()) text.append(Json.write(ItemJson.write(item))).append('\n');
        ctx.contentType("application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"adjudication-all.jsonl\"");
        ctx.result(text.toString());
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        if (!ASSETS.contains(file)) throw Refusal.notFound("no such asset: " + file);
        page(ctx, file, file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    }

    private static void page(Context ctx, String resource, String type) {
        ctx.contentType(type);
        ctx.result(resource(resource));
    }

    private static void loginPage(Context ctx, String error, int status) {
        String html = resource("login.html").replace("<!--error-->",
                error == null ? "" : "<p class=\"error\" role=\"alert\">" + org.arbiter.base.HtmlText.escape(error) + "</p>");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    private static String resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("dashboard resource missing from the build: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read dashboard resource " + name, e);
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name + ": expected a whole number, found \"" + v + "\"");
        }
    }

    @Override
    public void close() {
        snapshots.close();
    }

}

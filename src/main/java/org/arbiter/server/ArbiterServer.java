package org.arbiter.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.FieldException;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.wire.ApiPaths;
import org.arbiter.wire.PushReceipt;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lab's sync server: annotators pull the batches assigned to them and push judgment versions.
 * Every endpoint but {@code /api/health} needs {@code Authorization: Bearer TOKEN}.
 *
 * <pre>
 * GET  /api/health                  no token; {"status":"ok"}
 * GET  /api/me                      {"annotator": NAME}
 * GET  /api/batches                 {"batches":[{"name","items","completed"}]} — only the caller's
 * GET  /api/batches/{name}/items    {"batch","items":[native item without gold/prior labels]} — 403 if not assigned
 * POST /api/judgments               {"judgments":[full judgment JSON]} → receipt
 *                                   {"accepted":[{"judgment_id","version"}],"inserted","duplicates","completed_batches"}
 * </pre>
 * Errors are {@code {"error": reason}} with 400 (malformed, or text no store can keep exactly), 401 (token),
 * 403 (not yours: another annotator's batch, name or judgment id), 409 (a conflicting version, or a version
 * that moves a judgment id to another item), 413 (too large). A refused request changes nothing.
 */
public final class ArbiterServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8470;
    public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    private static final String ANNOTATOR = "arbiter.annotator";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArbiterServer.class);
    /** Reads one value of a streamed request; what follows it is the request's business, not an error. */
    private static final ObjectReader ELEMENT = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ServerStore store;
    private final String host;
    private final Tls tls;
    private final List<Extension> extensions;
    private Javalin app;
    private int port;

    /** A PKCS#12 or JKS keystore holding the server's key and certificate. */
    public record Tls(Path keystore, char[] password) {
    }

    /**
     * More routes on the same server (the lab dashboard), kept out of this package so the sync server does not
     * depend on what they compute. {@code tls} says whether the server speaks HTTPS (for Secure cookies).
     */
    public interface Extension {
        void install(io.javalin.config.JavalinConfig config, boolean tls);
    }

    public ArbiterServer(ServerStore store, String host, int port, Tls tls) {
        this(store, host, port, tls, List.of());
    }

    public ArbiterServer(ServerStore store, String host, int port, Tls tls, List<Extension> extensions) {
        this.store = store;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.extensions = List.copyOf(extensions);
    }

    /** Starts listening; port 0 picks a free one, and a restart after {@link #stop()} reuses the port found. */
    public synchronized ArbiterServer start() {
        if (app != null) return this;
        Javalin a = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson3());
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            if (tls != null) {
                config.jetty.addConnector((server, httpConfig) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
                    ssl.setKeyStorePassword(new String(tls.password()));
                    HttpConfiguration https = new HttpConfiguration(httpConfig);
                    https.addCustomizer(new SecureRequestCustomizer(false));
                    ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
                    connector.setHost(host);
                    connector.setPort(port);
                    return connector;
                });
            }
            config.routes.exception(Refusal.class, (e, ctx) -> error(ctx, status(e.reason()), e.getMessage()));
            config.routes.exception(FieldException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(JacksonException.class, (e, ctx) -> error(ctx, 400, "malformed JSON: " + e.getOriginalMessage()));
            config.routes.before(ApiPaths.ALL, this::authenticate);
            config.routes.get(ApiPaths.HEALTH, ctx -> ctx.json(Json.object().put("status", "ok")));
            config.routes.get(ApiPaths.ME, ctx -> ctx.json(Json.object().put("annotator", annotator(ctx))));
            config.routes.get(ApiPaths.BATCHES, this::batches);
            config.routes.get(ApiPaths.BATCH_ITEMS_ROUTE, this::items);
            config.routes.post(ApiPaths.JUDGMENTS, this::push);
            for (Extension e : extensions) e.install(config, tls != null);
        });
        if (tls != null) a.start();
        else a.start(host, port);
        app = a;
        port = a.port();
        return this;
    }

    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String url() {
        return (tls != null ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals(ApiPaths.HEALTH)) return;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Refusal.of(Refusal.Reason.UNAUTHENTICATED, "missing bearer token (Authorization: Bearer TOKEN)");
        }
        String name = store.authenticate(header.substring(7).strip())
                .orElseThrow(() -> Refusal.of(Refusal.Reason.UNAUTHENTICATED, "token refused: unknown or revoked"));
        ctx.attribute(ANNOTATOR, name);
    }

    private static String annotator(Context ctx) {
        String name = ctx.attribute(ANNOTATOR);
        if (name == null) throw Refusal.of(Refusal.Reason.UNAUTHENTICATED, "missing bearer token");
        return name;
    }

    private void batches(Context ctx) {
        ArrayNode list = Json.array();
        for (AssignedBatch b : store.assignedBatches(annotator(ctx))) {
            list.addObject().put("name", b.name()).put("items", b.items()).put("completed", b.completed());
        }
        ObjectNode o = Json.object();
        o.set("batches", list);
        ctx.json(o);
    }

    private void items(Context ctx) {
        String batch = ctx.pathParam("name");
        List<Item> items = store.itemsFor(annotator(ctx), batch);
        ObjectNode o = Json.object();
        o.put("batch", batch);
        ArrayNode list = o.putArray("items");
        for (Item item : items) list.add(ItemJson.write(item));
        ctx.json(o);
    }

    private void push(Context ctx) {
        String annotator = annotator(ctx);
        List<ReceivedJudgment> judgments = readPush(body(ctx));
        PushReceipt receipt = store.pushReceived(annotator, judgments);
        ctx.json(receipt.toJson());
    }

    /**
     * The request body, refused with 413 above the size limit (declared or actual). A client that goes away
     * mid-body (a laptop closing its lid, a sync cut by the network) is routine: it sends the push again, so
     * the log gets one line, not Jetty's stack trace, and nothing is stored.
     */
    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_REQUEST_BYTES) {
            throw Refusal.of(Refusal.Reason.TOO_LARGE, "request of " + declared + " bytes is over the limit of " + MAX_REQUEST_BYTES);
        }
        try {
            return ctx.bodyAsBytes();
        } catch (Exception e) { // Kotlin throws Jetty's checked EofException undeclared
            if (!(e instanceof java.io.IOException) && !(e.getCause() instanceof java.io.IOException)) throw e;
            String who = ctx.attribute(ANNOTATOR);
            LOG.warn("{} {} from {} ({}): the client closed the connection before the {} body ended; nothing stored",
                    ctx.method(), ctx.path(), who == null ? "?" : who, ctx.ip(), declared < 0 ? "request" : declared + "-byte");
            throw Refusal.of(Refusal.Reason.CUT_OFF, "the request body was cut off");
        }
    }

    /**
     * Reads {@code {"judgments":[…]}}; a bad field is reported with its index. Streams the body so each
     * version keeps its exact text: parsing a 16 MB push into one tree and writing every version out again
     * cost about a third of a push.
     */
    public static List<ReceivedJudgment> readPush(byte[] body) {
        List<ReceivedJudgment> out = null;
        try (JsonParser p = Json.MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw Refusal.invalid("expected a JSON object {\"judgments\": [...]}");
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("judgments")) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) continue;
                if (value != JsonToken.START_ARRAY) {
                    throw Refusal.invalid("judgments: expected an array, found " + Json.kind(ELEMENT.readTree(p)));
                }
                out = new ArrayList<>();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    JsonNode node = ELEMENT.readTree(p);
                    int end = (int) p.currentLocation().getByteOffset();
                    try {
                        Json.requireWholeCharacters(node, "");
                        Judgment j = JudgmentJson.read(node);
                        out.add(new ReceivedJudgment(j, new String(body, start, end - start, StandardCharsets.UTF_8)));
                    } catch (FieldException e) {
                        throw Refusal.invalid("judgments[" + i + "]." + e.getMessage());
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw Refusal.invalid("judgments[" + i + "]: " + e.getMessage());
                    }
                }
            }
            if (p.nextToken() != null) throw Refusal.invalid("malformed JSON: content after the request object");
        }
        if (out == null) throw new FieldException("judgments", "an array (field is missing)");
        return out;
    }

    /** The HTTP status that says why; 499 is nginx's "client closed request", logged and never read by the client. */
    static int status(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID, TOO_FEW_ANNOTATORS -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case CUT_OFF -> 499;
        };
    }

    private static void error(Context ctx, int status, String reason) {
        ctx.status(status);
        ctx.json(Json.object().put("error", reason == null ? "error" : reason));
    }
}

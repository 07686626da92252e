package org.arbiter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** Who opens the dashboard and who pushes, over real HTTP, once per database backend. */
abstract class DashboardAccessContract {
    @TempDir
    Path dir;
    DashboardLab lab;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    abstract boolean postgres();

    @BeforeEach
    void start() throws Exception {
        lab = new DashboardLab(SyncTestKit.jdbcUrl(dir, postgres()), List.of("ana", "ben", "cy"), null);
    }

    @AfterEach
    void stop() {
        if (lab != null) lab.close();
    }

    HttpResponse<String> get(String path, String token, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.url() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) b.header("Cookie", cookie);
        if (origin != null) b.header("Origin", origin);
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aLeadTokenOpensTheDashboardAndItsApiAndShowsThePushes() throws Exception {
        lab.push("ana", 0);
        HttpResponse<String> r = get("/dashboard/api/overview", lab.leadToken, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode o = Json.parse(r.body());
        assertThat(o.get("lead").asString()).isEqualTo("lea");
        assertThat(o.get("report").get("judgments").asInt()).isEqualTo(1);
        assertThat(o.get("batches").get("total").asInt()).isEqualTo(2);
        assertThat(o.get("imports").get(0).get("source").asString()).isEqualTo("math");
        assertThat(o.get("annotators").findValuesAsString("name")).contains("ana", "ben", "cy");
        assertThat(o.get("charts").get("leaderboard").asString()).startsWith("<svg");
        assertThat(get("/dashboard", lab.leadToken, null).body()).contains("Arbiter lab dashboard", "/dashboard/assets/dashboard.js");
    }

    @Test
    void anAnnotatorTokenAndNoTokenAreRefused() throws Exception {
        String ana = lab.tokens.get("ana");
        HttpResponse<String> r = get("/dashboard/api/overview", ana, null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("annotator's token does not open the dashboard");
        assertThat(get("/dashboard", ana, null).statusCode()).isEqualTo(403);
        assertThat(get("/dashboard/download/export?format=dpo", ana, null).statusCode()).isEqualTo(403);
        assertThat(get("/dashboard/api/overview", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/api/state", "not-a-token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/dashboard", null, null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/dashboard/login");
        HttpResponse<String> login = form("/dashboard/login", "token=" + enc(ana), null, null);
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login.body()).contains("annotator&#39;s token");
    }

    @Test
    void aLeadTokenPushesNothing() throws Exception {
        SyncClient annotator = new SyncClient(lab.url(), lab.tokens.get("ana"));
        Item item = annotator.items(annotator.batches().get(0).name()).get(0);
        String body = "{\"judgments\":[" + Json.write(JudgmentJson.write(SyncTestKit.judgment(item, "ana", UUID.randomUUID(), 1))) + "]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/judgments"))
                .header("Authorization", "Bearer " + lab.leadToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(get("/api/batches", lab.leadToken, null).statusCode()).isEqualTo(401);
        assertThat(lab.store.status().versions()).isZero();
    }

    @Test
    void loginKeepsAnHttpOnlyStrictCookieAndLogoutNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> login = form("/dashboard/login", "token=" + enc(lab.leadToken), null, lab.url());
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(Dashboard.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/dashboard")
                .doesNotContain("Secure"); // plain HTTP here: a browser would drop a Secure cookie
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode o = Json.parse(get("/dashboard/api/overview", null, cookie).body());
        String csrf = o.get("csrf").asString();

        // a form posted from another site is refused, and so is a logout without the page's token
        assertThat(form("/dashboard/login", "token=" + enc(lab.leadToken), null, "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(form("/dashboard/logout", "csrf=wrong", cookie, null).statusCode()).isEqualTo(403);
        assertThat(get("/dashboard/api/state", null, cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> out = form("/dashboard/logout", "csrf=" + enc(csrf), cookie, lab.url());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get("/dashboard/api/state", null, cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void revokingALeadEndsTheirSession() throws Exception {
        HttpResponse<String> login = form("/dashboard/login", "token=" + enc(lab.leadToken), null, null);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(get("/dashboard/api/state", null, cookie).statusCode()).isEqualTo(200);
        assertThat(lab.store.revokeLead("lea")).isTrue();
        assertThat(get("/dashboard/api/state", null, cookie).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/api/state", lab.leadToken, null).statusCode()).isEqualTo(401);
    }

    @Test
    void exportsAndTheAdjudicationQueueDownloadAsFiles() throws Exception {
        lab.push("ana", 0);
        HttpResponse<String> r = get("/dashboard/download/export?format=full&labels=expert", lab.leadToken, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".jsonl");
        assertThat(r.body().lines().count()).isEqualTo(1);
        assertThat(r.body()).contains("\"annotator\":\"ana\"");
        assertThat(get("/dashboard/download/export?format=nope", lab.leadToken, null).statusCode()).isEqualTo(400);
        HttpResponse<String> q = get("/dashboard/download/adjudication", lab.leadToken, null);
        assertThat(q.statusCode()).isEqualTo(200);
        assertThat(q.headers().firstValue("Content-Disposition").orElseThrow()).contains("adjudication-all.jsonl");
    }
}

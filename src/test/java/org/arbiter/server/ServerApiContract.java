package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncTestKit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The server's HTTP contract, run once per database backend. */
abstract class ServerApiContract {
    @TempDir
    Path dir;
    Lab lab;
    String jdbcUrl;
    Map<String, List<String>> batches;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    abstract boolean postgres();

    @BeforeEach
    void start() throws Exception {
        jdbcUrl = SyncTestKit.jdbcUrl(dir, postgres());
        lab = new Lab(jdbcUrl, List.of("ana", "ben", "cy"));
        // 6 items, batches of 3, each item for 2 annotators
        batches = lab.store.importItems("math", SyncTestKit.items(6), 2, 3);
    }

    @AfterEach
    void stop() {
        if (lab != null) lab.close();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.url() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.url() + path)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String batchOf(String annotator) {
        return batches.entrySet().stream().filter(e -> e.getValue().contains(annotator)).findFirst().orElseThrow().getKey();
    }

    String batchNotOf(String annotator) {
        return batches.entrySet().stream().filter(e -> !e.getValue().contains(annotator)).findFirst().orElseThrow().getKey();
    }

    static String pushBody(List<Judgment> js) {
        ObjectNode o = Json.object();
        var arr = o.putArray("judgments");
        js.forEach(j -> arr.add(JudgmentJson.write(j)));
        return Json.write(o);
    }

    @Test
    void importSplitsIntoBatchesEachAssignedToDistinctAnnotators() {
        assertThat(batches).hasSize(2);
        batches.values().forEach(a -> assertThat(a).hasSize(2).doesNotHaveDuplicates());
        ServerStatus s = lab.store.status();
        assertThat(s.items()).isEqualTo(6);
        assertThat(s.batches()).isEqualTo(2);
        assertThat(s.assignments()).isEqualTo(4);
    }

    @Test
    void healthNeedsNoTokenButEverythingElseDoes() throws Exception {
        assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
        HttpResponse<String> r = get("/api/batches", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Json.parse(r.body()).get("error").asString()).contains("bearer token");
        assertThat(get("/api/batches", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(post("/api/judgments", null, "{\"judgments\":[]}").statusCode()).isEqualTo(401);
    }

    @Test
    void annotatorSeesOnlyTheirBatchesAndNeverHiddenLabels() throws Exception {
        String ana = lab.tokens.get("ana");
        JsonNode list = Json.parse(get("/api/batches", ana).body()).get("batches");
        for (JsonNode b : list) assertThat(batches.get(b.get("name").asString())).contains("ana");
        HttpResponse<String> items = get("/api/batches/" + batchOf("ana") + "/items", ana);
        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(Json.parse(items.body()).get("items").size()).isEqualTo(3);
        assertThat(items.body()).doesNotContain("SECRET-GOLD").doesNotContain("SECRET-PRIOR").doesNotContain("gold");
        // the server keeps them
        String stored = lab.store.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT body FROM item")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).contains("SECRET-GOLD");
    }

    @Test
    void crossAnnotatorAccessIsForbiddenAndChangesNothing() throws Exception {
        String ben = lab.tokens.get("ben");
        String foreign = batchNotOf("ben");
        assertThat(get("/api/batches/" + foreign + "/items", ben).statusCode()).isEqualTo(403);
        assertThat(get("/api/batches/no-such-batch/items", ben).statusCode()).isEqualTo(403);

        Item mine = itemIn(batchOf("ben"));
        // pretending to be another annotator
        String other = batches.get(batchOf("ben")).stream().filter(a -> !a.equals("ben")).findFirst().orElseThrow();
        HttpResponse<String> r = post("/api/judgments", ben, pushBody(List.of(SyncTestKit.judgment(mine, other, UUID.randomUUID(), 1))));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("annotator");
        // judging an item of a batch not assigned to them
        r = post("/api/judgments", ben, pushBody(List.of(SyncTestKit.judgment(itemIn(foreign), "ben", UUID.randomUUID(), 1))));
        assertThat(r.statusCode()).isEqualTo(403);
        // a good judgment plus a forbidden one: neither is stored
        r = post("/api/judgments", ben, pushBody(List.of(SyncTestKit.judgment(mine, "ben", UUID.randomUUID(), 1),
                SyncTestKit.judgment(itemIn(foreign), "ben", UUID.randomUUID(), 1))));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(lab.store.status().versions()).isZero();
    }

    @Test
    void pushesAreIdempotentAndAConflictingVersionIsRefused() throws Exception {
        String ana = lab.tokens.get("ana");
        Item item = itemIn(batchOf("ana"));
        UUID id = UUID.randomUUID();
        Judgment v1 = SyncTestKit.judgment(item, "ana", id, 1);
        Judgment v2 = SyncTestKit.judgment(item, "ana", id, 2);
        HttpResponse<String> r = post("/api/judgments", ana, pushBody(List.of(v1, v2)));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode receipt = Json.parse(r.body());
        assertThat(receipt.get("accepted").size()).isEqualTo(2);
        assertThat(receipt.get("inserted").asInt()).isEqualTo(2);
        r = post("/api/judgments", ana, pushBody(List.of(v1, v2)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("duplicates").asInt()).isEqualTo(2);
        assertThat(lab.store.status().versions()).isEqualTo(2);
        assertThat(lab.store.status().judgments()).isEqualTo(1);

        Judgment changed = new Judgment(id, item.id(), item.batch(), "ana", 2, v2.preference(), v2.flags(), v2.rubric(),
                "a different rationale", v2.stepLabels(), v2.shownLeft(), v2.startedAt(), v2.submittedAt(), v2.activeMs());
        r = post("/api/judgments", ana, pushBody(List.of(changed)));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(lab.store.status().versions()).isEqualTo(2);
    }

    @Test
    void malformedPayloadsGet400WithAReasonAndChangeNothing() throws Exception {
        String ana = lab.tokens.get("ana");
        HttpResponse<String> r = post("/api/judgments", ana, "{\"judgments\": [");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("error").asString()).contains("malformed JSON");
        r = post("/api/judgments", ana, "[1,2]");
        assertThat(r.statusCode()).isEqualTo(400);
        ObjectNode bad = JudgmentJson.write(SyncTestKit.judgment(itemIn(batchOf("ana")), "ana", UUID.randomUUID(), 1));
        bad.put("version", "two");
        r = post("/api/judgments", ana, "{\"judgments\":[" + Json.write(JudgmentJson.write(
                SyncTestKit.judgment(itemIn(batchOf("ana")), "ana", UUID.randomUUID(), 1))) + "," + Json.write(bad) + "]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("error").asString()).isEqualTo("judgments[1].version: expected an integer >= 1");
        assertThat(lab.store.status().versions()).isZero();
    }

    @Test
    void requestsOverTheSizeLimitAreRefused() throws Exception {
        String big = "{\"judgments\":[], \"pad\":\"" + "x".repeat((int) ArbiterServer.MAX_REQUEST_BYTES + 10) + "\"}";
        HttpResponse<String> r = post("/api/judgments", lab.tokens.get("ana"), big);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        String ben = lab.tokens.get("ben");
        assertThat(get("/api/me", ben).statusCode()).isEqualTo(200);
        assertThat(lab.store.revoke("ben")).isTrue();
        HttpResponse<String> r = get("/api/me", ben);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("revoked");
    }

    @Test
    void aBatchCompletesWhenEachAssignedAnnotatorJudgedEveryItem() throws Exception {
        String batch = batchOf("ana");
        List<Item> items = lab.store.itemsFor("ana", batch);
        for (String a : batches.get(batch)) {
            List<Judgment> js = items.stream().map(i -> SyncTestKit.judgment(i, a, UUID.randomUUID(), 1)).toList();
            JsonNode receipt = Json.parse(post("/api/judgments", lab.tokens.get(a), pushBody(js)).body());
            assertThat(receipt.get("completed_batches").get(0).asString()).isEqualTo(batch);
        }
        ServerStatus s = lab.store.status();
        assertThat(s.completedBatches()).isEqualTo(1);
        assertThat(s.judgments()).isEqualTo(6);
    }

    String sharedBy(String a, String b) {
        return batches.entrySet().stream().filter(e -> e.getValue().containsAll(List.of(a, b))).findFirst().orElseThrow().getKey();
    }

    static Judgment moved(Judgment j, Item to) {
        return new Judgment(j.judgmentId(), to.id(), to.batch(), j.annotator(), j.version(), j.preference(), j.flags(), j.rubric(),
                j.rationale(), j.stepLabels(), j.shownLeft(), j.startedAt(), j.submittedAt(), j.activeMs());
    }

    /** What the report and the dpo export count: the current judgment of each id, with its annotator. */
    Map<UUID, String> currentAnnotators() {
        Map<UUID, String> out = new java.util.LinkedHashMap<>();
        for (Judgment j : lab.store.currentJudgments()) out.put(j.judgmentId(), j.annotator() + "@" + j.itemId() + " v" + j.version());
        Map<UUID, String> exported = new java.util.LinkedHashMap<>();
        for (Judgment j : new ServerLabelStore(lab.store, false).current()) {
            exported.put(j.judgmentId(), j.annotator() + "@" + j.itemId() + " v" + j.version());
        }
        assertThat(exported).isEqualTo(out);
        return out;
    }

    @Test
    void aJudgmentIdBelongsToOneAnnotatorAndOneItemForEver() throws Exception {
        String shared = sharedBy("ana", "ben");
        List<Item> items = lab.store.itemsFor("ben", shared);
        Item x = items.get(0);
        Item y = items.get(1);
        UUID bens = UUID.randomUUID();
        assertThat(post("/api/judgments", lab.tokens.get("ben"), pushBody(List.of(SyncTestKit.judgment(x, "ben", bens, 1))))
                .statusCode()).isEqualTo(200);
        Map<UUID, String> before = currentAnnotators();
        assertThat(before).containsEntry(bens, "ben@" + x.id() + " v1");

        // ana pushes version 2 of ben's id, under her own name, on the item they share: not hers
        String ana = lab.tokens.get("ana");
        HttpResponse<String> r = post("/api/judgments", ana, pushBody(List.of(SyncTestKit.judgment(x, "ana", bens, 2))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(Json.parse(r.body()).get("error").asString()).startsWith("judgments[0].judgment_id: ")
                .contains("belongs to another annotator").doesNotContain("ben");
        // ... nor together with a good judgment of hers: nothing of that push is stored
        Judgment anasOwn = SyncTestKit.judgment(x, "ana", UUID.randomUUID(), 1);
        r = post("/api/judgments", ana, pushBody(List.of(anasOwn, SyncTestKit.judgment(x, "ana", bens, 1))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(lab.store.status().versions()).isEqualTo(1);
        assertThat(currentAnnotators()).isEqualTo(before);

        // ben himself cannot move his judgment to another item, in a later push or within one push
        String ben = lab.tokens.get("ben");
        r = post("/api/judgments", ben, pushBody(List.of(moved(SyncTestKit.judgment(x, "ben", bens, 2), y))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(Json.parse(r.body()).get("error").asString()).startsWith("judgments[0].item_id: ")
                .contains("is on item " + x.id() + " of batch " + shared).contains("new id");
        UUID fresh = UUID.randomUUID();
        r = post("/api/judgments", ben, pushBody(List.of(SyncTestKit.judgment(x, "ben", fresh, 1),
                moved(SyncTestKit.judgment(x, "ben", fresh, 2), y))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(Json.parse(r.body()).get("error").asString()).startsWith("judgments[1].item_id: ");
        assertThat(lab.store.status().versions()).isEqualTo(1);
        assertThat(currentAnnotators()).isEqualTo(before);

        // his own next version on the same item is fine, and ana's own judgment too
        assertThat(post("/api/judgments", ben, pushBody(List.of(SyncTestKit.judgment(x, "ben", bens, 2)))).statusCode()).isEqualTo(200);
        assertThat(post("/api/judgments", ana, pushBody(List.of(anasOwn))).statusCode()).isEqualTo(200);
        assertThat(currentAnnotators()).containsEntry(bens, "ben@" + x.id() + " v2")
                .containsEntry(anasOwn.judgmentId(), "ana@" + x.id() + " v1").hasSize(2);
    }

    @Test
    void aForeignVersionStoredBeforeOwnershipWasEnforcedDoesNotHideTheOwnersJudgment() throws Exception {
        String shared = sharedBy("ana", "ben");
        Item x = lab.store.itemsFor("ben", shared).get(0);
        UUID bens = UUID.randomUUID();
        lab.store.push("ben", List.of(SyncTestKit.judgment(x, "ben", bens, 1)));
        // the row an older server accepted: ana's version 2 of ben's id
        Judgment foreign = SyncTestKit.judgment(x, "ana", bens, 2);
        lab.store.withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO judgment (judgment_id, version, batch, item_id, annotator, body, received_at) "
                    + "VALUES (?, 2, ?, ?, 'ana', ?, '2026-01-02T00:00:00Z')")) {
                ps.setString(1, bens.toString());
                ps.setString(2, x.batch());
                ps.setString(3, x.id());
                ps.setString(4, Json.write(JudgmentJson.write(foreign)));
                return ps.executeUpdate();
            }
        });
        assertThat(currentAnnotators()).containsExactly(Map.entry(bens, "ben@" + x.id() + " v1"));
    }

    @Test
    void ingestRefusesAnotherAnnotatorsJudgmentIdNamingFileAndLine() throws Exception {
        String shared = sharedBy("ana", "ben");
        List<Item> items = lab.store.itemsFor("ben", shared);
        UUID bens = UUID.randomUUID();
        lab.store.push("ben", List.of(SyncTestKit.judgment(items.get(0), "ben", bens, 1)));
        Path file = dir.resolve("ana-full.jsonl");
        java.nio.file.Files.write(file, List.of(
                Json.write(JudgmentJson.write(SyncTestKit.judgment(items.get(1), "ana", UUID.randomUUID(), 1))),
                "",
                Json.write(JudgmentJson.write(SyncTestKit.judgment(items.get(0), "ana", bens, 2)))));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                "server", "--db", jdbcUrl, "ingest", file.toString(), "--annotator", "ana");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":3: judgment_id: judgment " + bens + " belongs to another annotator");
        assertThat(lab.store.status().versions()).isEqualTo(1);
        code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                "server", "--db", jdbcUrl, "ingest", file.toString(), "--annotator", "ben");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":1: annotator: ana is not the --annotator given, ben");

        // on another item of ben's own: 409 in the API's words, file and line here
        java.nio.file.Files.write(file, List.of(Json.write(JudgmentJson.write(moved(SyncTestKit.judgment(items.get(0), "ben", bens, 2),
                items.get(1))))));
        code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                "server", "--db", jdbcUrl, "ingest", file.toString(), "--annotator", "ben");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":1: item_id: judgment " + bens + " is on item " + items.get(0).id());
        assertThat(lab.store.status().versions()).isEqualTo(1);
    }

    Item itemIn(String batch) {
        String someone = batches.get(batch).get(0);
        return lab.store.itemsFor(someone, batch).get(0);
    }
}

package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncTestKit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gold seeding end to end through the admin's commands and the annotators' HTTP API: rate and placement,
 * nothing on the client that tells gold apart, gold accuracy in the report, and server exports that leave
 * gold out. Run once per database backend.
 */
public abstract class GoldSeedingContract {
    /** Gold answers of the gold file: one in each format the report scores. */
    static final Map<String, Map<String, Object>> GOLD = new LinkedHashMap<>();

    static {
        GOLD.put("q90", Map.of("preference", "A>>B"));
        GOLD.put("q91", Map.of("direction", "B"));
        GOLD.put("q92", Map.of("correct", "a"));
        GOLD.put("q93", Map.of("first_error", Map.of("response", "a", "step", 1)));
    }

    @TempDir
    Path dir;
    Lab lab;
    String url;
    Path items;
    Path gold;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    abstract boolean postgres();

    @BeforeEach
    void start() throws Exception {
        url = SyncTestKit.jdbcUrl(dir, postgres());
        lab = new Lab(url, List.of("ana", "ben"));
        items = write("items.jsonl", regular(20));
        List<Item> goldItems = new ArrayList<>();
        GOLD.forEach((id, g) -> goldItems.add(item(id, g)));
        gold = write("gold.jsonl", goldItems);
    }

    @AfterEach
    void stop() {
        if (lab != null) lab.close();
    }

    /** Regular items in the same shape as the gold ones: same id style, meta and prior label. */
    public static List<Item> regular(int n) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(item(String.format("q%02d", i), null));
        return out;
    }

    public static Item item(String id, Map<String, Object> gold) {
        List<Response> responses = List.of(new Response("a", "model-x", "Answer one to " + id + ".\n\nSecond line."),
                new Response("b", "model-y", "Answer two to " + id + ".\n\nSecond line."));
        return new Item(id, "in", Domain.GENERAL, Prompt.text("Question " + id + ": which answer is better?"), responses,
                null, gold == null ? null : org.arbiter.model.Gold.parse(gold, responses), Map.of("source", "hh-rlhf"), List.of(new PriorLabel("crowd", Preference.A_BETTER, List.of(), Map.of())));
    }

    Path write(String name, List<Item> list) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Item i : list) sb.append(Json.write(ItemJson.write(i))).append('\n');
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
        }
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("server", "--db", url));
        all.addAll(List.of(args));
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Per batch, the item ids in delivery order with gold ones marked "*" — read straight from the database. */
    Map<String, List<String>> layout(ServerStore store) {
        return store.withConnection(c -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            try (var rs = c.createStatement().executeQuery("SELECT batch, id, seeded_gold FROM item ORDER BY batch, seq")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), b -> new ArrayList<>()).add(rs.getString(2) + (rs.getInt(3) == 1 ? "*" : ""));
                }
            }
            return out;
        });
    }

    Run importWithGold() {
        Run r = cli("import", items.toString(), "--batch", "wk", "--overlap", "2", "--batch-size", "10",
                "--gold", gold.toString(), "--gold-rate", "0.2");
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    @Test
    void goldGoesIntoEveryBatchAtTheRateMixedAmongTheItems() throws Exception {
        Run r = importWithGold();
        assertThat(r.out()).contains("wk-001: ana, ben (2 gold)").contains("wk-002: ana, ben (2 gold)")
                .contains("mixed in 4 gold items");
        Map<String, List<String>> layout = layout(lab.store);
        assertThat(layout).containsOnlyKeys("wk-001", "wk-002");
        Set<String> goldSeen = new HashSet<>();
        boolean goldBeforeTheEnd = false;
        for (List<String> ids : layout.values()) {
            // 10 regular items and round(0.2 × 10) = 2 gold items, each batch
            assertThat(ids).hasSize(12);
            List<String> g = ids.stream().filter(s -> s.endsWith("*")).toList();
            assertThat(g).hasSize(2);
            goldSeen.addAll(g);
            for (int i = 0; i < ids.size() - 2; i++) goldBeforeTheEnd |= ids.get(i).endsWith("*");
            // the regular items keep their order
            List<String> rest = ids.stream().filter(s -> !s.endsWith("*")).toList();
            assertThat(rest).isSorted();
        }
        // round-robin through the pool: the second batch gets the two gold items the first did not
        assertThat(goldSeen).containsExactlyInAnyOrder("q90*", "q91*", "q92*", "q93*");
        assertThat(goldBeforeTheEnd).as("gold is mixed in, not appended: %s", layout).isTrue();
        assertThat(lab.store.status().items()).isEqualTo(24);

        // A low rate still gives every batch one gold item (from a gold file of its own: ana and ben have had
        // all four of the first one).
        List<Item> moreGold = new ArrayList<>();
        for (int i = 0; i < 3; i++) moreGold.add(item("rq9" + i, Map.of("direction", "A")));
        Run low = cli("import", write("more.jsonl", regular(25).stream().map(i -> item("r" + i.id(), null)).toList()).toString(),
                "--batch", "low", "--overlap", "1", "--batch-size", "10", "--gold", write("more-gold.jsonl", moreGold).toString(),
                "--gold-rate", "0.01");
        assertThat(low.code()).as(low.err()).isZero();
        Map<String, List<String>> lowLayout = layout(lab.store);
        for (String b : List.of("low-001", "low-002", "low-003")) {
            assertThat(lowLayout.get(b).stream().filter(s -> s.endsWith("*"))).as(b).hasSize(1);
        }

        // Deterministic: the same files and names give the same batches in another database.
        try (ServerStore other = ServerStore.open("jdbc:sqlite:" + dir.resolve("again.db"))) {
            other.addAnnotator("ana");
            other.addAnnotator("ben");
            other.importItems("wk", org.arbiter.server.JsonLines.items(items, "wk"), 2, 10,
                    new GoldSeeding(org.arbiter.server.JsonLines.goldItems(gold), 0.2));
            assertThat(layout(other)).isEqualTo(layout);
        }
    }

    /** The ids of gold items among what {@code who} receives over the API, batch after batch, repeats kept. */
    List<String> goldReceivedOverTheApi(String who) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode list = Json.parse(http.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/batches"))
                .header("Authorization", "Bearer " + lab.tokens.get(who)).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("batches");
        for (JsonNode b : list) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/batches/" + b.get("name").asString()
                    + "/items")).header("Authorization", "Bearer " + lab.tokens.get(who)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode it : Json.parse(r.body()).get("items")) {
                if (GOLD.containsKey(it.get("id").asString())) out.add(it.get("id").asString());
            }
        }
        return out;
    }

    @Test
    void noAnnotatorReceivesTheSameGoldItemTwiceAndATooSmallPoolIsRefused() throws Exception {
        // Four imports of one batch each, one gold item a batch, both annotators on every batch: the four gold
        // items of the pool are exactly enough, so each must get every one of them once.
        for (int week = 1; week <= 4; week++) {
            List<Item> regular = regular(10).stream().map(i -> item("w" + i.id(), null)).toList();
            Run r = cli("import", write("week.jsonl", regular).toString(), "--batch", "wk" + week, "--overlap", "2",
                    "--batch-size", "10", "--gold", gold.toString(), "--gold-rate", "0.1");
            assertThat(r.code()).as(r.err()).isZero();
        }
        for (String who : List.of("ana", "ben")) {
            assertThat(goldReceivedOverTheApi(who)).as(who).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(GOLD.keySet());
        }

        // A fifth import would have to repeat one: refused with the numbers, nothing imported.
        ServerStatus before = lab.store.status();
        Run r = cli("import", write("week.jsonl", regular(10)).toString(), "--batch", "wk5", "--overlap", "2",
                "--batch-size", "10", "--gold", gold.toString(), "--gold-rate", "0.1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("gold pool too small").contains("gives ana 1 gold items in 1 batch")
                .contains("4 of these gold items ana received in earlier imports")
                .contains("the pool needs at least 5 different gold items, the gold file has 4").contains("Nothing was imported");
        assertThat(lab.store.batchesOfImport("wk5")).isEmpty();
        assertThat(lab.store.status()).isEqualTo(before);

        // Within one import too: 3 batches at 2 gold each give each annotator 6, from a pool of 4.
        try (ServerStore fresh = ServerStore.open(SyncTestKit.jdbcUrl(Files.createDirectories(dir.resolve("fresh")), postgres()))) {
            fresh.addAnnotator("ana");
            fresh.addAnnotator("ben");
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(Refusal.class, () -> fresh.importItems("big",
                    regular(30), 2, 10, new GoldSeeding(JsonLines.goldItems(gold), 0.2))))
                    .hasMessageContaining("gives ana 6 gold items in 3 batches: the pool needs at least 6 different gold items, "
                            + "the gold file has 4");
            assertThat(fresh.status().items()).isZero();
        }
    }

    @Test
    void annotatorsCannotTellGoldItemsApart() throws Exception {
        importWithGold();
        Set<String> goldIds = layout(lab.store).get("wk-001").stream().filter(s -> s.endsWith("*"))
                .map(s -> s.substring(0, s.length() - 1)).collect(Collectors.toSet());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/batches/wk-001/items"))
                .header("Authorization", "Bearer " + lab.tokens.get("ana")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().toLowerCase(Locale.ROOT)).doesNotContain("gold").doesNotContain("prior").doesNotContain("crowd");
        JsonNode list = Json.parse(r.body()).get("items");
        assertThat(list.size()).isEqualTo(12);
        Set<String> delivered = new HashSet<>();
        Set<Set<String>> shapes = new HashSet<>();
        Set<String> metas = new HashSet<>();
        for (JsonNode it : list) {
            delivered.add(it.get("id").asString());
            shapes.add(new TreeSet<>(it.propertyNames()));
            metas.add(it.get("meta").toString());
        }
        // The gold items are there, and every item has the same fields and the same meta.
        assertThat(delivered).containsAll(goldIds);
        assertThat(shapes).hasSize(1);
        assertThat(metas).containsExactly("{\"source\":\"hh-rlhf\"}");
        for (Item it : lab.store.itemsFor("ben", "wk-001")) {
            assertThat(it.gold()).isNull();
            assertThat(it.priorLabels()).isEmpty();
            assertThat(it.batch()).isEqualTo("wk-001");
        }
    }

    /** ana is right on every gold item; ben gets the gold preference and direction wrong, "correct" right. */
    void bothAnnotatorsJudgeEverything() throws Exception {
        for (String who : List.of("ana", "ben")) {
            List<Judgment> js = new ArrayList<>();
            for (String batch : List.of("wk-001", "wk-002")) {
                for (Item it : lab.store.itemsFor(who, batch)) {
                    Preference p = Preference.A_BETTER;
                    List<StepLabel> steps = List.of();
                    switch (it.id()) {
                        case "q90" -> p = who.equals("ana") ? Preference.A_MUCH_BETTER : Preference.B_BETTER;
                        case "q91" -> p = who.equals("ana") ? Preference.B_BETTER : Preference.A_BETTER;
                        case "q93" -> steps = who.equals("ana")
                                ? List.of(new StepLabel("a", 0, "s0", 1, List.of(), null), new StepLabel("a", 1, "s1", -1, List.of(), null))
                                : List.of(new StepLabel("a", 0, "s0", -1, List.of(), null), new StepLabel("a", 1, "s1", -1, List.of(), null));
                        default -> { }
                    }
                    js.add(new Judgment(UUID.randomUUID(), it.id(), batch, who, 1, p, Set.of(), Map.of(), "", steps, "a",
                            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 30_000));
                }
            }
            ObjectNode body = Json.object();
            var arr = body.putArray("judgments");
            js.forEach(j -> arr.add(JudgmentJson.write(j)));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lab.url() + "/api/judgments"))
                    .header("Authorization", "Bearer " + lab.tokens.get(who)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    @Test
    void reportShowsEachAnnotatorsGoldAccuracy() throws Exception {
        importWithGold();
        bothAnnotatorsJudgeEverything();
        Run r = cli("report", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = Json.parse(r.lines().get(r.lines().size() - 1));
        assertThat(report.get("gold_items").asInt()).isEqualTo(4);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode a : report.get("annotators")) byName.put(a.get("name").asString(), a);
        assertThat(byName).containsOnlyKeys("ana", "ben");
        // three gold items have a direction (preference, direction, correct); the fourth a first error
        assertThat(byName.get("ana").get("gold_judgments").asInt()).isEqualTo(3);
        assertThat(byName.get("ana").get("gold_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(byName.get("ben").get("gold_judgments").asInt()).isEqualTo(3);
        assertThat(byName.get("ben").get("gold_accuracy").asDouble()).isCloseTo(1.0 / 3, within(1e-6)); // the report rounds to 6 decimals
        assertThat(byName.get("ana").get("gold_first_error_agreement").asDouble()).isEqualTo(1.0);
        assertThat(byName.get("ben").get("gold_first_error_agreement").asDouble()).isEqualTo(0.0);
    }

    List<JsonNode> rows(Run r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r.lines().stream().map(Json::parse).toList();
    }

    @Test
    void serverExportsLeaveGoldItemsOutUnlessAskedFor() throws Exception {
        importWithGold();
        bothAnnotatorsJudgeEverything();

        // dpo: 20 regular items × 2 annotators, no gold prompt among them
        List<JsonNode> dpo = rows(cli("export", "--format", "dpo"));
        assertThat(dpo).hasSize(40);
        assertThat(dpo).allSatisfy(row -> assertThat(row.get("prompt").asString()).doesNotContain("q9"));
        assertThat(dpo.get(0).get("chosen").asString()).startsWith("Answer one");
        List<JsonNode> withGold = rows(cli("export", "--format", "dpo", "--include-gold"));
        assertThat(withGold).hasSize(48);

        // full: every judgment version, none on a gold item
        Path full = dir.resolve("full.jsonl");
        Run f = cli("export", "--format", "full", "--out", full.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(f.err()).contains("wrote 40 rows (format full, labels expert)");
        List<String> fullLines = Files.readAllLines(full);
        assertThat(fullLines).hasSize(40);
        assertThat(fullLines).allSatisfy(l -> assertThat(Json.parse(l).get("item_id").asString()).doesNotStartWith("q9"));
        assertThat(fullLines.stream().map(l -> Json.parse(l).get("annotator").asString()).distinct()).containsExactlyInAnyOrder("ana", "ben");

        // consensus: one label per regular item (both said A>B)
        List<JsonNode> consensus = rows(cli("export", "--format", "dpo", "--labels", "consensus"));
        assertThat(consensus).hasSize(20);
        assertThat(consensus).allSatisfy(row -> assertThat(row.get("chosen").asString()).startsWith("Answer one"));

        // all: expert rows plus the regular items' prior labels; the gold items' prior labels stay out
        assertThat(rows(cli("export", "--format", "dpo", "--labels", "all"))).hasSize(60);
        assertThat(rows(cli("export", "--format", "dpo", "--labels", "prior"))).hasSize(20);

        // --batch takes a batch or the whole import
        assertThat(rows(cli("export", "--format", "dpo", "--batch", "wk-002"))).hasSize(20);
        assertThat(rows(cli("export", "--format", "dpo", "--batch", "wk"))).hasSize(40);
        Run unknown = cli("export", "--format", "dpo", "--batch", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope").contains("wk-001");
    }
}

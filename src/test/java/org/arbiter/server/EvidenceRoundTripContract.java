package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncTestKit.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The evidence shown with a judgment travels the whole path unchanged: local store, local {@code full} export,
 * sync push to a real server on 127.0.0.1, server export, server ingest (on the same server and on a fresh
 * one), and the server report counts it. A judgment without evidence keeps the body it had before. Run once
 * per server database.
 */
abstract class EvidenceRoundTripContract {
    /** The body the codec wrote for this judgment before evidence was recorded (main at b87128b). */
    static final String OLD_BODY = "{\"judgment_id\":\"0b1e4a43-2c9a-4f0e-9a51-8d0f2f3a1c11\",\"item_id\":\"q2\",\"batch\":\"wk-001\","
            + "\"annotator\":\"ana\",\"version\":1,\"preference\":\"A>B\",\"flags\":[\"unsure\"],\"rubric\":{\"a\":{\"clarity\":3}},"
            + "\"rationale\":\"a is right\",\"step_labels\":[],\"shown_left\":\"b\",\"started_at\":\"2026-01-01T00:00:00Z\","
            + "\"submitted_at\":\"2026-01-01T00:01:00Z\",\"active_ms\":60000}";

    @TempDir
    Path dir;

    abstract boolean postgres();

    record Run(int code, String out, String err) {
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Item item(String id) {
        return new Item(id, "wk", Domain.CODE, Prompt.text("Write add(a, b)."),
                List.of(new Response("a", "m1", "def add(a, b): return a + b"), new Response("b", "m2", "def add(a, b): return a - b")),
                null, null, Map.of(), List.of());
    }

    Path itemsFile() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Item i : List.of(item("q1"), item("q2"))) sb.append(Json.write(ItemJson.write(i))).append('\n');
        return Files.writeString(dir.resolve("items.jsonl"), sb.toString());
    }

    static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).sorted().toList();
    }

    @Test
    void evidenceSurvivesStoreExportSyncServerAndIngest() throws Exception {
        String url = SyncTestKit.jdbcUrl(dir, postgres());
        Path items = itemsFile();
        Judgment withEvidence = new Judgment(UUID.randomUUID(), "q1", "wk-001", "ana", 1, Preference.B_BETTER, Set.of(), Map.of(),
                "b reads better; a's test is wrong", List.of(), "a", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:02:00Z"), 120_000, List.of(
                new ShownEvidence("a", "code", "passed", 3, 3, null, null, null, "arbiter-evidence 1; python3 3.11.2", false, ""),
                new ShownEvidence("b", "code", "failed", 1, 3, null, null, null, "arbiter-evidence 1; python3 3.11.2", true,
                        "the third test expects a - b")));
        Judgment old = JudgmentJson.read(Json.parse(OLD_BODY));

        Path localFull = dir.resolve("local-full.jsonl");
        try (Lab lab = new Lab(url, List.of("ana"))) {
            assertThat(arbiter("server", "--db", url, "import", items.toString(), "--batch", "wk").code()).isZero();
            Path db = dir.resolve("ana.db");
            assertThat(arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString()).code()).isZero();
            Run pulled = arbiter("sync", "--db", db.toString());
            assertThat(pulled.code()).as(pulled.err()).isZero();
            try (LocalStore s = LocalStore.open(db)) {
                s.judgments().save(withEvidence);
                s.judgments().save(old);
            }
            try (LocalStore s = LocalStore.open(db)) {
                assertThat(s.judgments().current()).containsExactlyInAnyOrder(withEvidence, old);
            }

            Run localExport = arbiter("export", "--db", db.toString(), "--format", "full", "--out", localFull.toString());
            assertThat(localExport.code()).as(localExport.err()).isZero();
            List<String> local = lines(localFull);
            assertThat(local).contains(OLD_BODY).hasSize(2);
            assertThat(local.stream().map(l -> JudgmentJson.read(Json.parse(l))).toList()).containsExactlyInAnyOrder(withEvidence, old);

            Run pushed = arbiter("sync", "--db", db.toString());
            assertThat(pushed.code()).as(pushed.err()).isZero();
            assertThat(pushed.out()).contains("pushed 2 judgment versions");
            assertThat(lab.store.currentJudgments()).containsExactlyInAnyOrder(withEvidence, old);

            Path serverFull = dir.resolve("server-full.jsonl");
            Run serverExport = arbiter("server", "--db", url, "export", "--format", "full", "--out", serverFull.toString());
            assertThat(serverExport.code()).as(serverExport.err()).isZero();
            assertThat(lines(serverFull)).isEqualTo(local);

            Run ingest = arbiter("server", "--db", url, "ingest", localFull.toString(), "--annotator", "ana");
            assertThat(ingest.code()).as(ingest.err()).isZero();
            assertThat(ingest.out()).contains("0 new, 2 already on the server");

            Run report = arbiter("server", "--db", url, "report", "--json");
            assertThat(report.code()).as(report.err()).isZero();
            String[] out = report.out().strip().split("\n");
            JsonNode ev = Json.parse(out[out.length - 1]).get("evidence");
            JsonNode ana = ev.get("annotators").get(0);
            assertThat(ana.get("name").asString()).isEqualTo("ana");
            assertThat(ana.get("decisive_judgments").asInt()).isEqualTo(1);
            assertThat(ana.get("agreeing").asInt()).isZero();
            assertThat(ev.get("confirmed_against").get(0).get("judgment_id").asString()).isEqualTo(withEvidence.judgmentId().toString());
            assertThat(ev.get("confirmed_against").get(0).get("reason").asString()).isEqualTo("the third test expects a - b");
        }

        // the offline route into a fresh server keeps the evidence too
        Path second = dir.resolve("second");
        Files.createDirectories(second);
        String url2 = SyncTestKit.jdbcUrl(second, postgres());
        try (ServerStore store = ServerStore.open(url2)) {
            store.addAnnotator("ana");
        }
        assertThat(arbiter("server", "--db", url2, "import", items.toString(), "--batch", "wk").code()).isZero();
        Run ingest = arbiter("server", "--db", url2, "ingest", localFull.toString(), "--annotator", "ana");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("2 new, 0 already on the server");
        Path secondFull = dir.resolve("second-full.jsonl");
        Run export = arbiter("server", "--db", url2, "export", "--format", "full", "--out", secondFull.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(lines(secondFull)).isEqualTo(lines(localFull));
        try (ServerStore store = ServerStore.open(url2)) {
            assertThat(store.currentJudgments()).containsExactlyInAnyOrder(withEvidence, old);
        }
    }
}

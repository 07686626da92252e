package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.arbiter.server.EvidenceRoundTripContract.arbiter;
import static org.arbiter.server.EvidenceRoundTripContract.lines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.server.EvidenceRoundTripContract.Run;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncTestKit.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * A ranking over four responses, with both its versions, travels the whole path unchanged: local store, local
 * {@code full} export, sync push to a real server on 127.0.0.1, server export (full and dpo), server ingest on
 * a fresh server, and the server report counts it. A ranking that does not order the item's responses is
 * refused. Run once per server database.
 */
abstract class RankingRoundTripContract {
    @TempDir
    Path dir;

    abstract boolean postgres();

    static Item item(String id) {
        return new Item(id, "rk", Domain.GENERAL, Prompt.text("Name a prime above 5."),
                List.of(new Response("r1", "m1", "7"), new Response("r2", "m2", "9"), new Response("r3", "m3", "11"),
                        new Response("r4", "m4", "8")), null, null, Map.of(), List.of());
    }

    @Test
    void rankingSurvivesStoreExportSyncServerAndIngest() throws Exception {
        String url = SyncTestKit.jdbcUrl(dir, postgres());
        Path items = Files.writeString(dir.resolve("items.jsonl"), Json.write(ItemJson.write(item("k1"))) + "\n"
                + Json.write(ItemJson.write(item("k2"))) + "\n");
        UUID id = UUID.randomUUID();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Judgment v1 = new Judgment(id, "k1", "rk-001", "ana", 1, null, Set.of(), Map.of("r4", Map.of("clarity", 2)),
                "8 is not prime", List.of(), null, t, t.plusSeconds(60), 60_000)
                .withRanking(new Ranking(List.of(List.of("r1"), List.of("r3"), List.of("r2", "r4")), List.of("r4", "r2", "r1", "r3")));
        Judgment v2 = new Judgment(id, "k1", "rk-001", "ana", 2, null, Set.of(), Map.of("r4", Map.of("clarity", 2)),
                "7 and 11 both right", List.of(), null, t, t.plusSeconds(90), 80_000)
                .withRanking(new Ranking(List.of(List.of("r1", "r3"), List.of("r2", "r4")), List.of("r4", "r2", "r1", "r3")));

        Path localFull = dir.resolve("local-full.jsonl");
        try (Lab lab = new Lab(url, List.of("ana"))) {
            assertThat(arbiter("server", "--db", url, "import", items.toString(), "--batch", "rk").code()).isZero();
            Path db = dir.resolve("ana.db");
            assertThat(arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString()).code()).isZero();
            Run pulled = arbiter("sync", "--db", db.toString());
            assertThat(pulled.code()).as(pulled.err()).isZero();
            try (LocalStore s = LocalStore.open(db)) {
                assertThat(s.items().batch("rk-001")).extracting(Item::isRanking).containsOnly(true);
                s.judgments().save(v1);
                s.judgments().save(v2);
            }
            Run localExport = arbiter("export", "--db", db.toString(), "--format", "full", "--out", localFull.toString());
            assertThat(localExport.code()).as(localExport.err()).isZero();
            List<String> local = lines(localFull);
            assertThat(local.stream().map(l -> JudgmentJson.read(Json.parse(l))).toList()).containsExactlyInAnyOrder(v1, v2);

            Run pushed = arbiter("sync", "--db", db.toString());
            assertThat(pushed.code()).as(pushed.err()).isZero();
            assertThat(pushed.out()).contains("pushed 2 judgment versions");
            assertThat(lab.store.currentJudgments()).containsExactly(v2);

            Path serverFull = dir.resolve("server-full.jsonl");
            Run serverExport = arbiter("server", "--db", url, "export", "--format", "full", "--out", serverFull.toString());
            assertThat(serverExport.code()).as(serverExport.err()).isZero();
            assertThat(lines(serverFull)).isEqualTo(local);

            // the current order r1 = r3 > r2 = r4 implies four pairs, each one rank apart
            Run dpo = arbiter("server", "--db", url, "export", "--format", "dpo", "--pairs", "all");
            assertThat(dpo.code()).as(dpo.err()).isZero();
            assertThat(dpo.out().strip().split("\n")).hasSize(4);

            Run report = arbiter("server", "--db", url, "report", "--json");
            assertThat(report.code()).as(report.err()).isZero();
            String[] out = report.out().strip().split("\n");
            JsonNode rankings = Json.parse(out[out.length - 1]).get("rankings");
            assertThat(rankings.get("items").asInt()).isEqualTo(1);
            assertThat(rankings.get("rankings").asInt()).isEqualTo(1);

            // an order that leaves out a response of the item is refused, naming the field
            Judgment partial = new Judgment(UUID.randomUUID(), "k2", "rk-001", "ana", 1, null, Set.of(), Map.of(), "",
                    List.of(), null, t, t.plusSeconds(30), 30_000)
                    .withRanking(new Ranking(List.of(List.of("r1"), List.of("r2")), List.of()));
            assertThatThrownBy(() -> lab.store.push("ana", List.of(partial)))
                    .isInstanceOf(Refusal.class).hasMessageContaining("judgments[0].ranking")
                    .hasMessageContaining("each response of item k2");
        }

        // the offline route into a fresh server keeps every version of the ranking
        Path second = dir.resolve("second");
        Files.createDirectories(second);
        String url2 = SyncTestKit.jdbcUrl(second, postgres());
        try (ServerStore store = ServerStore.open(url2)) {
            store.addAnnotator("ana");
        }
        assertThat(arbiter("server", "--db", url2, "import", items.toString(), "--batch", "rk").code()).isZero();
        Run ingest = arbiter("server", "--db", url2, "ingest", localFull.toString(), "--annotator", "ana");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("2 new, 0 already on the server");
        Path secondFull = dir.resolve("second-full.jsonl");
        Run export = arbiter("server", "--db", url2, "export", "--format", "full", "--out", secondFull.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(lines(secondFull)).isEqualTo(lines(localFull));
        try (ServerStore store = ServerStore.open(url2)) {
            assertThat(store.currentJudgments()).containsExactly(v2);
        }
    }
}

package org.arbiter.logic.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.json.JudgmentJson;
import org.arbiter.logic.exporter.ExportFixture.Run;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * A ranking of four responses in a real store, exported through the command line: every version in
 * {@code full}, the implied pairs in the pairwise formats (with {@code --pairs}), the order in {@code ranking}.
 * The current order is r3 &gt; r1 = r4 &gt; r2.
 */
class RankingExportTest {
    @TempDir
    static Path dir;
    static Path db;
    static Judgment v1;
    static Judgment v2;

    static final Ranking CURRENT = new Ranking(List.of(List.of("r3"), List.of("r1", "r4"), List.of("r2")),
            List.of("r2", "r4", "r1", "r3"));

    @BeforeAll
    static void buildStore() {
        db = dir.resolve("store.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.items().insertIfAbsent(new Item("k1", "rank", Domain.GENERAL, Prompt.text("Name a prime."),
                    List.of(new Response("r1", "m-1", "Two."), new Response("r2", "m-2", "Nine."),
                            new Response("r3", "m-3", "Seven, the fourth prime."), new Response("r4", "m-4", "Eleven.")),
                    null, null, Map.of(), List.of(new PriorLabel("ultrafeedback", null, List.of(), Map.of(),
                            new Ranking(List.of(List.of("r1"), List.of("r3"), List.of("r4"), List.of("r2")), List.of())))));
            UUID id = UUID.fromString("00000000-0000-4000-8000-00000000000a");
            Instant t = Instant.parse("2026-12-01T10:00:00Z");
            v1 = new Judgment(id, "k1", "rank", "alice", 1, null, Set.of(), Map.of(), "first look", List.of(), null,
                    t, t.plusSeconds(60), 60_000).withRanking(new Ranking(List.of(List.of("r1"), List.of("r2"),
                    List.of("r3"), List.of("r4")), List.of("r2", "r4", "r1", "r3")));
            v2 = new Judgment(id, "k1", "rank", "alice", 2, null, Set.of(), Map.of(), "r3 is right and says why",
                    List.of(), null, t, t.plusSeconds(120), 90_000).withRanking(CURRENT);
            s.judgments().save(v1);
            s.judgments().save(v2);
        }
    }

    private static Run export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--db", db.toString()));
        all.addAll(List.of(args));
        return ExportFixture.arbiter(all.toArray(String[]::new));
    }

    /** "chosen>rejected:margin" for each dpo row. */
    private static List<String> pairs(Run run) {
        return run.rows().stream().map(r -> r.get("chosen").asString() + ">" + r.get("rejected").asString() + ":"
                + r.get("margin").asDouble()).toList();
    }

    @Test
    void fullKeepsEveryVersionOfTheRankingReadableAsItWasSaved() {
        Run run = export("--format", "full");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> rows = run.rows();
        assertThat(rows).hasSize(2);
        assertThat(JudgmentJson.read(rows.get(0))).isEqualTo(v1);
        assertThat(JudgmentJson.read(rows.get(1))).isEqualTo(v2);
        assertThat(rows.get(1).get("ranking").get("order").toString()).isEqualTo("[[\"r3\"],[\"r1\",\"r4\"],[\"r2\"]]");
        assertThat(rows.get(1).get("ranking").get("shown_order").toString()).isEqualTo("[\"r2\",\"r4\",\"r1\",\"r3\"]");

        Run prior = export("--format", "full", "--labels", "prior");
        assertThat(prior.rows()).singleElement().satisfies(p ->
                assertThat(p.get("ranking").get("order").toString()).isEqualTo("[[\"r1\"],[\"r3\"],[\"r4\"],[\"r2\"]]"));
    }

    @Test
    void dpoWritesEveryImpliedPairByDefaultWithTheRankDistanceAsMargin() {
        Run run = export("--format", "dpo");
        assertThat(run.exit()).as(run.err()).isZero();
        // r1 and r4 tie: no pair between them; r3 over r2 is two ranks apart
        assertThat(pairs(run)).containsExactly("Seven, the fourth prime.>Two.:1.0", "Seven, the fourth prime.>Eleven.:1.0",
                "Seven, the fourth prime.>Nine.:2.0", "Two.>Nine.:1.0", "Eleven.>Nine.:1.0");
        assertThat(run.err()).contains("wrote 5 rows (format dpo");
    }

    @Test
    void pairsOptionSelectsAdjacentOrBestWorst() {
        assertThat(pairs(export("--format", "dpo", "--pairs", "adjacent"))).containsExactly(
                "Seven, the fourth prime.>Two.:1.0", "Seven, the fourth prime.>Eleven.:1.0", "Two.>Nine.:1.0", "Eleven.>Nine.:1.0");
        assertThat(pairs(export("--format", "dpo", "--pairs", "best-worst"))).containsExactly("Seven, the fourth prime.>Nine.:2.0");
        Run openai = export("--format", "openai-dpo", "--pairs", "best-worst");
        assertThat(openai.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("preferred_output").get(0).get("content").asString()).isEqualTo("Seven, the fourth prime.");
            assertThat(r.get("non_preferred_output").get(0).get("content").asString()).isEqualTo("Nine.");
        });
        Run bad = export("--format", "dpo", "--pairs", "some");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("unknown pairs \"some\"");
    }

    @Test
    void ktoMarksTheWinnersOfTheSelectedPairsTrueAndTheLosersFalse() {
        Run bw = export("--format", "kto", "--pairs", "best-worst");
        assertThat(bw.rows()).extracting(r -> r.get("completion").asString() + "=" + r.get("label").asBoolean())
                .containsExactly("Seven, the fourth prime.=true", "Nine.=false");
        Run all = export("--format", "kto");
        // r1 and r4 beat r2 and lose to r3: the order says both
        assertThat(all.rows()).extracting(r -> r.get("completion").asString() + "=" + r.get("label").asBoolean())
                .containsExactly("Two.=true", "Seven, the fourth prime.=true", "Eleven.=true", "Two.=false", "Nine.=false",
                        "Eleven.=false");
    }

    @Test
    void rankingFormatWritesTheOrderWithTiesAnnotatorAndShownOrder() {
        Run run = export("--format", "ranking", "--labels", "all");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).hasSize(2);
        JsonNode expert = run.rows().get(0);
        assertThat(expert.get("item_id").asString()).isEqualTo("k1");
        assertThat(expert.get("prompt").asString()).isEqualTo("Name a prime.");
        assertThat(expert.get("responses")).hasSize(4);
        assertThat(expert.get("responses").get(2).get("model").asString()).isEqualTo("m-3");
        assertThat(expert.get("order").toString()).isEqualTo("[[\"r3\"],[\"r1\",\"r4\"],[\"r2\"]]");
        assertThat(expert.get("annotator").asString()).isEqualTo("alice");
        assertThat(expert.get("label_source").asString()).isEqualTo("expert");
        assertThat(expert.get("shown_order").toString()).isEqualTo("[\"r2\",\"r4\",\"r1\",\"r3\"]");
        JsonNode prior = run.rows().get(1);
        assertThat(prior.get("label_source").asString()).isEqualTo("ultrafeedback");
        assertThat(prior.get("order").toString()).isEqualTo("[[\"r1\"],[\"r3\"],[\"r4\"],[\"r2\"]]");
        assertThat(prior.get("shown_order")).isEmpty();
    }
}

package org.arbiter.logic.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.logic.exporter.ExportFixture;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arbiter → Label Studio → Arbiter and Arbiter → Argilla → Arbiter through the real commands: every current
 * judgment comes back as a prior label with its annotator, its preference (direction, strength, tie) or its
 * ranking tiers (ties included), and its rationale.
 */
class InterchangeRoundTripTest {
    @TempDir
    Path dir;
    Path db;
    Judgment alicePair;
    Judgment bobPair;
    Judgment carolPair;
    Judgment aliceRank;
    Judgment bobRank;

    @BeforeEach
    void store() {
        db = dir.resolve("lab.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.items().insertIfAbsent(new Item("p1", "mix", Domain.MATH, Prompt.text("Is $\\sqrt{2}$ rational?"),
                    List.of(new Response("a", "m-1", "No: assume $p/q$ in lowest terms…"), new Response("b", "m-2", "Yes.")),
                    null, null, Map.of(), List.of()));
            s.items().insertIfAbsent(new Item("r1", "mix", Domain.CODE, Prompt.text("Reverse a list in Python."),
                    List.of(new Response("w", "m-1", "`xs[::-1]`"), new Response("x", "m-2", "`xs.sort()`"),
                            new Response("y", "m-3", "`list(reversed(xs))`"), new Response("z", null, "`xs.reverse()`")),
                    null, null, Map.of(), List.of()));
            alicePair = judgment("alice", "p1", Preference.A_MUCH_BETTER, 1, null);
            bobPair = judgment("bob", "p1", Preference.TIE, 2, null);
            carolPair = judgment("carol", "p1", Preference.B_BETTER, 3, null);
            aliceRank = judgment("alice", "r1", null, 4, new Ranking(List.of(List.of("y"), List.of("w", "z"), List.of("x")),
                    List.of("x", "y", "z", "w")));
            bobRank = judgment("bob", "r1", null, 5, new Ranking(List.of(List.of("x"), List.of("y"), List.of("z"), List.of("w")),
                    List.of("w", "x", "y", "z")));
            for (Judgment j : List.of(alicePair, bobPair, carolPair, aliceRank, bobRank)) s.judgments().save(j);
        }
    }

    private static Judgment judgment(String who, String item, Preference p, int minute, Ranking ranking) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z").plusSeconds(60L * minute);
        Judgment j = new Judgment(UUID.nameUUIDFromBytes((who + item).getBytes()), item, "mix", who, 1, p, Set.of(),
                Map.of(), "because " + who, List.of(), "a", at.minusSeconds(40), at, 40_000L);
        return ranking == null ? j : j.withRanking(ranking);
    }

    private Path export(String format) {
        Path out = dir.resolve(format + ".json");
        ExportFixture.Run run = ExportFixture.arbiter("export", "--db", db.toString(), "--format", format, "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote 2 rows (format " + format);
        return out;
    }

    private List<Item> importBack(Path file) {
        Path back = dir.resolve("back-" + file.getFileName() + ".db");
        ExportFixture.Run run = ExportFixture.arbiter("import", "--db", back.toString(), file.toString());
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        try (LocalStore s = LocalStore.open(back)) {
            return s.items().batch("mix");
        }
    }

    private static PriorLabel by(Item item, String annotator) {
        return item.priorLabels().stream().filter(p -> annotator.equals(p.extra().get("labeler"))).findFirst().orElseThrow();
    }

    private void assertEveryLabelCameBack(List<Item> items, String source) {
        assertThat(items).extracting(Item::id).containsExactly("p1", "r1");
        Item pair = items.get(0);
        assertThat(pair.responses()).extracting(Response::id).containsExactly("a", "b");
        assertThat(pair.a().content()).isEqualTo("No: assume $p/q$ in lowest terms…");
        assertThat(pair.a().model()).isEqualTo("m-1");
        assertThat(pair.priorLabels()).hasSize(3).allMatch(p -> p.source().equals(source));
        assertThat(by(pair, "alice").preference()).isEqualTo(Preference.A_MUCH_BETTER);
        assertThat(by(pair, "bob").preference()).isEqualTo(Preference.TIE);
        assertThat(by(pair, "carol").preference()).isEqualTo(Preference.B_BETTER);
        assertThat(by(pair, "alice").extra()).containsEntry("rationale", "because alice");

        Item ranking = items.get(1);
        assertThat(ranking.responses()).extracting(Response::id).containsExactly("w", "x", "y", "z");
        assertThat(by(ranking, "alice").ranking().tiers()).isEqualTo(aliceRank.ranking().tiers());
        assertThat(by(ranking, "bob").ranking().tiers()).isEqualTo(bobRank.ranking().tiers());
    }

    @Test
    void labelStudioTasksMatchTheTemplatesAndComeBackWithEveryLabel() throws IOException {
        Path file = export("label-studio");
        JsonNode tasks = Json.parse(Files.readString(file));
        assertThat(tasks.isArray()).isTrue();
        JsonNode pair = tasks.get(0);
        assertThat(pair.get("data").get("answer1").stringValue()).startsWith("No: assume");
        JsonNode first = pair.get("annotations").get(0).get("result").get(0);
        assertThat(first.get("type").stringValue()).isEqualTo("pairwise");
        assertThat(first.get("from_name").stringValue()).isEqualTo("comparison");
        assertThat(first.get("to_name").stringValue()).isEqualTo("comparison");
        assertThat(first.get("value").get("selected").stringValue()).isEqualTo("left");
        JsonNode ranker = tasks.get(1).get("annotations").get(0).get("result").get(0);
        assertThat(ranker.get("value").get("ranker").get("tier_2")).hasSize(2);
        assertThat(tasks.get(1).get("data").get("items").get(0).get("title").stringValue()).isEqualTo("Response 1");

        assertEveryLabelCameBack(importBack(file), "label-studio");
    }

    @Test
    void annotatorsSurviveLabelStudioReassigningTheAnnotationsToTheImportingUser() throws IOException {
        Path file = export("label-studio");
        JsonNode tasks = Json.parse(Files.readString(file));
        // what Label Studio's export gives after importing these tasks: new annotation ids, the old ones
        // as import_id, every annotation completed by the user who imported them
        for (JsonNode task : tasks) {
            for (JsonNode a : task.get("annotations")) {
                ObjectNode o = (ObjectNode) a;
                o.put("import_id", o.get("id").longValue());
                o.put("id", o.get("id").longValue() + 1000);
                o.putObject("completed_by").put("id", 1).put("email", "admin@lab.example");
            }
        }
        Path relabelled = dir.resolve("ls-export.json");
        Files.writeString(relabelled, Json.write(tasks));
        assertEveryLabelCameBack(importBack(relabelled), "label-studio");
    }

    @Test
    void argillaRecordsHoldResponsesPerUserAndComeBackWithEveryLabel() throws IOException {
        Path file = export("argilla");
        JsonNode records = Json.parse(Files.readString(file));
        JsonNode pair = records.get(0);
        assertThat(pair.get("fields").get("response1").stringValue()).startsWith("No: assume");
        JsonNode ranking = pair.get("responses").get("ranking");
        assertThat(ranking).hasSize(3);
        assertThat(ranking.get(0).get("status").stringValue()).isEqualTo("submitted");
        assertThat(ranking.get(0).get("user_id").stringValue()).isEqualTo(ArgillaDataset.userId("alice"));
        assertThat(pair.get("responses").get("preference").get(0).get("value").stringValue()).isEqualTo("A>>B");
        assertThat(records.get(1).get("responses").get("tiers").get(0).get("value").stringValue())
                .isEqualTo("response3 > response1 = response4 > response2");

        assertEveryLabelCameBack(importBack(file), "argilla");
    }

    @Test
    void anArgillaDatasetGoesBackToArgillaWithItsUsersDraftsAndSuggestions() throws IOException {
        Path lab = dir.resolve("from-argilla.db");
        ExportFixture.Run in = ExportFixture.arbiter("import", "--db", lab.toString(), "src/test/resources/interchange/argilla_to_disk");
        assertThat(in.exit()).as(in.err()).isZero();
        Path out = dir.resolve("records.json");
        ExportFixture.Run run = ExportFixture.arbiter("export", "--db", lab.toString(), "--labels", "prior", "--format", "argilla",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode derivative = Json.parse(Files.readString(out)).get(0);
        JsonNode ranking = derivative.get("responses").get("ranking");
        assertThat(ranking).hasSize(2);
        assertThat(ranking.get(0).get("user_id").stringValue()).isEqualTo("2d5b9e4a-1c7f-4f1e-9d43-0f4a9f1b7a01");
        assertThat(ranking.get(1).get("status").stringValue()).isEqualTo("draft");
        assertThat(derivative.get("suggestions").get("ranking").get("agent").stringValue()).isEqualTo("gpt-4o");
        assertThat(derivative.get("suggestions").get("ranking").get("value").toString())
                .isEqualTo("[\"response1\",\"response3\",\"response2\"]");
    }

    @Test
    void theLabServerExportsLabelStudioTasksThroughTheSameFormat() throws IOException {
        String url = "jdbc:sqlite:" + dir.resolve("server.db");
        Path items = dir.resolve("items.jsonl");
        Files.writeString(items, "{\"id\":\"n1\",\"prompt\":\"Pick one.\",\"responses\":[{\"id\":\"a\",\"content\":\"x\"},"
                + "{\"id\":\"b\",\"content\":\"y\"},{\"id\":\"c\",\"content\":\"z\"}],\"prior_labels\":[{\"source\":\"ultrafeedback\","
                + "\"extra\":{\"labeler\":\"uf\"},\"ranking\":{\"order\":[[\"b\"],[\"a\",\"c\"]]}}]}\n");
        assertThat(ExportFixture.arbiter("server", "--db", url, "annotator", "add", "ana").exit()).isZero();
        assertThat(ExportFixture.arbiter("server", "--db", url, "import", items.toString(), "--batch", "nat").exit()).isZero();
        Path out = dir.resolve("server-ls.json");
        ExportFixture.Run run = ExportFixture.arbiter("server", "--db", url, "export", "--format", "label-studio", "--labels", "prior",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode task = Json.parse(Files.readString(out)).get(0);
        assertThat(task.get("data").get("items")).hasSize(3);
        assertThat(task.get("annotations").get(0).get("result").get(0).get("value").get("ranker").toString())
                .isEqualTo("{\"tier_1\":[\"b\"],\"tier_2\":[\"a\",\"c\"]}");
        assertThat(task.get("meta").get("arbiter_annotators").get("1").stringValue()).isEqualTo("uf");
    }
}

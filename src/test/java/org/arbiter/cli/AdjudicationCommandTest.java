package org.arbiter.cli;

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

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.store.LocalStore;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code arbiter server adjudication}: the disputed items, as a batch an expert can open, with the others' labels. */
class AdjudicationCommandTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void writesOnlyTheDisputedItemWithBothLabelsAndNothingHidden() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("server.db");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Response> responses = List.of(new Response("a", "m1", "Step one.\nSo " + (i + 1) + "."),
                    new Response("b", "m2", "Step one.\nSo " + (i + 2) + "."));
            items.add(new Item("q" + i, "x", Domain.MATH, Prompt.text("What is " + i + " + 1?"), responses,
                    null, org.arbiter.model.Gold.parse(Map.of("answer", String.valueOf(i + 1)), responses), Map.of("source", "unit"),
                    List.of(new PriorLabel("crowd", Preference.A_BETTER, List.of(), Map.of()))));
        }
        String batch;
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
            store.addAnnotator("bob");
            batch = store.importItems("wk", items, 2, 10).keySet().iterator().next();
            // ann and bob agree on q1 and q2; on q0 ann prefers A and faults B's second step, bob prefers B.
            store.push("ann", List.of(
                    judgment("q0", batch, "ann", Preference.A_BETTER, Set.of(), "B is off by one",
                            List.of(new StepLabel("b", 1, "k1", -1, List.of("calculation"), ""))),
                    judgment("q1", batch, "ann", Preference.A_MUCH_BETTER, Set.of(), "", List.of()),
                    judgment("q2", batch, "ann", Preference.B_BETTER, Set.of(), "", List.of())));
            store.push("bob", List.of(
                    judgment("q0", batch, "bob", Preference.B_MUCH_BETTER, Set.of(Flag.UNSURE), "", List.of()),
                    judgment("q1", batch, "bob", Preference.A_MUCH_BETTER, Set.of(), "", List.of()),
                    judgment("q2", batch, "bob", Preference.B_BETTER, Set.of(), "", List.of())));
        }

        Path file = dir.resolve("adjudicate.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "server", "--db", url, "adjudication",
                "--out", file.toString(), "--batch", "wk");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote 1 items to adjudicate (batch adjudication-wk)");

        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        JsonNode row = Json.parse(lines.get(0));
        assertThat(row.has("gold")).isFalse();
        assertThat(row.has("prior_labels")).isFalse();
        assertThat(lines.get(0)).doesNotContain("crowd");
        Item item = ItemJson.read(row, null, null);
        assertThat(item.id()).isEqualTo("q0");
        assertThat(item.batch()).isEqualTo("adjudication-wk");
        assertThat(item.responses()).extracting(Response::content).containsExactly("Step one.\nSo 1.", "Step one.\nSo 2.");
        assertThat(item.meta()).containsEntry("source", "unit");

        JsonNode adj = row.get("meta").get("adjudication");
        assertThat(adj.get("source_batch").asString()).isEqualTo(batch);
        assertThat(adj.get("reasons").toString()).contains("opposite directions");
        JsonNode labels = adj.get("labels");
        assertThat(labels).hasSize(2);
        JsonNode ann = labels.get(0).get("annotator").asString().equals("ann") ? labels.get(0) : labels.get(1);
        JsonNode bob = ann == labels.get(0) ? labels.get(1) : labels.get(0);
        assertThat(ann.get("preference").asString()).isEqualTo("A>B");
        assertThat(ann.get("rationale").asString()).isEqualTo("B is off by one");
        JsonNode step = ann.get("step_labels").get(0);
        assertThat(step.get("response_id").asString()).isEqualTo("b");
        assertThat(step.get("step_index").asInt()).isEqualTo(1);
        assertThat(step.get("rating").asInt()).isEqualTo(-1);
        assertThat(step.get("categories").get(0).asString()).isEqualTo("calculation");
        assertThat(bob.get("annotator").asString()).isEqualTo("bob");
        assertThat(bob.get("preference").asString()).isEqualTo("B>>A");
        assertThat(bob.get("flags").get(0).asString()).isEqualTo("unsure");

        // The expert imports it like any batch; the others' labels travel in meta, nothing hidden comes along.
        Path local = dir.resolve("expert.db");
        code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "import", file.toString(), "--db", local.toString());
        assertThat(code).as(err.toString()).isZero();
        try (LocalStore store = LocalStore.open(local)) {
            List<Item> imported = store.items().batch("adjudication-wk");
            assertThat(imported).extracting(Item::id).containsExactly("q0");
            assertThat(imported.get(0).gold()).isNull();
            assertThat(imported.get(0).priorLabels()).isEmpty();
            assertThat(imported.get(0).meta()).containsKey("adjudication");
        }
    }

    @Test
    void anEmptyQueueWritesAnEmptyBatch() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("server.db");
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
        }
        Path file = dir.resolve("none.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "server", "--db", url, "adjudication",
                "--out", file.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("wrote 0 items to adjudicate (batch adjudication-all)");
        assertThat(Files.readString(file)).isEmpty();
    }

    private static Judgment judgment(String item, String batch, String who, Preference p, Set<Flag> flags, String rationale,
                                     List<StepLabel> steps) {
        return new Judgment(UUID.randomUUID(), item, batch, who, 1, p, flags, Map.of(), rationale, steps, "a", T0,
                T0.plusSeconds(60), 60_000);
    }
}

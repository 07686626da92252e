package org.arbiter.logic.exporter;

import static org.arbiter.logic.exporter.ExportFixture.C1_A;
import static org.arbiter.logic.exporter.ExportFixture.C1_B;
import static org.arbiter.logic.exporter.ExportFixture.M1_A;
import static org.arbiter.logic.exporter.ExportFixture.M1_B;
import static org.arbiter.logic.exporter.ExportFixture.M2_A;
import static org.arbiter.logic.exporter.ExportFixture.M2_B;
import static org.arbiter.logic.exporter.ExportFixture.P1_STEPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.logic.exporter.ExportFixture.Run;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Judgment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** Each format, exported from a real store through the command line, row by row and field by field. */
class ExportFormatsTest {
    @TempDir
    static Path dir;
    static ExportFixture store;

    @BeforeAll
    static void buildStore() {
        store = new ExportFixture(dir);
    }

    static final List<Object> M2_PROMPT = List.of(msg("system", "Be brief."), msg("user", "Name a French city."),
            msg("assistant", "Paris."), msg("user", "Another, with a fact about it?"));

    @Test
    void dpoWritesCurrentStrictPreferencesWithAsImportedSidesAndMargins() {
        Run run = store.export("--format", "dpo");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).containsExactly(
                // m2: B>>A, judged with B on the left: chosen is still B's content.
                obj("prompt", M2_PROMPT, "chosen", List.of(msg("assistant", M2_B)),
                        "rejected", List.of(msg("assistant", M2_A)), "margin", 2.0),
                // m1: only the revised version (A>>B) counts, once.
                obj("prompt", "Solve $x^2 = 4$ for $x > 0$.", "chosen", M1_A, "rejected", M1_B, "margin", 2.0),
                obj("prompt", "Write f that doubles x.", "chosen", C1_A, "rejected", C1_B, "margin", 1.0));
        assertThat(fieldNames(run.rows().get(1))).containsExactly("prompt", "chosen", "rejected", "margin");
        assertThat(run.err()).contains("wrote 3 rows (format dpo, labels expert) to stdout")
                .contains("1 tie").contains("1 both-bad").contains("1 single-response").contains("1 no-preference");
    }

    @Test
    void openAiDpoPutsThePromptInMessagesAndTheAnswersInOutputs() {
        Run run = store.export("--format", "openai-dpo");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).containsExactly(
                obj("input", obj("messages", M2_PROMPT, "tools", List.of(), "parallel_tool_calls", true),
                        "preferred_output", List.of(msg("assistant", M2_B)),
                        "non_preferred_output", List.of(msg("assistant", M2_A))),
                obj("input", obj("messages", List.of(msg("user", "Solve $x^2 = 4$ for $x > 0$.")), "tools", List.of(),
                                "parallel_tool_calls", true),
                        "preferred_output", List.of(msg("assistant", M1_A)),
                        "non_preferred_output", List.of(msg("assistant", M1_B))),
                obj("input", obj("messages", List.of(msg("user", "Write f that doubles x.")), "tools", List.of(),
                                "parallel_tool_calls", true),
                        "preferred_output", List.of(msg("assistant", C1_A)),
                        "non_preferred_output", List.of(msg("assistant", C1_B))));
    }

    @Test
    void ktoGivesTwoRowsPerPreferenceBothFalseForBothBadAndNothingForTies() {
        Run run = store.export("--format", "kto");
        assertThat(run.exit()).as(run.err()).isZero();
        String m3 = "What is 1 + 1?";
        assertThat(run.rows()).containsExactly(
                obj("prompt", M2_PROMPT, "completion", List.of(msg("assistant", M2_B)), "label", true),
                obj("prompt", M2_PROMPT, "completion", List.of(msg("assistant", M2_A)), "label", false),
                obj("prompt", m3, "completion", "3", "label", false),
                obj("prompt", m3, "completion", "11", "label", false),
                obj("prompt", "Solve $x^2 = 4$ for $x > 0$.", "completion", M1_A, "label", true),
                obj("prompt", "Solve $x^2 = 4$ for $x > 0$.", "completion", M1_B, "label", false),
                obj("prompt", "Write f that doubles x.", "completion", C1_A, "label", true),
                obj("prompt", "Write f that doubles x.", "completion", C1_B, "label", false));
        assertThat(run.err()).contains("wrote 8 rows (format kto, labels expert)").contains("1 tie")
                .doesNotContain("both-bad");
    }

    @Test
    void stepwiseLabelsOnlyPlusOneTrueAndStopsAtTheFirstUnratedStep() {
        Run run = store.export("--format", "stepwise");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).containsExactly(
                obj("prompt", "Three pencils and an eraser cost $1.24 ...", "completions", P1_STEPS,
                        "labels", List.of(true, false, false, true)),
                // c1: B's two code lines; A is rated on its second line only, so it has no leading run.
                obj("prompt", "Write f that doubles x.", "completions", List.of("def f(x):", "    return x + x"),
                        "labels", List.of(true, false)));
        assertThat(run.err()).contains("1 first-step-unrated").contains("no-step-labels");
    }

    @Test
    void prm800kStopsAfterTheFirstErrorLikePhaseTwo() {
        Run run = store.export("--format", "prm800k", "--batch", "prm");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).containsExactly(obj(
                "labeler", "alice", "timestamp", store.p1.submittedAt().toString(), "generation", null,
                "is_quality_control_question", false, "is_initial_screening_question", false,
                "question", obj("problem", "Three pencils and an eraser cost $1.24 ...", "ground_truth_answer", "29",
                        "ground_truth_solution", "p = 29"),
                "label", obj("steps", List.of(
                                prmStep(P1_STEPS.get(0), 1, 0), prmStep(P1_STEPS.get(1), 0, 0),
                                prmStep(P1_STEPS.get(2), -1, null)),
                        "total_time", store.p1.activeMs(), "finish_reason", "found_error"),
                "item_id", "p1", "response_id", "a"));
    }

    @Test
    void prm800kFromPriorLabelsKeepsTheSourceLabelerAndGivesUpWhereRatingsEnd() {
        Run run = store.export("--format", "prm800k", "--labels", "prior");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).hasSize(1);
        JsonNode row = run.rows().get(0);
        assertThat(row.get("labeler").stringValue()).isEqualTo("e90a38f3");
        assertThat(row.get("timestamp").stringValue()).isEqualTo("2022-07-30T23:23:32.118856");
        assertThat(row.get("label")).isEqualTo(obj("steps",
                List.of(prmStep(P1_STEPS.get(0), 1, 0), prmStep(P1_STEPS.get(1), 1, 0)),
                "total_time", null, "finish_reason", "give_up"));
    }

    @Test
    void fullHoldsEveryVersionExactlyAndReadsBack() {
        Run run = store.export("--format", "full");
        assertThat(run.exit()).as(run.err()).isZero();
        List<Judgment> saved = List.of(store.m1v1, store.m1Tie, store.m2, store.m3, store.m1v2, store.p1, store.c1, store.c2);
        List<Judgment> read = new ArrayList<>();
        for (JsonNode row : run.rows()) read.add(JudgmentJson.read(row));
        assertThat(read).containsExactlyElementsOf(saved);
        List<String> lines = Arrays.asList(run.out().split("\n"));
        for (int i = 0; i < saved.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(Json.write(JudgmentJson.write(saved.get(i))));
        }
        assertThat(run.rows().get(0).get("version").asInt()).isEqualTo(1);
        assertThat(run.rows().get(4).get("preference").stringValue()).isEqualTo("A>>B");
        assertThat(run.rows().get(2).get("shown_left").stringValue()).isEqualTo("b");
        assertThat(run.rows().get(2).get("preference").stringValue()).isEqualTo("B>>A");
    }

    @Test
    void fullPriorRecordsAreMarkedAndCarryTheSourceLabel() {
        Run run = store.export("--format", "full", "--labels", "prior");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.rows()).containsExactly(
                obj("label_source", "prior", "item_id", "m2", "batch", "math", "source", "trl",
                        "preference", "A>B", "step_labels", List.of(), "extra", obj()),
                obj("label_source", "prior", "item_id", "p1", "batch", "prm", "source", "prm800k",
                        "preference", null, "step_labels", List.of(
                                obj("response_id", "a", "step_index", 0, "rating", 1, "categories", List.of()),
                                obj("response_id", "a", "step_index", 1, "rating", 1, "categories", List.of())),
                        "extra", obj("labeler", "e90a38f3", "timestamp", "2022-07-30T23:23:32.118856",
                                "finish_reason", "found_error")));
    }

    @Test
    void allIsExpertRowsThenPriorRowsPerBatch() {
        Run full = store.export("--format", "full", "--labels", "all");
        assertThat(full.rows()).hasSize(10);
        assertThat(full.rows().subList(0, 8)).noneMatch(r -> r.has("label_source"));
        assertThat(full.rows().subList(8, 10)).allMatch(r -> r.get("label_source").stringValue().equals("prior"));

        Run dpo = store.export("--format", "dpo", "--labels", "all");
        assertThat(dpo.exit()).isZero();
        // The trl prior (A>B on m2) follows the math batch's expert rows and opposes alice's B>>A.
        assertThat(dpo.rows()).hasSize(4);
        assertThat(dpo.rows().get(2)).isEqualTo(obj("prompt", M2_PROMPT, "chosen", List.of(msg("assistant", M2_A)),
                "rejected", List.of(msg("assistant", M2_B)), "margin", 1.0));
        assertThat(dpo.err()).contains("labels all");

        Run prior = store.export("--format", "dpo", "--labels", "prior");
        assertThat(prior.rows()).containsExactly(dpo.rows().get(2));
        assertThat(prior.err()).contains("1 single-response");
    }

    @Test
    void batchOptionRestrictsAndRepeats() {
        assertThat(store.export("--format", "dpo", "--batch", "code").rows()).hasSize(1);
        assertThat(store.export("--format", "dpo", "--batch", "code", "--batch", "math").rows()).hasSize(3);
        assertThat(store.export("--format", "full", "--batch", "prm").rows())
                .extracting(r -> r.get("item_id").stringValue()).containsExactly("p1");
    }

    static JsonNode obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1] instanceof JsonNode n ? Json.toMap(n) : kv[i + 1]);
        // Through text, so numbers compare as parsed rows do (a long 30006 reads back as an int node).
        return Json.parse(Json.write(Json.toNode(m)));
    }

    static Map<String, Object> msg(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    static Map<String, Object> prmStep(String text, int rating, Integer chosen) {
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("text", text);
        completion.put("rating", rating);
        completion.put("flagged", false);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("completions", List.of(completion));
        step.put("human_completion", null);
        step.put("chosen_completion", chosen);
        return step;
    }

    static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.propertyNames().forEach(out::add);
        return out;
    }
}

package org.arbiter.evidence.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.arbiter.json.Json;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The corpus's MATH solutions and PRM800K paths: their own answers must be found and recognized. */
class MathLatexAndPrm800kTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");

    @Test
    void everyHumanMathSolutionMatchesItsAnswerAndNoWrongLlmAnswerDoes() throws Exception {
        int human = 0, wrongLlm = 0;
        for (String line : Files.readAllLines(CORPUS.resolve("math_latex.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode r = Json.parse(line);
            if (r.get("answer") == null || r.get("answer").isNull()) continue;
            AnswerVerdict v = MathAnswerCheck.check(r.get("text").stringValue(), r.get("answer").stringValue());
            if (r.get("author").asString().startsWith("human")) {
                human++;
                assertThat(v.verdict()).as(r.get("id").asString() + " " + v.rule()).isEqualTo(Verdict.MATCH);
            } else if (r.path("llm_answer_correct").isBoolean() && !r.path("llm_answer_correct").booleanValue()) {
                wrongLlm++;
                assertThat(v.verdict()).as(r.get("id").asString()).isNotEqualTo(Verdict.MATCH);
            }
        }
        assertThat(human).isEqualTo(117);
        assertThat(wrongLlm).isEqualTo(9);
    }

    @Test
    void prm800kSolutionsWithAGroundTruthMatchAndNoPathWithAWrongStepDoes() throws Exception {
        int solutions = 0;
        for (String line : Files.readAllLines(CORPUS.resolve("prm800k_sample.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode r = Json.parse(line);
            String truth = r.get("question").path("ground_truth_answer").asString();
            if (truth.isEmpty()) continue;
            StringBuilder path = new StringBuilder();
            int worst = 1;
            for (JsonNode step : r.get("label").get("steps")) {
                JsonNode chosen = step.get("chosen_completion");
                JsonNode c = chosen != null && !chosen.isNull() ? step.get("completions").get(chosen.intValue())
                        : step.get("human_completion");
                if (c == null || c.isNull()) break;
                path.append(c.get("text").stringValue()).append("\n\n");
                if (c.path("rating").isIntegralNumber()) worst = Math.min(worst, c.get("rating").intValue());
            }
            AnswerVerdict v = MathAnswerCheck.check(path.toString(), truth);
            if ("solution".equals(r.get("label").path("finish_reason").asString())) {
                solutions++;
                assertThat(v.verdict()).isEqualTo(Verdict.MATCH);
                assertThat(v.span().form()).isEqualTo("answer-section");
            }
            if (worst < 0) assertThat(v.verdict()).isNotEqualTo(Verdict.MATCH);
        }
        assertThat(solutions).isEqualTo(4);
    }
}

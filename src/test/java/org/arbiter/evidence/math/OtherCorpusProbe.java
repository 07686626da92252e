package org.arbiter.evidence.math;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.arbiter.logic.json.Json;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OtherCorpusProbe {
    @Test
    void probe() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/test/resources/corpus/math_latex.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode r = Json.parse(line);
            if (r.get("answer") == null || r.get("answer").isNull()) continue;
            AnswerVerdict v = MathAnswerCheck.check(r.get("text").stringValue(), r.get("answer").stringValue());
            out.append("L\t").append(r.get("author").asString().startsWith("human")).append('\t').append(r.path("llm_answer_correct").asString())
                    .append('\t').append(v.verdict()).append('\t').append(v.rule()).append('\t').append(v.normalizedReference())
                    .append('\t').append(v.normalizedAnswer()).append('\n');
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/corpus/prm800k_sample.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode r = Json.parse(line);
            StringBuilder text = new StringBuilder();
            int minRating = 1;
            for (JsonNode step : r.get("label").get("steps")) {
                JsonNode chosen = step.get("chosen_completion");
                JsonNode c = null;
                if (chosen != null && !chosen.isNull()) c = step.get("completions").get(chosen.intValue());
                else if (step.get("human_completion") != null && !step.get("human_completion").isNull()) c = step.get("human_completion");
                if (c == null) break;
                text.append(c.get("text").stringValue()).append("\n\n");
                if (c.get("rating") != null && !c.get("rating").isNull()) minRating = Math.min(minRating, c.get("rating").intValue());
            }
            String gt = r.get("question").path("ground_truth_answer").asString();
            AnswerVerdict v = MathAnswerCheck.check(text.toString(), gt);
            out.append("P\t").append(r.get("label").path("finish_reason").asString()).append('\t').append(minRating)
                    .append('\t').append(v.verdict()).append('\t').append(v.rule()).append('\t').append(v.normalizedReference())
                    .append('\t').append(v.normalizedAnswer()).append('\n');
        }
        Files.writeString(Path.of("target/other.txt"), out);
    }
}

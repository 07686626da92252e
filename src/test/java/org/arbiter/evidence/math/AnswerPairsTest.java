package org.arbiter.evidence.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.Json;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** OlympiadBench's own 36 answer-equivalence cases (eval/scoring_examples.json), with their stated precision. */
class AnswerPairsTest {
    @Test
    void agreesWithOlympiadBenchOnAllThirtySixCases() throws Exception {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(MathCorpusTest.VERIFY.resolve("answer_pairs.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            n++;
            JsonNode r = Json.parse(line);
            List<Double> tolerances = new ArrayList<>();
            JsonNode p = r.get("precision");
            if (p != null && p.isArray()) for (JsonNode x : p) tolerances.add(Double.parseDouble(x.asString()));
            else if (p != null && !p.isNull()) tolerances.add(Double.parseDouble(p.asString()));
            AnswerVerdict v = MathAnswerCheck.compareAnswers(r.get("reference").stringValue(), r.get("answer").stringValue(), tolerances);
            Verdict expected = r.get("equal").booleanValue() ? Verdict.MATCH : Verdict.MISMATCH;
            if (v.verdict() != expected) wrong.add(r.get("id").stringValue() + " " + v.verdict() + " " + v.rule());
        }
        assertThat(n).isEqualTo(36);
        assertThat(wrong).isEmpty();
    }
}

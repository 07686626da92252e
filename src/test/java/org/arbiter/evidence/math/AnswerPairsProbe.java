package org.arbiter.evidence.math;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.logic.json.Json;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AnswerPairsProbe {
    @Test
    void probe() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/test/resources/corpus/verify/answer_pairs.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode r = Json.parse(line);
            List<Double> tol = new ArrayList<>();
            JsonNode p = r.get("precision");
            if (p != null && p.isArray()) for (JsonNode x : p) tol.add(x.asDouble());
            else if (p != null && !p.isNull()) tol.add(Double.parseDouble(p.asString()));
            AnswerVerdict v = MathAnswerCheck.compareAnswers(r.get("reference").stringValue(), r.get("answer").stringValue(), tol);
            out.append(r.get("equal").booleanValue()).append('\t').append(v.verdict()).append('\t').append(v.rule()).append('\t')
                    .append(v.normalizedReference()).append('\t').append(v.normalizedAnswer()).append('\n');
        }
        Files.writeString(Path.of("target/pairs.txt"), out);
    }
}

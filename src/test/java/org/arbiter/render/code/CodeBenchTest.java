package org.arbiter.render.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeBenchTest {

    @Test
    void measuresHighlightedLinesPerSecondOnTheRealCodeResponses() throws Exception {
        List<CodeBench.Sample> given = new ArrayList<>();
        List<CodeBench.Sample> guessed = new ArrayList<>();
        long corpusLines = 0;
        for (CodeCorpus.Pair p : CodeCorpus.load().pairs()) {
            for (String r : List.of(p.a(), p.b())) {
                given.add(new CodeBench.Sample(r, p.language()));
                guessed.add(new CodeBench.Sample(r, null));
                corpusLines += SourceLines.split(r).size();
            }
        }
        CodeBench bench = new CodeBench(new TokenHighlighter());
        CodeBench.Result r = bench.run(given, Duration.ofMillis(500), Duration.ofSeconds(1));
        CodeBench.Result g = bench.run(guessed, Duration.ofMillis(300), Duration.ofMillis(700));
        System.out.printf("code corpus %d lines; language given: %.0f lines/s (%d rounds); guessed: %.0f lines/s%n",
                corpusLines, r.linesPerSecond(), r.rounds(), g.linesPerSecond());
        assertThat(r.lines()).isEqualTo(corpusLines * r.rounds());
        assertThat(r.htmlChars()).isPositive();
        // a 2000-line answer must highlight in under 0.4 s even on a heavily loaded 2-core machine
        assertThat(r.linesPerSecond()).isGreaterThan(5_000);
    }
}

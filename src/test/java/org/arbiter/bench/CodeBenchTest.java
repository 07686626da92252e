package org.arbiter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.render.code.CodeCorpus;
import org.arbiter.render.code.SourceLines;
import org.arbiter.render.code.TokenHighlighter;
import org.junit.jupiter.api.Test;

/**
 * What {@code arbiter bench} reports as "code lines per second" counts what it claims to: every source line of
 * the real code responses, once per round. How fast that is belongs in the bench report, not in a test.
 */
class CodeBenchTest {

    @Test
    void countsEverySourceLineOfTheCorpusOncePerRound() throws Exception {
        List<CodeBench.Sample> given = new ArrayList<>();
        long corpusLines = 0;
        for (CodeCorpus.Pair p : CodeCorpus.load().pairs()) {
            for (String r : List.of(p.a(), p.b())) {
                given.add(new CodeBench.Sample(r, p.language()));
                corpusLines += SourceLines.split(r).size();
            }
        }
        CodeBench.Result r = new CodeBench(new TokenHighlighter()).run(given, Duration.ZERO, Duration.ofMillis(200));
        assertThat(r.rounds()).isPositive();
        assertThat(r.lines()).isEqualTo(corpusLines * r.rounds());
        assertThat(r.linesPerSecond()).isEqualTo(r.lines() * 1e9 / r.elapsed().toNanos(), org.assertj.core.data.Offset.offset(1e-6));
    }
}

package org.arbiter.bench;

import java.time.Duration;
import java.util.List;

import org.arbiter.render.code.CodeHighlighter;
import org.arbiter.render.code.HighlightedCode;

/**
 * "Highlighted code lines per second" for {@code arbiter bench}: highlights a corpus over and over, after a
 * warm-up, and divides the source lines highlighted by the time taken.
 */
public final class CodeBench {

    /** One block to highlight; language as a fence info string, or null to include guessing. */
    public record Sample(String code, String language) {
    }

    /**
     * @param lines          source lines highlighted in the measured rounds
     * @param rounds         measured passes over the corpus
     * @param elapsed        time of the measured rounds
     * @param linesPerSecond lines / elapsed
     * @param htmlChars      total HTML produced (also keeps the JIT from dropping the work)
     */
    public record Result(long lines, int rounds, Duration elapsed, double linesPerSecond, long htmlChars) {
    }

    private final CodeHighlighter highlighter;

    public CodeBench(CodeHighlighter highlighter) {
        this.highlighter = highlighter;
    }

    /**
     * @param warmup  time spent highlighting before measuring (JIT warm-up)
     * @param measure at least this long is measured (and at least one full pass)
     */
    public Result run(List<Sample> corpus, Duration warmup, Duration measure) {
        if (corpus.isEmpty()) throw new IllegalArgumentException("empty code corpus");
        long sink = 0;
        long warmEnd = System.nanoTime() + warmup.toNanos();
        do {
            sink += pass(corpus)[1];
        } while (System.nanoTime() < warmEnd);
        long lines = 0;
        long chars = 0;
        int rounds = 0;
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        do {
            long[] r = pass(corpus);
            lines += r[0];
            chars += r[1];
            rounds++;
        } while (System.nanoTime() < end);
        long nanos = Math.max(1, System.nanoTime() - start);
        return new Result(lines, rounds, Duration.ofNanos(nanos), lines * 1e9 / nanos, chars + (sink & 0));
    }

    private long[] pass(List<Sample> corpus) {
        long lines = 0;
        long chars = 0;
        for (Sample s : corpus) {
            HighlightedCode h = highlighter.highlight(s.code(), s.language());
            lines += h.lines().size();
            for (String line : h.lines()) chars += line.length();
        }
        return new long[] {lines, chars};
    }
}

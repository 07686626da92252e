package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The bar a user sees on stderr while a big file imports. */
class TerminalProgressBarTest {
    @Test
    void redrawsInPlaceOncePerPercentAndClearsItself() {
        StringWriter err = new StringWriter();
        TerminalProgressBar bar = new TerminalProgressBar("big.jsonl", new PrintWriter(err));
        long total = 200L << 20;
        bar.advanced(0, total);
        bar.advanced(1000, total); // still 0%: no redraw
        bar.advanced(total / 2, total);
        bar.advanced(total, total);
        String shown = err.toString();
        assertThat(shown.split("\r", -1)).hasSize(4);
        assertThat(shown).contains("big.jsonl [" + ".".repeat(30) + "]   0% 0/200 MB")
                .contains("big.jsonl [" + "#".repeat(15) + ".".repeat(15) + "]  50% 100/200 MB")
                .contains("big.jsonl [" + "#".repeat(30) + "] 100% 200/200 MB");
        bar.finished();
        assertThat(err.toString()).endsWith("\r");
        assertThat(err.toString().substring(shown.length()).strip()).isEmpty();
    }
}

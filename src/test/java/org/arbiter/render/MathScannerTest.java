package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MathScannerTest {
    private static List<String> texs(String text) {
        return MathScanner.scan(text).stream().map(MathSpan::tex).toList();
    }

    @Test
    void moneyStaysText() {
        assertThat(MathScanner.scan("It costs $5 and $10 in total.")).isEmpty();
        assertThat(MathScanner.scan("Pay $5, then $ 3 more.")).isEmpty();
        assertThat(texs("Between $5 and the value $x$ there is $y$.")).containsExactly("x", "y");
    }

    @Test
    void escapedDollarIsLiteralAndMathMayContainIt() {
        assertThat(MathScanner.scan("A \\$5 bill and a \\$10 bill")).isEmpty();
        assertThat(texs("Three pencils cost $\\$1.24$.")).containsExactly("\\$1.24");
    }

    @Test
    void everyDelimiterIsFoundWithItsMode() {
        String text = "a $x^2$ b $$\\sum_i i$$ c \\(\\alpha\\) d \\[\\int f\\] e";
        List<MathSpan> spans = MathScanner.scan(text);
        assertThat(spans).extracting(MathSpan::tex).containsExactly("x^2", "\\sum_i i", "\\alpha", "\\int f");
        assertThat(spans).extracting(MathSpan::display).containsExactly(false, true, false, true);
        assertThat(spans.get(1).source(text)).isEqualTo("$$\\sum_i i$$");
    }

    @Test
    void bareEnvironmentsAreDisplayMathWithTheirDelimiters() {
        String text = "We find \\begin{align*}\nx &= 1\\\\\ny &= 2\n\\end{align*} and \\begin{eqnarray}a&=&b\\end{eqnarray}.";
        List<MathSpan> spans = MathScanner.scan(text);
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0).tex()).startsWith("\\begin{align*}").endsWith("\\end{align*}");
        assertThat(spans.get(0).display()).isTrue();
        assertThat(spans.get(1).tex()).isEqualTo("\\begin{eqnarray}a&=&b\\end{eqnarray}");
    }

    @Test
    void proofIsNotMath() {
        assertThat(texs("\\begin{proof}Let $n$ be odd.\\end{proof}")).containsExactly("n");
    }

    @Test
    void codeSpansFencesAndAsymptoteAreUntouched() {
        assertThat(MathScanner.scan("Use `echo $HOME$` or ``a $b$ c``.")).isEmpty();
        assertThat(MathScanner.scan("```bash\necho $PATH and $HOME$\n```\n")).isEmpty();
        assertThat(MathScanner.scan("[asy]\nlabel(\"$A$\", (0,0));\n[/asy]")).isEmpty();
        assertThat(texs("```\n$no$\n```\nafter $yes$")).containsExactly("yes");
    }

    @Test
    void inlineMathDoesNotCrossParagraphs() {
        assertThat(MathScanner.scan("Price $x\n\nand later y$ here")).isEmpty();
        assertThat(texs("$a\n+b$")).containsExactly("a\n+b");
    }

    @Test
    void unclosedDelimitersAndDeepBracesDoNotHang() {
        // A guard against hangs, not a speed target (bench measures speed): generous for a loaded CI machine.
        String deep = "$" + "{".repeat(100_000) + "x" + "}".repeat(100_000) + "$";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertThat(MathScanner.scan(deep)).hasSize(1);
            assertThat(MathScanner.scan("\\[ never closed " + "\\(".repeat(10_000))).isEmpty();
        });
    }
}

package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.arbiter.render.fx.KatexEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KatexEngineTest {
    private static KatexEngine katex;

    @BeforeAll
    static void start() {
        katex = Fx.katex();
    }

    @Test
    void corpusFormulasDrawAndABrokenOneReportsItsError() {
        TexResult ok = katex.render("x=\\frac{5\\pm\\sqrt{25-4\\cdot1\\cdot5}}{2}", false);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.html()).contains("class=\"katex\"").contains("mfrac");
        TexResult display = katex.render("\\begin{align*}a&=b\\\\c&=d\\end{align*}", true);
        assertThat(display.ok()).isTrue();
        assertThat(display.html()).contains("katex-display");
        TexResult bad = katex.render("\\frac{1}{", false);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error()).startsWith("KaTeX parse error");
    }

    @Test
    void contentCannotReachOutThroughTex() {
        TexResult href = katex.render("\\href{javascript:alert(1)}{x} \\url{https://example.org}", false);
        assertThat(href.ok() ? href.html() : "").doesNotContain("javascript:").doesNotContain("href=");
        // untrusted: KaTeX draws the argument without emitting the attribute
        TexResult html = katex.render("\\htmlId{x}{y} \\htmlStyle{background:url(https://evil.example)}{z}", false);
        assertThat(html.ok() ? html.html() : "").doesNotContain("id=\"x\"").doesNotContain("evil.example");
    }

    @Test
    void aBatchKeepsOrderAndAnExhaustedBudgetSkipsTheRest() {
        List<TexResult> r = katex.renderAll(List.of(new TexEngine.Request("a^2", false),
                new TexEngine.Request("\\undefinedmacro", false), new TexEngine.Request("b_1", true)), 10_000);
        assertThat(r).extracting(TexResult::ok).containsExactly(true, false, true);
        List<TexResult> none = katex.renderAll(List.of(new TexEngine.Request("c^3_{" + System.nanoTime() + "}", false)), -1);
        assertThat(none.get(0).skipped()).isTrue();
    }
}

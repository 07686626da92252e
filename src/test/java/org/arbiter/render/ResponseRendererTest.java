package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.fx.KatexEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The whole pipeline with real KaTeX in a headless WebEngine. */
class ResponseRendererTest {
    private static KatexEngine katex;
    private final ResponseRenderer renderer = new ResponseRenderer();

    @BeforeAll
    static void startKatex() {
        katex = Fx.katex();
    }

    private RenderedText render(String md, Domain domain) {
        return renderer.render(md, domain, null, null, katex, new PlainCodeHighlighter());
    }

    @Test
    void realCorpusItemsDrawEveryFormula() throws Exception {
        List<String> lines = Files.readAllLines(Fx.corpus("math_latex.jsonl"));
        for (String line : lines.subList(0, 20)) {
            JsonNode o = Json.MAPPER.readTree(line);
            RenderedText r = render(o.path("text").asString(), Domain.MATH);
            assertThat(r.formulas()).as(o.path("id").asString()).isNotEmpty();
            assertThat(r.formulas()).as(o.path("id").asString()).allMatch(RenderedText.FormulaOutcome::ok);
            assertThat(r.html()).contains("class=\"katex\"").doesNotContain("math-error");
        }
    }

    @Test
    void bareAlignEqnarrayAndProofAreDrawnAsAChatUiWould() {
        String md = "We have \\begin{align*}\nx &= 1 \\label{a}\\\\\ny &= 2\n\\end{align*}\n"
                + "and \\begin{eqnarray*} a &=& b \\end{eqnarray*}\n"
                + "\\begin{proof}\nBy \\eqref{a}, $x<y$.\n\\end{proof}";
        RenderedText r = render(md, Domain.MATH);
        assertThat(r.formulas()).extracting(RenderedText.FormulaOutcome::ok).containsOnly(true);
        assertThat(r.formulas()).hasSize(3);
        assertThat(r.html()).contains("<em>Proof.</em>").contains("∎").doesNotContain("\\begin{proof}");
        // the reported tex is what the model wrote, not the KaTeX-ready rewrite
        assertThat(r.formulas().get(1).tex()).contains("eqnarray");
    }

    @Test
    void aFailingFormulaShowsItsSourceAndErrorAndTheRestStillRenders() {
        RenderedText r = render("Legendre: $\\legendre{3}{p}$ but $x^2$ works.", Domain.MATH);
        assertThat(r.formulas()).extracting(RenderedText.FormulaOutcome::ok).containsExactly(false, true);
        assertThat(r.formulas().get(0).error()).contains("Undefined control sequence");
        assertThat(r.html()).contains("class=\"math-error\"").contains("$\\legendre{3}{p}$")
                .contains("math-error-msg").contains("Undefined control sequence").contains("class=\"katex\"")
                .contains("works.");
    }

    @Test
    void markdownNeverMangesTex() {
        RenderedText r = render("*emph* and $a_1 * b_2 * c_3$ and $\\{x\\}$", Domain.MATH);
        assertThat(r.formulas()).extracting(RenderedText.FormulaOutcome::tex).containsExactly("a_1 * b_2 * c_3", "\\{x\\}");
        assertThat(r.formulas()).allMatch(RenderedText.FormulaOutcome::ok);
        assertThat(r.html()).contains("<em>emph</em>");
    }

    @Test
    void hostileHtmlIsEscapedAndLinksAreInert() {
        String md = "<script>window.pwned=1</script>\n\n<img src=x onerror=\"window.pwned=2\">\n\n"
                + "[click](javascript:alert(1)) and [site](https://example.org/x) and <iframe src=\"https://evil.example\"></iframe>"
                + " and ![pic](https://example.org/p.png)";
        RenderedText r = render(md, Domain.GENERAL);
        String html = r.html().toLowerCase();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain(" href=").doesNotContain(" src=\"").doesNotContain("data-href=\"javascript");
        assertThat(r.html()).contains("&lt;script&gt;").contains("data-href=\"https://example.org/x\"")
                .contains("<span class=\"link-url\">https://example.org/x</span>").contains("[image: pic]");
    }

    @Test
    void stepsAreWrappedNumberedAndCodeHasLineNumbers() {
        String md = "Intro line\n\n3. third item\n4. fourth item\n\n```python\nx = 1\n\ny = 2\n```\n";
        List<Step> steps = StepSegmenter.segment(md, Domain.GENERAL);
        RenderedText r = renderer.render(md, Domain.GENERAL, null, steps, katex, new PlainCodeHighlighter());
        assertThat(r.html()).contains("data-step=\"0\"").contains("data-no=\"1\"")
                .contains("<ol start=\"3\">").contains("data-kind=\"code\"")
                .contains("<span class=\"ln\" data-ln=\"3\"></span><code class=\"code-line\">y = 2</code>")
                .contains("class=\"code-gap\"");
        assertThat(r.codeBlocks()).singleElement().satisfies(c -> assertThat(c.lines()).isEqualTo(3));
        for (Step s : steps) assertThat(r.html()).contains("data-key=\"" + s.key() + "\"");
        assertThat(r.rawHtml()).contains("data-key=\"" + steps.get(0).key() + "\"");
    }

    @Test
    void asymptoteIsALabelledCodeBlock() {
        RenderedText r = render("Draw:\n[asy]\nlabel(\"$A$\", (0,0));\n[/asy]\nDone.", Domain.MATH);
        assertThat(r.formulas()).isEmpty();
        assertThat(r.html()).contains("Asymptote").contains("label(&quot;$A$&quot;, (0,0));");
    }

    @Test
    void rawIsTheExactCharacters() {
        String md = "a <b> & $x$\n\n- item *y*\n";
        String raw = renderer.renderRaw(md, StepSegmenter.segment(md, Domain.MATH));
        String text = raw.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        assertThat(text).isEqualTo(md);
    }

    @Test
    void pathologicalContentFallsBackWithANoticeInBoundedTime() {
        long t0 = System.nanoTime();
        RenderedText big = render("word ".repeat(1_100_000), Domain.GENERAL);
        assertThat(big.fellBackToRaw()).isTrue();
        assertThat(big.notice()).contains("5.5 MB").contains("raw text").contains("first 200 kB");
        assertThat(big.rawHtml().length()).isLessThan(400_000);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) many.append("$x_{").append(i).append("}$ ");
        RenderedText r = new ResponseRenderer(new ResponseRenderer.Limits(1_000_000, 500, 3_000, 200_000))
                .render(many.toString(), Domain.MATH, null, null, katex, new PlainCodeHighlighter());
        assertThat(r.formulas()).hasSize(10_000);
        assertThat(r.notice()).contains("of 10000 formulas shown as source").contains("only the first 500 formulas");
        assertThat(r.formulas().stream().filter(RenderedText.FormulaOutcome::skipped).count()).isGreaterThanOrEqualTo(9_500);
        assertThat(r.html()).contains("math-skipped").contains("class=\"katex\"");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(30_000);
    }

    @Test
    void deepBracesAndMacroLoopsEndInAnError() {
        RenderedText r = render("$" + "{".repeat(5_000) + "x" + "}".repeat(5_000) + "$ and "
                + "$\\def\\a{\\a\\a}\\a$ and $\\newcommand{\\b}{\\b}\\b$", Domain.MATH);
        assertThat(r.formulas()).hasSize(3);
        assertThat(r.formulas().get(1).ok()).isFalse();
        assertThat(r.formulas().get(2).ok()).isFalse();
        assertThat(r.html()).contains("math-error");
    }
}

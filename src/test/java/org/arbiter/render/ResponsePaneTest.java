package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.arbiter.model.Domain;
import org.arbiter.render.fx.KatexEngine;
import org.arbiter.render.fx.ResponsePane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response pane in a real Stage (headless Monocle), inspected through its DOM. */
class ResponsePaneTest {
    private static KatexEngine katex;
    private final ResponseRenderer renderer = new ResponseRenderer();
    private Stage stage;
    private ResponsePane pane;

    @BeforeAll
    static void startKatex() {
        katex = Fx.katex();
    }

    @BeforeEach
    void open() {
        pane = Fx.call(() -> {
            ResponsePane p = new ResponsePane();
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(p), 800, 600));
            stage.show();
            return p;
        });
        Fx.waitUntil(pane::isLoaded, 20_000, "the response page to load");
    }

    @AfterEach
    void close() {
        Fx.run(() -> stage.close());
    }

    private Object js(String script) {
        return Fx.call(() -> pane.executeScript(script));
    }

    private void show(RenderedText r) {
        Fx.run(() -> pane.show(r));
    }

    private RenderedText render(String md, Domain domain) {
        return renderer.render(md, domain, null, null, katex, new PlainCodeHighlighter());
    }

    @Test
    void aStepFocusedBeforeThePaneHasAHeightStaysBelowWhatIsAboveIt() {
        // The window's first draw can come before its first layout, when the panes have no height yet.
        Fx.run(() -> pane.setMaxHeight(0));
        Fx.waitUntil(() -> ((Number) pane.executeScript("window.innerHeight")).intValue() == 0, 10_000, "the pane to have no height");
        StringBuilder html = new StringBuilder("<div class=\"code-label\" style=\"height:40px\">C++</div>");
        for (int i = 0; i < 80; i++) {
            html.append("<div class=\"step\" data-step=\"").append(i).append("\"><div class=\"step-body\">line ").append(i).append("</div></div>");
        }
        show(new RenderedText(html.toString(), html.toString(), List.of(), List.of(), false, null));
        Fx.run(() -> pane.focusStep(0));
        Fx.run(() -> pane.setMaxHeight(Double.MAX_VALUE));
        Fx.waitUntil(() -> ((Number) pane.executeScript("window.innerHeight")).intValue() > 100, 10_000, "the pane to get its height");
        assertThat(((Number) js("window.pageYOffset")).intValue()).as("the label above the first step is still in view").isZero();

        // Once it has a height, a step further down is scrolled into view as before.
        Fx.run(() -> pane.focusStep(60));
        assertThat(((Number) js("window.pageYOffset")).intValue()).isPositive();
    }

    @Test
    void aRealCorpusItemIsDrawnWithKatexAndNumberedSteps() throws Exception {
        show(render(Fx.mathText("test/algebra/297.json"), Domain.MATH));
        assertThat(((Number) js("document.querySelectorAll('#drawn .katex').length")).intValue()).isGreaterThan(10);
        assertThat(((Number) js("document.querySelectorAll('#drawn .math-error').length")).intValue()).isZero();
        assertThat(js("getComputedStyle(document.querySelector('#drawn .step-no'), '::before').content")).asString().contains("1");
        // KaTeX's own fonts are inlined, so the formula is drawn with them and nothing is fetched
        assertThat(js("getComputedStyle(document.querySelector('#drawn .katex')).fontFamily")).asString().contains("KaTeX_Main");
    }

    @Test
    void aFailingFormulaShowsItsSourceAndError() {
        show(render("Before $\\legendre{3}{p}$ after $x^2$.", Domain.MATH));
        String shown = (String) js("document.querySelector('#drawn .math-error').textContent");
        assertThat(shown).contains("$\\legendre{3}{p}$").contains("Undefined control sequence");
        assertThat((Boolean) js("document.querySelector('#drawn .math-error-msg').offsetHeight > 0")).isTrue();
        assertThat((String) js("document.getElementById('drawn').textContent")).contains("after");
    }

    @Test
    void hostileHtmlStaysInert() throws Exception {
        show(render("<script>window.pwned='script'</script>\n\n<img src=x onerror=\"window.pwned='img'\">\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"javascript:window.pwned='a'\">x</a>", Domain.GENERAL));
        Thread.sleep(300);
        assertThat(js("typeof window.pwned")).isEqualTo("undefined");
        assertThat(((Number) js("document.querySelectorAll('#drawn script, #drawn img, #drawn iframe, #drawn [onerror], #drawn [href]').length")).intValue()).isZero();
        assertThat((String) js("document.getElementById('drawn').textContent")).contains("<script>window.pwned='script'</script>");
        // even if content ever reached the DOM as markup, the page's policy refuses inline handlers
        js("document.getElementById('drawn').innerHTML = '<img src=\"data:,\" onerror=\"window.pwned=1\">'");
        Thread.sleep(300);
        assertThat(js("typeof window.pwned")).isEqualTo("undefined");
    }

    @Test
    void linksAreReportedNeverFollowed() {
        List<String> clicked = new ArrayList<>();
        Fx.run(() -> pane.setOnLinkClicked(clicked::add));
        show(render("See [the docs](https://example.org/docs).", Domain.GENERAL));
        String before = (String) js("location.href");
        js("document.querySelector('#drawn a.link').click()");
        assertThat(clicked).containsExactly("https://example.org/docs");
        assertThat(js("location.href")).isEqualTo(before);
        assertThat((String) js("document.getElementById('drawn').textContent")).contains("https://example.org/docs");
    }

    @Test
    void rawToggleShowsTheExactCharacters() throws Exception {
        String source = Fx.mathText("test/algebra/297.json");
        show(render(source, Domain.MATH));
        Fx.run(() -> pane.setRawMode(true));
        assertThat(js("getComputedStyle(document.getElementById('raw')).display")).isEqualTo("block");
        assertThat(js("getComputedStyle(document.getElementById('drawn')).display")).isEqualTo("none");
        assertThat(js("document.getElementById('raw').textContent")).isEqualTo(source);
        Fx.run(() -> pane.setRawMode(false));
        assertThat(js("getComputedStyle(document.getElementById('drawn')).display")).isEqualTo("block");
    }

    @Test
    void stepsCanBeFocusedAndMarkedInBothViews() {
        show(render("First line $a$\nSecond line\nThird line", Domain.MATH));
        Fx.run(() -> {
            pane.focusStep(1);
            pane.markStep(2, -1, List.of("calculation"), true);
        });
        assertThat(((Number) js("document.querySelectorAll('.focused[data-step=\"1\"]').length")).intValue()).isEqualTo(2);
        assertThat(((Number) js("document.querySelectorAll('.focused').length")).intValue()).isEqualTo(2);
        String mark = (String) js("document.querySelector('#drawn [data-step=\"2\"] .mark').textContent");
        assertThat(mark).contains("✗").contains("calculation");
        assertThat(js("document.querySelector('#raw [data-step=\"2\"]').getAttribute('data-rating')")).isEqualTo("-1");
    }

    @Test
    void scrollingIsReportedAndCanBeDrivenForSynchronizedPanes() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 200; i++) md.append("Line ").append(i).append(" with $x_{").append(i).append("}$\n");
        show(render(md.toString(), Domain.MATH));
        Fx.run(() -> pane.scrollTo(1.0));
        Fx.waitUntil(() -> pane.scrollRatioProperty().get() > 0.95, 5_000, "the scroll ratio to follow scrollTo(1)");
        Fx.run(() -> pane.setDark(true));
        assertThat((Boolean) js("document.body.classList.contains('dark')")).isTrue();
    }

    @Test
    void theWebViewNeverTakesKeyboardFocus() {
        assertThat(Fx.call(() -> pane.getChildrenUnmodifiable().get(0).isFocusTraversable())).isFalse();
    }

    @Test
    void pathologicalResponsesComeBackBoundedAndTheWindowStaysResponsive() throws Exception {
        String huge = "x = y + z, ".repeat(500_000);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) many.append("$x_{").append(i).append("}^2$ ");
        for (String content : List.of(huge, many.toString())) {
            AtomicLong worstPing = new AtomicLong();
            CompletableFuture<RenderedText> done = CompletableFuture.supplyAsync(() -> render(content, Domain.MATH));
            while (!done.isDone()) {
                long t0 = System.nanoTime();
                CompletableFuture<Void> ping = new CompletableFuture<>();
                Platform.runLater(() -> ping.complete(null));
                ping.get(5, TimeUnit.SECONDS);
                worstPing.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                Thread.sleep(10);
            }
            RenderedText r = done.get(60, TimeUnit.SECONDS);
            assertThat(worstPing.get()).as("slowest FX-thread ping while rendering (ms)").isLessThan(1_000);
            assertThat(r.notice()).isNotNull();
            long t0 = System.nanoTime();
            show(r);
            assertThat((String) js("document.body.textContent")).contains(r.notice());
            Fx.run(() -> { });
            assertThat((System.nanoTime() - t0) / 1_000_000).as("showing it (ms)").isLessThan(10_000);
        }
    }
}

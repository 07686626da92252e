package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.model.Judgment;
import org.arbiter.model.Ranking;
import org.arbiter.review.Action;
import org.arbiter.review.RankStrip;
import org.arbiter.review.Side;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A ranking item of four math answers in a real window, keyboard only: bring responses into the panes, place
 * them with a tie, submit — then the judgment as the store holds it. The items come in through
 * {@code arbiter import} (native JSONL, up to nine responses an item).
 */
class RankingWindowTest {
    private static final Path ITEMS = Path.of("src/test/resources/ranking/four-responses.jsonl");

    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void ranksFourResponsesByKeysAloneAndTheStoreHoldsTheOrder() throws Exception {
        Path db = dir.resolve("arbiter.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "import", "--db", db.toString(), ITEMS.toString());
        assertThat(code).as(err.toString()).isZero();

        Workstation w = fx.open(LocalStore.open(db), "ada", dir.resolve("settings.json"));
        RankStrip strip = w.session().state().open().rankStrip();
        assertThat(strip.entries()).hasSize(4);
        List<String> shown = strip.entries().stream().map(RankStrip.Entry::responseId).toList();
        assertThat(chips(w)).containsExactly("◀ 1 · –", "▶ 2 · –", "3 · –", "4 · –");
        assertThat(onFx(() -> w.window().scene().lookup("#scale-1").isVisible())).isFalse();

        // Ctrl+3: response 3 replaces response 1 in the focused (left) pane, and the pane draws it.
        fx.ctrl(KeyCode.DIGIT3);
        assertThat(w.session().state().open().left().response().id()).isEqualTo(shown.get(2));
        assertThat(paneText(w, Side.LEFT)).contains(firstWords(w, shown.get(2)));

        // 3 > 1 = 4 > 2: place 3 and mark its first step wrong; 1 below it; 4 tied with 1; 2 (right pane) last.
        shiftK();
        fx.type(KeyCode.X);
        fx.ctrl(KeyCode.DIGIT1);
        shiftK();
        fx.ctrl(KeyCode.DIGIT4);
        shiftK();
        fx.type(KeyCode.EQUALS);
        fx.type(KeyCode.TAB);
        assertThat(chips(w)).containsExactly("1 · #2=", "▶ 2 · –", "3 · #1", "◀ 4 · #2=");
        assertThat(label(w, "#rank-head-left")).isEqualTo("Response 4 of 4 · place 2 (tied)");
        assertThat(label(w, "#rank-head-right")).isEqualTo("▸ Response 2 of 4 · not placed");
        // Enter with response 2 unplaced is refused, and the status line says why.
        fx.type(KeyCode.ENTER);
        assertThat(w.session().state().status().message()).contains("response 2 is not placed yet");
        shiftK();
        assertThat(label(w, "#rank-order")).isEqualTo("order: 3 > 1 = 4 > 2  ✓ Enter submits");

        // The help page lists the ranking keys.
        fx.robot().press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpText(w)).contains("show response 3 in the focused pane").contains("Ctrl+3")
                .contains("focused response one place better (an unplaced one is placed last)");
        fx.type(KeyCode.ESCAPE);
        // So does the key bindings dialog (Ctrl+K), which Esc closes without a change.
        fx.ctrl(KeyCode.K);
        KeyBindingsDialog keys = w.window().keysDialog();
        assertThat(onFx(() -> keys.keysText(Action.RANK_UP) + " " + keys.keysText(Action.RANK_TIE) + " " + keys.keysText(Action.SHOW_RESPONSE_4)))
                .isEqualTo("K = Ctrl+4");
        assertThat(onFx(keys::conflicts)).isEmpty();
        fx.type(KeyCode.ESCAPE);
        assertThat(onFx(keys::isShowing)).isFalse();

        fx.type(KeyCode.ENTER);
        assertThat(w.window().stage().getTitle()).isEqualTo("Arbiter — ranking — item 2 of 2");

        // Item 2 is code with three responses: d diffs the two in the panes, and follows when one is swapped.
        List<String> codeShown = w.session().state().open().rankStrip().entries().stream().map(RankStrip.Entry::responseId).toList();
        fx.type(KeyCode.D);
        assertThat(diffText(w, "response 1")).contains("response 2").contains(firstCodeLine(w, codeShown.get(0)));
        fx.ctrl(KeyCode.DIGIT3);
        assertThat(diffText(w, "response 3")).contains("response 2").contains(firstCodeLine(w, codeShown.get(2)));
        fx.close(w);

        try (LocalStore store = LocalStore.open(db)) {
            Judgment j = store.judgments().latest("ranking", "sum-to-ten", "ada").orElseThrow();
            assertThat(j.ranking()).isEqualTo(new Ranking(
                    List.of(List.of(shown.get(2)), List.of(shown.get(0), shown.get(3)), List.of(shown.get(1))), shown));
            assertThat(j.stepLabels()).singleElement().satisfies(l -> {
                assertThat(l.responseId()).isEqualTo(shown.get(2));
                assertThat(l.rating()).isEqualTo(-1);
            });
        }
    }

    private void shiftK() {
        fx.robot().press(KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> chips(Workstation w) throws Exception {
        return onFx(() -> ((Pane) w.window().scene().lookup("#rank-entry-1").getParent()).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
    }

    private static String label(Workstation w, String id) throws Exception {
        return onFx(() -> ((Label) w.window().scene().lookup(id)).getText());
    }

    private static String helpText(Workstation w) throws Exception {
        return onFx(() -> w.window().scene().lookup("#help-overlay").lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b));
    }

    /** The text the pane shows, once its page has the response in it. */
    private static String paneText(Workstation w, Side side) throws Exception {
        for (int i = 0; i < 100; i++) {
            String text = onFx(() -> {
                var pane = w.window().pane(side);
                return pane.isLoaded() ? String.valueOf(pane.executeScript("document.body.innerText")) : "";
            });
            if (!text.isBlank()) return text;
            Thread.sleep(50);
        }
        return "";
    }

    /** The diff pane's text once it holds {@code expected}; what it holds after 30 s otherwise. */
    private static String diffText(Workstation w, String expected) throws Exception {
        String text = "";
        for (int i = 0; i < 600 && !text.contains(expected); i++) {
            text = onFx(() -> {
                var p = (org.arbiter.render.fx.ResponsePane) w.window().scene().lookup("#pane-diff");
                return p != null && p.isLoaded() && p.isVisible() ? String.valueOf(p.executeScript("document.getElementById('drawn').textContent")) : "";
            });
            if (!text.contains(expected)) Thread.sleep(50);
        }
        return text;
    }

    /** The first line of a response's code after its def line, e.g. "    out = []". */
    private static String firstCodeLine(Workstation w, String responseId) {
        String content = w.session().state().open().item().response(responseId).orElseThrow().content();
        return content.lines().filter(l -> l.startsWith("    ")).findFirst().orElseThrow().strip();
    }

    private static String firstWords(Workstation w, String responseId) {
        String content = w.session().state().open().item().response(responseId).orElseThrow().content();
        return content.substring(0, content.indexOf(' ', 12));
    }
}

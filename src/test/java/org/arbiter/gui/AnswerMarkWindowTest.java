package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyCode;

import org.arbiter.app.UserSettings;
import org.arbiter.evidence.math.AnswerSpan;
import org.arbiter.evidence.math.FinalAnswerExtractor;
import org.arbiter.evidence.math.MathCheck;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.Keymap;
import org.arbiter.review.Side;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A math pair with a reference in the real window: the boxed answer the check compares is marked in the pane that
 * shows it, inside its step, in the drawn and the raw view; the response without a final answer has no mark.
 */
class AnswerMarkWindowTest {
    private static final String ITEM = """
            {"id": "eighth-term", "batch": "amw", "domain": "math",
             "prompt": "What is the eighth term of $\\\\frac{125}{9}, \\\\frac{25}{3}, 5, 3, \\\\ldots$?",
             "responses": [
               {"id": "a", "content": "The ratio is $\\\\frac35$.\\n\\nSo the eighth term is\\n\\\\[\\\\frac{125}{9}\\\\left(\\\\frac35\\\\right)^7 = \\\\boxed{\\\\frac{243}{625}}\\\\]"},
               {"id": "b", "content": "The ratio is $\\\\frac35$.\\n\\nI could not finish the computation."}],
             "reference": {"answer": "\\\\frac{243}{625}"}}
            """;
    private static final String FIRST_MARK = "document.querySelector('#drawn mark.final-answer')";

    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void theComparedAnswerIsMarkedInItsPaneAndStepInBothViews() throws Exception {
        Item item = ItemJson.read(Json.parse(ITEM), "amw", null);
        LocalStore store = LocalStore.open(dir.resolve("arbiter.db"));
        store.inTransaction(c -> {
            store.items().insertIfAbsent(c, item);
            return null;
        });
        Workstation w = Workstation.open(store, "ada", "amw", UserSettings.load(dir.resolve("settings.json")), Clock.systemUTC(),
                new Keymap.Loaded(Keymap.defaults(), Optional.empty()), List.of(new MathCheck()));
        try {
            fx.show(w);
            // the step the answer stands in, as the window segments the response
            AnswerSpan answer = FinalAnswerExtractor.extract(item.a().content()).orElseThrow();
            String holder = String.valueOf(StepSegmenter.segment(item.a(), item.domain()).stream()
                    .filter(s -> s.start() <= answer.start() && answer.end() <= s.end()).findFirst().orElseThrow().index());
            boolean bOnLeft = SideAssignment.bOnLeft("ada", item);
            ResponsePane withAnswer = w.window().pane(bOnLeft ? Side.RIGHT : Side.LEFT);
            ResponsePane without = w.window().pane(bOnLeft ? Side.LEFT : Side.RIGHT);

            assertThat(script(withAnswer, "document.querySelectorAll('#drawn mark.final-answer').length")).isEqualTo(1);
            assertThat(script(without, "document.querySelectorAll('mark.final-answer').length")).isEqualTo(0);
            // the whole drawn formula is marked, typeset (KaTeX's spans), in the step that holds it
            assertThat(script(withAnswer, FIRST_MARK + ".className")).isEqualTo("final-answer display");
            assertThat(script(withAnswer, FIRST_MARK + ".querySelector('.katex') !== null")).isEqualTo(true);
            assertThat((String) script(withAnswer, FIRST_MARK + ".textContent")).contains("243").contains("625");
            assertThat(script(withAnswer, FIRST_MARK + ".closest('.step').getAttribute('data-step')")).isEqualTo(holder);
            assertThat((String) script(withAnswer, "getComputedStyle(" + FIRST_MARK + ").backgroundColor"))
                    .isNotEqualTo("rgba(0, 0, 0, 0)").isNotEqualTo("transparent");

            // the raw view marks the characters compared, in the same step
            fx.type(KeyCode.R);
            assertThat(script(withAnswer, "document.body.classList.contains('raw-mode')")).isEqualTo(true);
            assertThat(script(withAnswer, "document.querySelector('#raw mark.final-answer').textContent")).isEqualTo("\\frac{243}{625}");
            assertThat(script(withAnswer, "document.querySelector('#raw mark.final-answer').closest('[data-step]').getAttribute('data-step')"))
                    .isEqualTo(holder);
            fx.type(KeyCode.R);
            assertThat(script(withAnswer, "document.body.classList.contains('raw-mode')")).isEqualTo(false);
            assertThat(script(withAnswer, "document.querySelectorAll('#drawn mark.final-answer').length")).isEqualTo(1);
        } finally {
            fx.close(w);
            store.close();
        }
    }

    private static Object script(ResponsePane pane, String js) throws Exception {
        return onFx(() -> pane.executeScript(js));
    }
}

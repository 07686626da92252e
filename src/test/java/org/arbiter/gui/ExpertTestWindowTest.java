package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.arbiter.app.UserSettings;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.evidence.code.VerifyCorpus;
import org.arbiter.model.ExpertTest;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.ShownEvidence;
import org.arbiter.review.Keymap;
import org.arbiter.review.Mode;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Python code item in the real window with the real sandbox: its tests run as it opens (✓ on the correct side,
 * ✗ on the buggy one), then the expert opens the scratch editor by key, writes a test of their own, runs it by key
 * against both responses, sees both outcomes, closes the editor and submits by keys; the stored judgment carries
 * the test and its outcomes.
 */
class ExpertTestWindowTest {
    /** HumanEvalPack Python/34, unique(l): response a returns sorted(l) and keeps duplicates; b is the canonical one. */
    static final String ITEM = "hv-Python/34";
    static final String TEST = "assert candidate([1, 1]) == [1]";

    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void badgesFromTheSandboxThenTheExpertsOwnTestRunsOnBothSidesAndIsStored() throws Exception {
        Item item = VerifyCorpus.item(ITEM, "own");
        LocalStore store = LocalStore.open(dir.resolve("arbiter.db"));
        store.inTransaction(c -> {
            store.items().insertIfAbsent(c, item);
            return null;
        });
        CodeCheck code = VerifyCorpus.check();
        Workstation w = Workstation.open(store, "ada", "own", UserSettings.load(dir.resolve("settings.json")), Clock.systemUTC(),
                new Keymap.Loaded(Keymap.defaults(), Optional.empty()), List.of(code));
        try {
            fx.show(w);
            boolean bOnLeft = SideAssignment.bOnLeft("ada", item);
            String a = bOnLeft ? "right" : "left";
            String b = bOnLeft ? "left" : "right";

            // The item's own tests, run in the sandbox as the item opened.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(w, "#evidence-" + a).startsWith("✗")
                    && text(w, "#evidence-" + b).startsWith("✓"));
            assertThat(text(w, "#evidence-" + b)).isEqualTo("✓ passes 1/1");
            assertThat(text(w, "#evidence-" + a)).isEqualTo("✗ fails test 1");

            // Shift+T opens the editor; what is typed there is code, not judging keys (the test has 1s in it).
            fx.robot().press(KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(visible(w, "#expert-test")).isTrue();
            assertThat(w.session().state().status().mode()).isEqualTo(Mode.EXPERT_TEST);
            fx.robot().write(TEST);
            WaitForAsyncUtils.waitForFxEvents();
            ExpertTestPanel panel = (ExpertTestPanel) WindowFixture.onFx(() -> w.window().scene().lookup("#expert-test"));
            assertThat(WindowFixture.onFx(panel::text)).isEqualTo(TEST);
            assertThat(w.session().state().labels().preference()).isNull();
            // Coloured by the app's highlighter: "assert" is a keyword, "1" a number.
            assertThat(WindowFixture.onFx(() -> panel.styleOfChar(0))).contains("t-kw");
            assertThat(WindowFixture.onFx(() -> panel.styleOfChar(TEST.indexOf('1')))).contains("t-num");

            // Ctrl+Enter runs it against both responses in the background.
            fx.ctrl(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(w, "#expert-test-" + a).startsWith("✗")
                    && text(w, "#expert-test-" + b).startsWith("✓"));
            assertThat(text(w, "#expert-test-" + b)).isEqualTo("✓ passes 1/1");
            assertThat(text(w, "#expert-test-" + a)).startsWith("✗ fails test 1\ntest 1 of 1 failed: " + TEST);

            // Esc closes it and gives the keys back to judging: prefer b (the passing side), Enter submits.
            fx.type(KeyCode.ESCAPE);
            assertThat(visible(w, "#expert-test")).isFalse();
            fx.type(bOnLeft ? KeyCode.DIGIT2 : KeyCode.DIGIT4, KeyCode.ENTER);
            Judgment j = store.judgments().latest("own", ITEM, "ada").orElseThrow();
            ExpertTest t = j.expertTest();
            assertThat(t.language()).isEqualTo("python");
            assertThat(t.source()).isEqualTo(TEST);
            assertThat(ShownEvidence.first(t.outcomes(), ShownEvidence.CODE, "a").verdict()).isEqualTo("failed");
            assertThat(ShownEvidence.first(t.outcomes(), ShownEvidence.CODE, "b").verdict()).isEqualTo("passed");
            assertThat(ShownEvidence.first(t.outcomes(), ShownEvidence.CODE, "b").runner()).contains("python3");
            // The item's own evidence is recorded beside it.
            assertThat(ShownEvidence.first(j.evidence(), ShownEvidence.CODE, "a").verdict()).isEqualTo("failed");
        } finally {
            fx.close(w);
            store.close();
        }
    }

    private static boolean visible(Workstation w, String id) throws Exception {
        return WindowFixture.onFx(() -> {
            Node n = w.window().scene().lookup(id);
            return n != null && n.isVisible();
        });
    }

    private static String text(Workstation w, String id) throws Exception {
        return WindowFixture.onFx(() -> {
            Label l = (Label) w.window().scene().lookup(id);
            return l == null ? "" : l.getText();
        });
    }
}

package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.arbiter.app.DemoBatch;
import org.arbiter.review.Action;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;
import org.arbiter.review.Rating;
import org.arbiter.review.ReviewState;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+K in a real window, keyboard only: rebind, save, and the new key labels at once. */
class KeyBindingsDialogTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();
    private Workstation workstation;

    @AfterEach
    void closeWindow() throws Exception {
        if (workstation == null) return;
        onFx(() -> {
            KeyBindingsDialog d = workstation.window().keysDialog();
            if (d != null) d.stage().close();
            workstation.window().stage().close();
            return null;
        });
        workstation.close();
    }

    @Test
    void rebindRateCorrectToYSaveAndTheWindowUsesItAtOnce() throws Exception {
        Path keys = dir.resolve("keys.json");
        Workstation w = open(keys);
        fx.ctrl(KeyCode.K);
        KeyBindingsDialog d = w.window().keysDialog();
        assertThat(d).isNotNull();
        assertThat(onFx(d::isShowing)).isTrue();

        AtomicInteger reachedWindow = new AtomicInteger();
        onFx(() -> {
            w.window().scene().addEventFilter(KeyEvent.KEY_PRESSED, e -> reachedWindow.incrementAndGet());
            return null;
        });
        selectWithArrows(Action.RATE_CORRECT);
        // "c" is RATE_CORRECT's own key: in the dialog it only rebinds, it must not rate the step behind.
        fx.type(KeyCode.C);
        assertThat(focusedRating(w)).isNull();
        fx.type(KeyCode.Y);
        assertThat(onFx(() -> d.keysText(Action.RATE_CORRECT))).isEqualTo("y");
        assertThat(focusedRating(w)).isNull();
        assertThat(w.session().keymap().keysFor(Action.RATE_CORRECT)).containsExactly(KeyStroke.parse("c"));
        assertThat(reachedWindow.get()).as("keys pressed in the dialog that the window's key filter saw").isZero();

        tabTo(d, "keys-save");
        fx.type(KeyCode.ENTER);
        assertThat(onFx(d::isShowing)).isFalse();

        assertThat(Files.exists(keys)).isTrue();
        Keymap saved = Keymap.parse(Files.readString(keys), keys.toString());
        assertThat(saved.keysFor(Action.RATE_CORRECT)).containsExactly(KeyStroke.parse("y"));
        assertThat(saved.keysFor(Action.RATE_INCORRECT)).containsExactly(KeyStroke.parse("x"));
        assertThat(Files.readString(keys)).contains("\"RATE_CORRECT\"").contains("\"y\"");

        fx.type(KeyCode.C);
        assertThat(focusedRating(w)).isNull();
        fx.type(KeyCode.Y);
        assertThat(focusedRating(w)).isEqualTo(Rating.CORRECT);
    }

    @Test
    void aConflictNamesTheOtherActionAndTurnsSaveOffUntilResolved() throws Exception {
        Path keys = dir.resolve("keys.json");
        Workstation w = open(keys);
        fx.ctrl(KeyCode.K);
        KeyBindingsDialog d = w.window().keysDialog();
        selectWithArrows(Action.RATE_CORRECT);

        fx.type(KeyCode.X);
        Button save = (Button) lookup(d, "keys-save");
        assertThat(save.isDisabled()).isTrue();
        assertThat(onFx(() -> d.conflicts().get(Action.RATE_CORRECT))).contains("x", "RATE_INCORRECT");
        assertThat(onFx(() -> d.conflicts().get(Action.RATE_INCORRECT))).contains("RATE_CORRECT");
        assertThat(((Label) lookup(d, "keys-status")).getText()).contains("RATE_INCORRECT");

        // Enter asks for any key, so a navigation key can be bound: Down belongs to NEXT_STEP.
        fx.type(KeyCode.ENTER, KeyCode.DOWN);
        assertThat(onFx(() -> d.keysText(Action.RATE_CORRECT))).isEqualTo("Down");
        assertThat(onFx(() -> d.conflicts().get(Action.RATE_CORRECT))).contains("NEXT_STEP");
        assertThat(save.isDisabled()).isTrue();

        // Backspace unbinds: no conflict, Save is back.
        fx.type(KeyCode.BACK_SPACE);
        assertThat(onFx(() -> d.keysText(Action.RATE_CORRECT))).isEqualTo("(unbound)");
        assertThat(onFx(d::conflicts)).isEmpty();
        assertThat(save.isDisabled()).isFalse();

        // "Add key" keeps what is there; then Reset to defaults undoes everything.
        fx.type(KeyCode.Z);
        tabTo(d, "keys-add");
        fx.type(KeyCode.ENTER, KeyCode.Q);
        assertThat(onFx(() -> d.keysText(Action.RATE_CORRECT))).isEqualTo("z / q");
        tabTo(d, "keys-reset");
        fx.type(KeyCode.ENTER);
        assertThat(onFx(() -> d.keysText(Action.RATE_CORRECT))).isEqualTo("c");

        // Esc closes without saving: no file, the session keeps its keys.
        fx.type(KeyCode.ESCAPE);
        assertThat(onFx(d::isShowing)).isFalse();
        assertThat(Files.exists(keys)).isFalse();
        assertThat(w.session().keymap().keysFor(Action.RATE_CORRECT)).containsExactly(KeyStroke.parse("c"));
    }

    private Workstation open(Path keysFile) throws Exception {
        LocalStore store = LocalStore.open(dir.resolve("arbiter.db"));
        DemoBatch.loadIfEmpty(store);
        workstation = fx.open(store, "expert-0", dir.resolve("settings.json"));
        workstation.window().setKeysFile(keysFile);
        return workstation;
    }

    /** Home, then Down until the action's row: how an expert gets there without a mouse. */
    private void selectWithArrows(Action a) {
        fx.type(KeyCode.HOME);
        for (int i = 0; i < a.ordinal(); i++) fx.type(KeyCode.DOWN);
    }

    /** Tab until the node has focus; fails if Tab never reaches it. */
    private void tabTo(KeyBindingsDialog d, String id) throws Exception {
        for (int i = 0; i < 15; i++) {
            Node focus = onFx(() -> d.stage().getScene().getFocusOwner());
            if (focus != null && id.equals(focus.getId())) return;
            fx.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static Node lookup(KeyBindingsDialog d, String id) throws Exception {
        return onFx(() -> d.stage().getScene().lookup("#" + id));
    }

    private static Rating focusedRating(Workstation w) {
        ReviewState s = w.session().state();
        return s.open().focused().mark(s.open().focused().focusedStep()).rating();
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.arbiter.review.Action;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;
import org.junit.jupiter.api.Test;

class KeyBindingsDraftTest {
    private final KeyBindingsDraft draft = new KeyBindingsDraft(Keymap.defaults(), KeyBindingsDraft.windowKeys());

    @Test
    void replaceTakesExactlyTheNewKeyAndAddKeepsTheOldOnes() {
        draft.replace(Action.NEXT_STEP, KeyStroke.parse("l"));
        assertThat(draft.keysFor(Action.NEXT_STEP)).containsExactly(KeyStroke.parse("l"));
        draft.add(Action.NEXT_STEP, KeyStroke.parse("Down"));
        draft.add(Action.NEXT_STEP, KeyStroke.parse("Down"));
        assertThat(draft.keysFor(Action.NEXT_STEP)).containsExactly(KeyStroke.parse("l"), KeyStroke.parse("Down"));
        assertThat(draft.toKeymap().actionFor(KeyStroke.parse("l"))).contains(Action.NEXT_STEP);
    }

    @Test
    void aKeyOnTwoActionsNamesTheOtherOnBothAndBlocksSaving() {
        draft.replace(Action.RATE_CORRECT, KeyStroke.parse("x"));
        assertThat(draft.canSave()).isFalse();
        assertThat(draft.conflict(Action.RATE_CORRECT)).hasValueSatisfying(m -> assertThat(m).contains("x", "RATE_INCORRECT"));
        assertThat(draft.conflict(Action.RATE_INCORRECT)).hasValueSatisfying(m -> assertThat(m).contains("RATE_CORRECT"));
        assertThatThrownBy(draft::toKeymap).isInstanceOf(IllegalStateException.class);
        // Swapping the two is the usual way out.
        draft.replace(Action.RATE_INCORRECT, KeyStroke.parse("c"));
        assertThat(draft.canSave()).isTrue();
        assertThat(draft.toKeymap().actionFor(KeyStroke.parse("c"))).contains(Action.RATE_INCORRECT);
    }

    @Test
    void theWindowsOwnKeysAndEscapeAreNotFreeForActions() {
        draft.add(Action.TOGGLE_RAW, KeyStroke.parse("Ctrl+T"));
        assertThat(draft.conflict(Action.TOGGLE_RAW)).hasValueSatisfying(m -> assertThat(m).contains("Ctrl+T", "theme"));
        draft.replace(Action.TOGGLE_RAW, KeyStroke.parse("Ctrl+K"));
        assertThat(draft.conflict(Action.TOGGLE_RAW)).hasValueSatisfying(m -> assertThat(m).contains("key bindings"));
        draft.replace(Action.TOGGLE_RAW, KeyStroke.parse("Esc"));
        assertThat(draft.canSave()).isFalse();
    }

    /** The key dialog refuses each key the window takes, naming what the window does with it. */
    @Test
    void everyWindowKeyIsRefusedWithWhatItDoes() {
        for (WindowKey k : WindowKey.values()) {
            draft.replace(Action.TOGGLE_RAW, k.stroke());
            assertThat(draft.conflict(Action.TOGGLE_RAW)).as(k.name()).hasValueSatisfying(m -> assertThat(m).contains(k.description()));
        }
    }

    @Test
    void clearUnbindsAndResetBringsBackTheDefaults() {
        draft.clear(Action.SUBMIT);
        assertThat(draft.keysFor(Action.SUBMIT)).isEmpty();
        assertThat(draft.toKeymap().actionFor(KeyStroke.parse("Enter"))).isEmpty();
        draft.replace(Action.UNDO, KeyStroke.parse("u"));
        draft.resetToDefaults();
        assertThat(draft.canSave()).isTrue();
        for (Action a : Action.values()) assertThat(draft.keysFor(a)).isEqualTo(Keymap.defaults().keysFor(a));
    }
}

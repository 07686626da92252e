package org.arbiter.gui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.arbiter.review.KeyStroke;

/** JavaFX key events into the toolkit-free key strokes the review session understands. */
final class KeyTranslator {
    private KeyTranslator() {
    }

    /** Null for keys that are only modifiers (pressing Shift alone is not an action). */
    static KeyStroke of(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == null || code.isModifierKey() || code == KeyCode.UNDEFINED) return null;
        // Shortcut is Ctrl on Linux/Windows and Cmd on macOS: both mean "ctrl" to the keymap.
        return KeyStroke.ofEvent(code.name(), e.getText(), e.isShortcutDown() || e.isControlDown(), e.isShiftDown(), e.isAltDown());
    }
}

package org.arbiter.gui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;

/**
 * The keys the window handles itself (display, not labeling), before the review session sees them. One
 * definition serves the window's key filter, the help page and the key dialog's list of keys not free for actions.
 */
enum WindowKey {
    ZOOM_IN(Modifiers.CTRL, "zoom in", KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD),
    ZOOM_OUT(Modifiers.CTRL, "zoom out", KeyCode.MINUS, KeyCode.SUBTRACT),
    ZOOM_RESET(Modifiers.CTRL, "zoom reset", KeyCode.DIGIT0, KeyCode.NUMPAD0),
    THEME(Modifiers.CTRL, "light / dark theme", KeyCode.T),
    GO_TO(Modifiers.CTRL, "go to an item by id", KeyCode.G),
    FILTER(Modifiers.CTRL, "queue filter: all → unjudged → flagged", KeyCode.F),
    PROMPT(Modifiers.CTRL, "collapse / expand the prompt", KeyCode.P),
    SYNC(Modifiers.ANY, "sync now (after arbiter login)", KeyCode.F5),
    KEY_BINDINGS(Modifiers.CTRL, "edit the key bindings", KeyCode.K),
    EVIDENCE_DETAILS(Modifiers.NONE, "evidence details: the failing test and output, why a check did not run", KeyCode.T);

    /** CTRL: Ctrl (or the platform shortcut) held; NONE: no modifier at all, so Ctrl+T stays the theme; ANY: as pressed. */
    private enum Modifiers { CTRL, NONE, ANY }

    private final Modifiers modifiers;
    private final String description;
    /** The first is the one shown; the others are the same key elsewhere on the keyboard (numpad, shifted). */
    private final List<KeyCode> codes;

    WindowKey(Modifiers modifiers, String description, KeyCode... codes) {
        this.modifiers = modifiers;
        this.description = description;
        this.codes = List.of(codes);
    }

    /** The window key this event is, if any. */
    static Optional<WindowKey> of(KeyEvent e) {
        for (WindowKey k : values()) if (k.matches(e)) return Optional.of(k);
        return Optional.empty();
    }

    private boolean matches(KeyEvent e) {
        boolean ctrl = e.isShortcutDown() || e.isControlDown();
        boolean held = switch (modifiers) {
            case CTRL -> ctrl;
            case NONE -> !ctrl && !e.isAltDown() && !e.isShiftDown();
            case ANY -> true;
        };
        return held && codes.contains(e.getCode());
    }

    /** The key as the help page and the key dialog write it. */
    KeyStroke stroke() {
        return KeyStroke.of(codes.get(0).name(), modifiers == Modifiers.CTRL, false, false);
    }

    String description() {
        return description;
    }

    /** The help page's rows for the window's keys, listed after the keymap. */
    static List<Keymap.HelpRow> helpRows() {
        return Arrays.stream(values()).map(k -> new Keymap.HelpRow("Window", k.stroke().toString(), k.description)).toList();
    }
}

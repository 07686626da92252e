package org.arbiter.gui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arbiter.review.Action;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;

/**
 * The key bindings being edited in the dialog. Unlike a {@link Keymap} it may hold conflicts for a while:
 * the expert rebinds one action at a time, and a key briefly on two actions is the normal way to swap them.
 * Saving is possible only once every conflict is gone.
 */
final class KeyBindingsDraft {
    /** A key the window takes before the review session sees it, with what it does there. */
    record Reserved(KeyStroke key, String meaning) {
    }

    private final Map<Action, List<KeyStroke>> keys = new EnumMap<>(Action.class);
    private final List<Reserved> reserved;

    KeyBindingsDraft(Keymap start, List<Reserved> reserved) {
        this.reserved = List.copyOf(reserved);
        load(start);
    }

    /** The window's own keys (zoom, theme, Ctrl+K …) and Escape, which closes every overlay. */
    static List<Reserved> windowKeys() {
        List<Reserved> r = new ArrayList<>();
        for (WindowKey k : WindowKey.values()) r.add(new Reserved(k.stroke(), k.description()));
        r.add(new Reserved(KeyStroke.plain("ESCAPE"), "closes help, pickers and text fields"));
        return r;
    }

    private void load(Keymap k) {
        for (Action a : Action.values()) keys.put(a, new ArrayList<>(k.keysFor(a)));
    }

    List<KeyStroke> keysFor(Action a) {
        return List.copyOf(keys.get(a));
    }

    /** The action takes exactly this key. */
    void replace(Action a, KeyStroke k) {
        keys.put(a, new ArrayList<>(List.of(k)));
    }

    /** The action takes this key as well as the ones it has. */
    void add(Action a, KeyStroke k) {
        List<KeyStroke> ks = keys.get(a);
        if (!ks.contains(k)) ks.add(k);
    }

    /** The action has no key at all. */
    void clear(Action a) {
        keys.get(a).clear();
    }

    void resetToDefaults() {
        load(Keymap.defaults());
    }

    /**
     * Why this action's keys cannot be saved, naming the other action (or the window's use) of each clashing
     * key; empty when they are fine.
     */
    Optional<String> conflict(Action a) {
        List<String> clashes = new ArrayList<>();
        for (KeyStroke k : keys.get(a)) {
            for (Action other : Action.values()) {
                if (other != a && keys.get(other).contains(k)) {
                    clashes.add(k + " is also bound to " + other + " “" + other.description() + "”");
                }
            }
            for (Reserved r : reserved) {
                if (r.key().equals(k)) clashes.add(k + " is the window's key for " + r.meaning());
            }
        }
        return clashes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", clashes));
    }

    /** Every action with a conflict, in the order the dialog lists them. */
    Map<Action, String> conflicts() {
        Map<Action, String> m = new LinkedHashMap<>();
        for (Action a : Action.values()) conflict(a).ifPresent(c -> m.put(a, c));
        return m;
    }

    boolean canSave() {
        return conflicts().isEmpty();
    }

    /** @throws IllegalStateException while a conflict remains */
    Keymap toKeymap() {
        if (!canSave()) throw new IllegalStateException("key conflicts remain: " + conflicts().values());
        return new Keymap(keys);
    }
}

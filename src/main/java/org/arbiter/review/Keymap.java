package org.arbiter.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.arbiter.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which key does what in the review's normal mode. The settings file is JSON:
 * {@code {"keys": {"SUBMIT": ["Enter"], "NEXT_STEP": ["j", "Down"]}}}; an action listed there takes exactly
 * those keys, unlisted actions keep their defaults. Modal keys (category picker, Escape) are not remappable.
 */
public final class Keymap {
    private final Map<Action, List<KeyStroke>> keys;
    private final Map<KeyStroke, Action> byKey;

    /** @throws IllegalArgumentException when one key is bound to two actions, naming both */
    public Keymap(Map<Action, List<KeyStroke>> keys) {
        Map<Action, List<KeyStroke>> copy = new EnumMap<>(Action.class);
        Map<KeyStroke, Action> index = new HashMap<>();
        for (Action a : Action.values()) {
            List<KeyStroke> ks = List.copyOf(keys.getOrDefault(a, List.of()));
            copy.put(a, ks);
            for (KeyStroke k : ks) {
                Action other = index.putIfAbsent(k, a);
                if (other != null && other != a) {
                    throw new IllegalArgumentException("key " + k + " is bound to both " + other + " and " + a);
                }
            }
        }
        this.keys = Collections.unmodifiableMap(copy);
        this.byKey = Map.copyOf(index);
    }

    public static Keymap defaults() {
        Map<Action, List<KeyStroke>> m = new EnumMap<>(Action.class);
        bind(m, Action.PREFER_LEFT_MUCH, "1");
        bind(m, Action.PREFER_LEFT, "2");
        bind(m, Action.PREFER_EQUAL, "3");
        bind(m, Action.PREFER_RIGHT, "4");
        bind(m, Action.PREFER_RIGHT_MUCH, "5");
        // Ranking: Shift+j/k move the focused response as j/k move through its steps; Ctrl+n as a browser's tab n.
        bind(m, Action.RANK_UP, "K");
        bind(m, Action.RANK_DOWN, "J");
        bind(m, Action.RANK_TIE, "=");
        for (int i = 1; i <= 9; i++) bind(m, Action.valueOf("SHOW_RESPONSE_" + i), "Ctrl+" + i);
        bind(m, Action.NEXT_RESPONSE, ".");
        bind(m, Action.PREV_RESPONSE, ",");
        bind(m, Action.TOGGLE_BOTH_BAD, "b");
        bind(m, Action.TOGGLE_UNSURE, "u");
        bind(m, Action.TOGGLE_BAD_PROMPT, "p");
        bind(m, Action.SWITCH_SIDE, "Tab");
        bind(m, Action.NEXT_STEP, "j", "Down");
        bind(m, Action.PREV_STEP, "k", "Up");
        bind(m, Action.FIRST_STEP, "g");
        bind(m, Action.LAST_STEP, "G");
        bind(m, Action.RATE_CORRECT, "c");
        bind(m, Action.RATE_NEUTRAL, "n");
        bind(m, Action.RATE_INCORRECT, "x");
        bind(m, Action.FIRST_ERROR, "f");
        bind(m, Action.PICK_CATEGORY, "e");
        bind(m, Action.EDIT_NOTE, "m");
        bind(m, Action.NEXT_DIMENSION, "]");
        bind(m, Action.PREV_DIMENSION, "[");
        for (int i = 1; i <= 9; i++) bind(m, Action.valueOf("RUBRIC_" + i), "Shift+" + i);
        bind(m, Action.RUBRIC_CLEAR, "Shift+0");
        bind(m, Action.TOGGLE_RAW, "r");
        bind(m, Action.TOGGLE_DIFF, "d");
        bind(m, Action.TOGGLE_SYNC_SCROLL, "s");
        bind(m, Action.WRITE_RATIONALE, "w");
        bind(m, Action.SUBMIT, "Enter");
        bind(m, Action.UNDO, "Ctrl+Z");
        bind(m, Action.REDO, "Ctrl+Shift+Z");
        bind(m, Action.PREVIOUS_ITEM, "Backspace");
        bind(m, Action.SKIP, "Ctrl+S");
        bind(m, Action.QUIT, "Ctrl+Q");
        bind(m, Action.HELP, "?", "F1");
        bind(m, Action.EXPERT_TEST, "T");
        return new Keymap(m);
    }

    private static void bind(Map<Action, List<KeyStroke>> m, Action a, String... texts) {
        List<KeyStroke> ks = new ArrayList<>();
        for (String t : texts) ks.add(KeyStroke.parse(t));
        m.put(a, ks);
    }

    public Optional<Action> actionFor(KeyStroke key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<KeyStroke> keysFor(Action action) {
        return keys.get(action);
    }

    /** A copy with {@code action} bound to exactly {@code newKeys}; throws on a conflict. */
    public Keymap with(Action action, List<KeyStroke> newKeys) {
        Map<Action, List<KeyStroke>> m = new EnumMap<>(keys);
        m.put(action, newKeys);
        return new Keymap(m);
    }

    /** One row of the help overlay. */
    public record HelpRow(String group, String keys, String description) {
    }

    /** The help overlay: every binding, grouped, plus the modal keys that are not remappable. */
    public List<HelpRow> describe() {
        List<HelpRow> rows = new ArrayList<>();
        for (Action a : Action.values()) {
            List<KeyStroke> ks = keys.get(a);
            String text = ks.isEmpty() ? "(unbound)" : ks.stream().map(KeyStroke::toString).collect(Collectors.joining(" / "));
            rows.add(new HelpRow(a.group(), text, a.description()));
        }
        rows.add(new HelpRow("Rubric", "", "the rubric dimension selected with " + joined(Action.PREV_DIMENSION) + " / "
                + joined(Action.NEXT_DIMENSION) + " is scored for the focused response (" + joined(Action.SWITCH_SIDE)
                + " switches response)"));
        rows.add(new HelpRow("Ranking", "", "an item with 3–9 responses: the panes show two of them, the rank strip lists every "
                + "response by its shown number with its place; steps, categories and notes go to the focused pane's response; "
                + "Enter submits once every response is placed"));
        rows.add(new HelpRow("Error categories", "1–9, a–z", "toggle the category shown beside the key"));
        rows.add(new HelpRow("Error categories", "Enter / Esc", "close the picker"));
        rows.add(new HelpRow("Text (note, rationale, skip reason)", "Enter / Esc", "keep / discard the text"));
        rows.add(new HelpRow("Help", "? / F1 / Esc", "close this help"));
        rows.add(new HelpRow("Your own test", "Ctrl+Enter / Esc", "run it against both responses in the sandbox / close the editor (the text is kept)"));
        return rows;
    }

    private String joined(Action a) {
        return keys.get(a).stream().map(KeyStroke::toString).collect(Collectors.joining("/"));
    }

    /** The keymap from a settings file, or the defaults with the reason when the file is unusable. */
    public record Loaded(Keymap keymap, Optional<String> error) {
    }

    /** The keymap from the text of a key settings file; never throws: the review must start. */
    public static Loaded fromText(String text, String source) {
        try {
            return new Loaded(parse(text, source), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Loaded(defaults(), Optional.of(e.getMessage() + "; using the default keys"));
        }
    }

    /** The defaults with why the key settings were not used. */
    public static Loaded unusable(String why) {
        return new Loaded(defaults(), Optional.of(why + "; using the default keys"));
    }

    /**
     * Reads the text of a key settings file strictly; errors name the source (the file) and the offending
     * entry. Where the file lives and how it is written belongs to the settings service, not the keymap.
     */
    public static Keymap parse(String text, String source) {
        String file = source;
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("key settings " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode keysNode = root.isObject() ? root.get("keys") : null;
        if (keysNode == null || !keysNode.isObject()) {
            throw new IllegalArgumentException("key settings " + file + ": expected an object \"keys\" mapping actions to key lists");
        }
        Map<Action, List<KeyStroke>> m = new EnumMap<>(Action.class);
        Keymap base = defaults();
        for (Action a : Action.values()) m.put(a, base.keysFor(a));
        for (String name : keysNode.propertyNames()) {
            Action a;
            try {
                a = Action.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key settings " + file + ": keys." + name + " is not an action (known: "
                        + List.of(Action.values()) + ")");
            }
            JsonNode v = keysNode.get(name);
            List<KeyStroke> ks = new ArrayList<>();
            List<JsonNode> entries = new ArrayList<>();
            if (v.isString()) entries.add(v);
            else if (v.isArray()) v.forEach(entries::add);
            else throw new IllegalArgumentException("key settings " + file + ": keys." + name + " must be a key or a list of keys");
            for (JsonNode e : entries) {
                if (!e.isString()) throw new IllegalArgumentException("key settings " + file + ": keys." + name + " holds a non-text key");
                try {
                    ks.add(KeyStroke.parse(e.stringValue()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("key settings " + file + ": keys." + name + ": " + bad.getMessage());
                }
            }
            m.put(a, ks);
        }
        try {
            return new Keymap(m);
        } catch (IllegalArgumentException conflict) {
            throw new IllegalArgumentException("key settings " + file + ": " + conflict.getMessage());
        }
    }

    /** Every binding as the text of a key settings file, so the file documents the whole keymap and can be edited by hand. */
    public String toJson() {
        ObjectNode root = Json.object();
        ObjectNode k = root.putObject("keys");
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (Action a : Action.values()) ordered.put(a.name(), keys.get(a).stream().map(KeyStroke::toString).toList());
        ordered.forEach((a, ks) -> {
            ArrayNode arr = k.putArray(a);
            ks.forEach(arr::add);
        });
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}

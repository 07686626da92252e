package org.arbiter.review;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One key press as the review session understands it: a key name plus modifiers, independent of any UI
 * toolkit. Key names are upper case ("1", "J", "TAB", "ENTER", "BACK_SPACE", "DOWN", "F1", "SLASH",
 * "OPEN_BRACKET"); a view translates its toolkit's key code names with {@link #of}.
 *
 * <p>Text form (settings file, help overlay): "Ctrl+Shift+Z", "g" (plain g), "G" (Shift+g), "?" (Shift+/),
 * "Shift+1", "Down", "Enter". A single upper-case letter means Shift only when no other modifier is written,
 * so "Ctrl+Z" is Ctrl with z.
 */
public record KeyStroke(String key, boolean ctrl, boolean shift, boolean alt) {
    /** Printable characters that are written as themselves but travel as key names. */
    private static final Map<String, String> SYMBOL_KEYS = Map.of(
            "[", "OPEN_BRACKET", "]", "CLOSE_BRACKET", "/", "SLASH", ",", "COMMA", ".", "PERIOD",
            ";", "SEMICOLON", "-", "MINUS", "=", "EQUALS", "\\", "BACK_SLASH", "'", "QUOTE");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("ESC", "ESCAPE"), Map.entry("RETURN", "ENTER"), Map.entry("BACKSPACE", "BACK_SPACE"),
            Map.entry("PGDN", "PAGE_DOWN"), Map.entry("PGUP", "PAGE_UP"), Map.entry("DEL", "DELETE"),
            Map.entry("SPACEBAR", "SPACE"));

    public KeyStroke {
        Objects.requireNonNull(key, "key");
        key = normalizeKey(key);
        if (key.isEmpty()) throw new IllegalArgumentException("empty key name");
    }

    /** A key as a toolkit reports it: JavaFX's KeyCode names (DIGIT1, NUMPAD1, BACK_SPACE, …) are accepted. */
    public static KeyStroke of(String keyName, boolean ctrl, boolean shift, boolean alt) {
        return new KeyStroke(keyName, ctrl, shift, alt);
    }

    /**
     * A key event from a toolkit: {@code typed} is the character it produced, if any. A "?" is taken by its
     * character, because on many layouts it is not Shift+/ (German: Shift+ß).
     */
    public static KeyStroke ofEvent(String keyCodeName, String typed, boolean ctrl, boolean shift, boolean alt) {
        if ("?".equals(typed)) return new KeyStroke("SLASH", ctrl, true, alt);
        return new KeyStroke(keyCodeName, ctrl, shift, alt);
    }

    public static KeyStroke plain(String keyName) {
        return new KeyStroke(keyName, false, false, false);
    }

    public static KeyStroke shift(String keyName) {
        return new KeyStroke(keyName, false, true, false);
    }

    public static KeyStroke ctrl(String keyName) {
        return new KeyStroke(keyName, true, false, false);
    }

    private static String normalizeKey(String raw) {
        String k = raw.strip();
        if (SYMBOL_KEYS.containsKey(k)) return SYMBOL_KEYS.get(k);
        k = k.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (k.startsWith("DIGIT") && k.length() == 6) return k.substring(5);
        if (k.startsWith("NUMPAD") && k.length() == 7) return k.substring(6);
        return ALIASES.getOrDefault(k, k);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the text when it is not a key
     */
    public static KeyStroke parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty key");
        String t = text.strip();
        if (t.equals("?")) return new KeyStroke("SLASH", false, true, false);
        if (t.equals("+")) return new KeyStroke("EQUALS", false, true, false);
        boolean ctrl = false, shift = false, alt = false, modifierWritten = false;
        String[] parts = t.split("\\+", -1);
        // "Ctrl++" would split into an empty last part: the key is then "+".
        String key = parts[parts.length - 1];
        if (key.isEmpty() && t.endsWith("++")) key = "+";
        for (int i = 0; i < parts.length - 1; i++) {
            String m = parts[i].strip().toLowerCase(Locale.ROOT);
            switch (m) {
                case "ctrl", "control", "cmd", "shortcut", "meta" -> ctrl = true;
                case "shift" -> shift = true;
                case "alt", "option" -> alt = true;
                case "" -> {
                    if (!key.equals("+")) throw new IllegalArgumentException("\"" + text + "\" has an empty modifier");
                }
                default -> throw new IllegalArgumentException("\"" + text + "\": unknown modifier \"" + parts[i].strip() + "\"");
            }
            modifierWritten = true;
        }
        key = key.strip();
        if (key.isEmpty()) throw new IllegalArgumentException("\"" + text + "\" names no key");
        if (key.equals("?")) return new KeyStroke("SLASH", ctrl, true, alt);
        if (key.equals("+")) return new KeyStroke("EQUALS", ctrl, true, alt);
        if (key.length() == 1 && Character.isLetter(key.charAt(0)) && Character.isUpperCase(key.charAt(0)) && !modifierWritten) {
            shift = true;
        }
        if (key.length() > 1 && !knownName(key)) {
            throw new IllegalArgumentException("\"" + text + "\": unknown key \"" + key + "\"");
        }
        return new KeyStroke(key, ctrl, shift, alt);
    }

    private static boolean knownName(String name) {
        String n = normalizeKey(name);
        return n.matches("F([1-9]|1[0-9]|2[0-4])") || switch (n) {
            case "TAB", "ENTER", "ESCAPE", "BACK_SPACE", "DELETE", "SPACE", "UP", "DOWN", "LEFT", "RIGHT", "HOME", "END",
                 "PAGE_UP", "PAGE_DOWN", "INSERT", "SLASH", "OPEN_BRACKET", "CLOSE_BRACKET", "COMMA", "PERIOD",
                 "SEMICOLON", "MINUS", "EQUALS", "BACK_SLASH", "QUOTE" -> true;
            default -> false;
        };
    }

    /** The text form; {@code parse(toString())} gives this key back. */
    @Override
    public String toString() {
        if (key.equals("SLASH") && shift) return prefix(ctrl, false, alt) + "?";
        boolean letter = key.length() == 1 && Character.isLetter(key.charAt(0));
        if (letter && !ctrl && !alt) return shift ? key : key.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(prefix(ctrl, shift, alt));
        String symbol = SYMBOL_KEYS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (symbol != null) sb.append(symbol);
        else if (key.length() == 1) sb.append(key);
        else sb.append(pretty(key));
        return sb.toString();
    }

    private static String prefix(boolean ctrl, boolean shift, boolean alt) {
        return (ctrl ? "Ctrl+" : "") + (alt ? "Alt+" : "") + (shift ? "Shift+" : "");
    }

    private static String pretty(String name) {
        if (name.equals("BACK_SPACE")) return "Backspace";
        if (name.matches("F\\d+")) return name;
        String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

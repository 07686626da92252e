package org.arbiter.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hidden answer of a gold item, read once where the item is read so that a typo in a gold file is an
 * error at import (with its line), not a gold item the quality report silently cannot score. The object may hold:
 * <ul>
 *   <li>{@code "preference": "A>B"} (any wire value; its direction is scored), or
 *       {@code "direction": "A" | "B" | "equal"} ("tie" and "A=B" mean equal), or
 *       {@code "correct": "a" | "b"} (a response id, or the letter a/b for A/B; "both", "neither" and "none"
 *       give no direction) — the shape of the demo's code items; the first of these that is present counts;</li>
 *   <li>{@code "first_error": {"response": "a", "step": 3}} with the step's 0-based index, {@code "step": null}
 *       meaning the response has no wrong step; or a list of such objects, one per response. {@code "response"}
 *       may be left out when the item has one response.</li>
 * </ul>
 * Other fields are kept as given (in {@link #fields()}) and written back on export.
 *
 * @param direction   −1 (A), 0 (equal) or +1 (B); null when the gold names no direction
 * @param firstErrors one per response named, with the response's id (a letter resolved)
 * @param fields      the gold object as given
 */
public record Gold(Integer direction, List<FirstError> firstErrors, Map<String, Object> fields) {
    /** The step of a response that has no wrong step. */
    public static final int NO_ERROR = -1;

    /** @param step the 0-based index of the first wrong step, or {@link #NO_ERROR} */
    public record FirstError(String responseId, int step) {
    }

    /** A gold object that breaks a rule: {@code field} is its path inside the gold object. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;
        private final String expected;

        Invalid(String field, String expected) {
            super(field + ": expected " + expected);
            this.field = field;
            this.expected = expected;
        }

        public String field() {
            return field;
        }

        public String expected() {
            return expected;
        }
    }

    public Gold {
        firstErrors = List.copyOf(firstErrors);
        fields = JsonValues.copyOf(fields);
    }

    /** Whether the quality report can score annotators on it (it names a direction or a first error). */
    public boolean scorable() {
        return direction != null || !firstErrors.isEmpty();
    }

    /**
     * Reads a gold object (plain JSON values, see {@link JsonValues}) of an item with these responses.
     *
     * @throws Invalid naming the field, e.g. {@code direction: expected "A", "B" or "equal", found "left"}
     */
    public static Gold parse(Map<String, ?> fields, List<Response> responses) {
        Integer direction = null;
        Object preference = fields.get("preference");
        if (preference != null) {
            Preference p = preference instanceof String s ? Preference.fromWire(s.trim()) : null;
            if (p == null) {
                throw new Invalid("preference", "a preference such as \"A>B\", \"A>>B\", \"A=B\" or \"B>A\", found " + shown(preference));
            }
            direction = p.direction();
        }
        Object dir = fields.get("direction");
        if (dir != null) {
            Integer d = dir instanceof String s ? switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "a" -> -1;
                case "b" -> 1;
                case "equal", "tie", "a=b" -> 0;
                default -> null;
            } : null;
            if (d == null) throw new Invalid("direction", "\"A\", \"B\" or \"equal\", found " + shown(dir));
            if (direction == null) direction = d;
        }
        Object correct = fields.get("correct");
        if (correct != null) {
            if (!(correct instanceof String s)) throw new Invalid("correct", "a string, found " + shown(correct));
            Integer d = correctDirection(s.trim(), responses);
            if (direction == null) direction = d;
        }
        return new Gold(direction, firstErrors(fields.get("first_error"), responses), JsonValues.copyOf(fields));
    }

    private static Integer correctDirection(String v, List<Response> responses) {
        if (responses.size() < 2) return null;
        if (v.equals(responses.get(0).id())) return -1;
        if (v.equals(responses.get(1).id())) return 1;
        if (v.equalsIgnoreCase("a")) return -1;
        if (v.equalsIgnoreCase("b")) return 1;
        if (v.equalsIgnoreCase("both") || v.equalsIgnoreCase("neither") || v.equalsIgnoreCase("none")) return null;
        throw new Invalid("correct", "a response id (" + responses.get(0).id() + " or " + responses.get(1).id()
                + "), \"a\", \"b\", \"both\", \"neither\" or \"none\", found " + shown(v));
    }

    private static List<FirstError> firstErrors(Object value, List<Response> responses) {
        List<FirstError> out = new ArrayList<>();
        if (value == null) return out;
        boolean many = value instanceof List<?>;
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        for (int i = 0; i < list.size(); i++) {
            String path = many ? "first_error[" + i + "]" : "first_error";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new Invalid(path, "an object {\"response\": ID, \"step\": N or null}" + (many ? "" : " or a list of them")
                        + ", found " + shown(list.get(i)));
            }
            Object response = m.get("response");
            String rid;
            if (response == null) {
                if (responses.size() != 1) throw new Invalid(path + ".response", "the id of the response (the item has several), found none");
                rid = responses.get(0).id();
            } else if (response instanceof String s) {
                rid = resolve(s, responses);
                if (rid == null) {
                    throw new Invalid(path + ".response", "a response id of the item ("
                            + String.join(", ", responses.stream().map(Response::id).toList()) + ") or the letter a or b, found " + shown(s));
                }
            } else {
                throw new Invalid(path + ".response", "a string, found " + shown(response));
            }
            Object step = m.get("step");
            int index;
            if (step == null) {
                index = NO_ERROR;
            } else if (step instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
                index = n.intValue();
            } else {
                throw new Invalid(path + ".step", "the 0-based index of the first wrong step, or null for none, found " + shown(step));
            }
            out.add(new FirstError(rid, index));
        }
        return out;
    }

    /** A response id, or "a"/"b" as letters when the ids are something else. */
    private static String resolve(String id, List<Response> responses) {
        for (Response r : responses) if (r.id().equals(id)) return id;
        if (id.equalsIgnoreCase("a")) return responses.get(0).id();
        if (id.equalsIgnoreCase("b") && responses.size() > 1) return responses.get(1).id();
        return null;
    }

    private static String shown(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : v instanceof Map<?, ?> ? "an object" : v instanceof List<?> ? "a list" : String.valueOf(v);
    }
}

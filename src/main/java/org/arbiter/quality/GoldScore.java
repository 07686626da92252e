package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;

/**
 * Accuracy of each annotator on gold items. The item's {@code gold} object may hold:
 * <ul>
 *   <li>{@code "preference": "A>B"} (any wire value; its direction is scored), or
 *       {@code "direction": "A" | "B" | "equal"} ("tie" and "A=B" mean equal), or
 *       {@code "correct": "a" | "b"} (a response id, or the letter a/b for A/B; "both", "neither" and "none"
 *       give no direction) — the shape of the demo's code items;</li>
 *   <li>{@code "first_error": {"response": "a", "step": 3}} with the step's 0-based index, {@code "step": null}
 *       meaning the response has no wrong step; or a list of such objects, one per response.</li>
 * </ul>
 * Direction accuracy: share of judged gold items whose judgment has the gold direction (a tie on a gold "A"
 * is wrong; a judgment without a preference is wrong too, since the gold expected one). First-error
 * agreement: share of (gold item, response) where the annotator's first −1 step equals the gold step;
 * responses the annotator rated no step of are not scored.
 */
public final class GoldScore {
    /** @param directionAccuracy NaN when the annotator judged no gold item with a direction */
    public record Result(String annotator, int directionItems, int directionCorrect, double directionAccuracy,
                         int firstErrorResponses, int firstErrorMatches, double firstErrorAgreement) {
    }

    public record FirstError(String responseId, int step) {
    }

    private GoldScore() {
    }

    /** Gold direction −1/0/+1, or null when the item has no usable direction gold. */
    public static Integer goldDirection(Item item) {
        Map<String, Object> gold = item.gold();
        if (gold == null) return null;
        if (gold.get("preference") instanceof String s) {
            Preference p = Preference.fromWire(s.trim());
            if (p != null) return p.direction();
        }
        if (gold.get("direction") instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "a": return -1;
                case "b": return 1;
                case "equal": case "tie": case "a=b": return 0;
                default: break;
            }
        }
        if (gold.get("correct") instanceof String s && item.isPair()) {
            String v = s.trim();
            if (v.equals(item.a().id())) return -1;
            if (v.equals(item.b().orElseThrow().id())) return 1;
            if (v.equalsIgnoreCase("a")) return -1;
            if (v.equalsIgnoreCase("b")) return 1;
        }
        return null;
    }

    /** Gold first errors, one per response named; {@link Ratings#NO_ERROR} for a response with none. */
    public static List<FirstError> goldFirstErrors(Item item) {
        List<FirstError> out = new ArrayList<>();
        Map<String, Object> gold = item.gold();
        if (gold == null) return out;
        Object fe = gold.get("first_error");
        List<?> list = fe instanceof List<?> l ? l : fe == null ? List.of() : List.of(fe);
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) continue;
            String response = m.get("response") instanceof String s ? s : null;
            if (response == null && item.responses().size() == 1) response = item.a().id();
            if (response == null) continue;
            String rid = response;
            if (item.response(rid).isEmpty()) {
                // "a"/"b" as letters when the ids are something else.
                if (rid.equalsIgnoreCase("a")) rid = item.a().id();
                else if (rid.equalsIgnoreCase("b") && item.isPair()) rid = item.b().get().id();
                else continue;
            }
            Object step = m.get("step");
            int idx = step instanceof Number n ? n.intValue() : Ratings.NO_ERROR;
            out.add(new FirstError(rid, idx));
        }
        return out;
    }

    public static boolean isGold(Item item) {
        return goldDirection(item) != null || !goldFirstErrors(item).isEmpty();
    }

    public static Map<String, Result> perAnnotator(QualityInput in) {
        Map<String, int[]> c = new LinkedHashMap<>();
        for (String a : in.annotators()) c.put(a, new int[4]);
        for (Judgment j : in.judgments()) {
            Item item = in.item(j);
            if (item == null || item.gold() == null) continue;
            int[] t = c.get(j.annotator());
            Integer gd = goldDirection(item);
            if (gd != null) {
                t[0]++;
                if (j.preference() != null && j.preference().direction() == gd) t[1]++;
            }
            for (FirstError g : goldFirstErrors(item)) {
                Integer mine = Ratings.firstError(j, g.responseId());
                if (mine == null) continue;
                t[2]++;
                if (mine == g.step()) t[3]++;
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        c.forEach((a, t) -> out.put(a, new Result(a, t[0], t[1], t[0] == 0 ? Double.NaN : (double) t[1] / t[0],
                t[2], t[3], t[2] == 0 ? Double.NaN : (double) t[3] / t[2])));
        return out;
    }

}

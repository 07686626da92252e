package org.arbiter.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Item;
import org.arbiter.model.Preference;

/**
 * The other annotators' labels on an item of an adjudication batch ({@code meta.adjudication}, written by
 * {@code arbiter server adjudication}), said in the viewer's screen terms: their A/B preference becomes
 * left/right as this viewer sees the pair, their step ratings "left step 3 ✗ (calculation)". Every other
 * item has none, so nobody but the adjudicator ever sees another's label.
 *
 * @param reasons why the item is in the queue
 * @param lines   one line per annotator
 */
public record OthersLabels(List<String> reasons, List<String> lines) {
    public static final String META_KEY = "adjudication";

    /** Null when the item is not an adjudication item. */
    public static OthersLabels of(Item item, String viewer) {
        if (!(item.meta().get(META_KEY) instanceof Map<?, ?> note)) return null;
        boolean bOnLeft = SideAssignment.bOnLeft(viewer, item);
        String leftId = SideAssignment.leftFor(viewer, item);
        List<String> reasons = new ArrayList<>();
        if (note.get("reasons") instanceof List<?> rs) for (Object r : rs) reasons.add(String.valueOf(r));
        List<String> lines = new ArrayList<>();
        if (note.get("labels") instanceof List<?> ls) {
            for (Object o : ls) {
                if (o instanceof Map<?, ?> l) lines.add(line(item, l, bOnLeft, leftId));
            }
        }
        return new OthersLabels(reasons, lines);
    }

    private static String line(Item item, Map<?, ?> l, boolean bOnLeft, String leftId) {
        List<String> parts = new ArrayList<>();
        Preference p = l.get("preference") instanceof String w ? Preference.fromWire(w) : null;
        if (p != null) parts.add(screen(SideAssignment.toScreen(p, bOnLeft)));
        else if (item.isPair()) parts.add("no preference");
        if (l.get("flags") instanceof List<?> fs && !fs.isEmpty()) {
            parts.add("flags: " + String.join(", ", fs.stream().map(f -> String.valueOf(f).replace('_', ' ')).toList()));
        }
        List<String> steps = new ArrayList<>();
        if (l.get("step_labels") instanceof List<?> ss) {
            for (Object o : ss) {
                if (!(o instanceof Map<?, ?> s) || !(s.get("step_index") instanceof Number index)
                        || !(s.get("rating") instanceof Number rating)) continue;
                String side = !item.isPair() ? "" : leftId.equals(s.get("response_id")) ? "left " : "right ";
                StringBuilder b = new StringBuilder(side + "step " + (index.intValue() + 1) + " " + mark(rating.intValue()));
                if (s.get("categories") instanceof List<?> cs && !cs.isEmpty()) {
                    b.append(" (").append(String.join(", ", cs.stream().map(String::valueOf).toList())).append(')');
                }
                if (s.get("note") instanceof String n && !n.isBlank()) b.append(" “").append(n.strip()).append('”');
                steps.add(b.toString());
            }
        }
        if (!steps.isEmpty()) parts.add(String.join(", ", steps));
        if (l.get("rationale") instanceof String r && !r.isBlank()) parts.add("“" + r.strip() + "”");
        return l.get("annotator") + ": " + (parts.isEmpty() ? "no label" : String.join(" · ", parts));
    }

    private static String screen(int score) {
        return switch (score) {
            case -2 -> "left much better";
            case -1 -> "left better";
            case 0 -> "equal";
            case 1 -> "right better";
            default -> "right much better";
        };
    }

    private static String mark(int rating) {
        return rating > 0 ? "✓" : rating < 0 ? "✗" : "~";
    }
}

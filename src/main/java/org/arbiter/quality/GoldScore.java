package org.arbiter.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Gold;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

/**
 * Accuracy of each annotator on gold items (the gold answer's forms are in {@link Gold}).
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

    private GoldScore() {
    }

    /** Gold direction −1/0/+1, or null when the item has no usable direction gold. */
    public static Integer goldDirection(Item item) {
        return item.gold() == null ? null : item.gold().direction();
    }

    /** Gold first errors, one per response named; {@link Gold#NO_ERROR} for a response with none. */
    public static List<Gold.FirstError> goldFirstErrors(Item item) {
        return item.gold() == null ? List.of() : item.gold().firstErrors();
    }

    public static boolean isGold(Item item) {
        return item.gold() != null && item.gold().scorable();
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
            for (Gold.FirstError g : goldFirstErrors(item)) {
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

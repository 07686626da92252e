package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.StepLabel;

/**
 * Turns judgments into the values agreement is measured on, and lays them out as reliability matrices
 * (units × annotators, null = not rated).
 *
 * <p>Ties and both-bad: the ordinal value is {@code Preference.score()} (−2 … 2) and the direction is −1 (A),
 * 0 (equal: A=B is its own middle category) or +1 (B). A judgment flagged both_bad that still carries a
 * preference counts as that preference; one without a preference (or a skipped item, or a single-path
 * step review) has no preference value and is left out of preference agreement.
 */
public final class Ratings {
    /** First-error value of a response whose rated steps contain no −1. */
    public static final int NO_ERROR = org.arbiter.model.Gold.NO_ERROR;

    private Ratings() {
    }

    public static Integer ordinal(Judgment j) {
        return j.preference() == null ? null : j.preference().score();
    }

    public static Integer direction(Judgment j) {
        return j.preference() == null ? null : j.preference().direction();
    }

    /** Index of the first step rated −1 on the response, {@link #NO_ERROR} if none, null if no step there was rated. */
    public static Integer firstError(Judgment j, String responseId) {
        boolean rated = false;
        int first = Integer.MAX_VALUE;
        for (StepLabel s : j.stepLabels()) {
            if (!s.responseId().equals(responseId)) continue;
            rated = true;
            if (s.rating() == -1) first = Math.min(first, s.stepIndex());
        }
        if (!rated) return null;
        return first == Integer.MAX_VALUE ? NO_ERROR : first;
    }

    /** Items × annotators on a per-judgment value. */
    public static Integer[][] perItem(QualityInput in, List<String> annotators, Function<Judgment, Integer> value) {
        List<Integer[]> rows = new ArrayList<>();
        for (Item item : in.judgedItems()) {
            Integer[] row = new Integer[annotators.size()];
            for (Judgment j : in.judgmentsOf(item)) {
                int col = annotators.indexOf(j.annotator());
                if (col >= 0) row[col] = value.apply(j);
            }
            rows.add(row);
        }
        return rows.toArray(new Integer[0][]);
    }

    /** Units (item, response, step) × annotators, value −1/0/1. */
    public static Integer[][] steps(QualityInput in, List<String> annotators) {
        Map<String, Integer[]> units = new LinkedHashMap<>();
        for (Item item : in.judgedItems()) {
            for (Judgment j : in.judgmentsOf(item)) {
                int col = annotators.indexOf(j.annotator());
                if (col < 0) continue;
                for (StepLabel s : j.stepLabels()) {
                    String key = item.batch() + "/" + item.id() + "/" + s.responseId() + "/" + s.stepIndex();
                    units.computeIfAbsent(key, k -> new Integer[annotators.size()])[col] = s.rating();
                }
            }
        }
        return units.values().toArray(new Integer[0][]);
    }

    /** Units (item, response) × annotators, value = first-error step index or {@link #NO_ERROR}. */
    public static Integer[][] firstErrors(QualityInput in, List<String> annotators) {
        List<Integer[]> rows = new ArrayList<>();
        for (Item item : in.judgedItems()) {
            for (var r : item.responses()) {
                Integer[] row = new Integer[annotators.size()];
                boolean any = false;
                for (Judgment j : in.judgmentsOf(item)) {
                    int col = annotators.indexOf(j.annotator());
                    if (col < 0) continue;
                    row[col] = firstError(j, r.id());
                    any |= row[col] != null;
                }
                if (any) rows.add(row);
            }
        }
        return rows.toArray(new Integer[0][]);
    }

    /**
     * One annotator against the rest, on the units they rated where at least one other annotator has a value:
     * a two-coder matrix of (this annotator's value, the others' majority value). Units where the others
     * split evenly between their top values have no majority and are dropped. α on this matrix says how well
     * the annotator matches the crowd of their peers, with chance taken from the pooled values.
     */
    public static Integer[][] versusOthers(Integer[][] matrix, int column) {
        List<Integer[]> rows = new ArrayList<>();
        for (Integer[] unit : matrix) {
            Integer own = unit[column];
            if (own == null) continue;
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (int c = 0; c < unit.length; c++) if (c != column && unit[c] != null) counts.merge(unit[c], 1, Integer::sum);
            Integer majority = Majority.of(counts);
            if (majority != null) rows.add(new Integer[] {own, majority});
        }
        return rows.toArray(new Integer[0][]);
    }
}

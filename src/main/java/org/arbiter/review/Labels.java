package org.arbiter.review;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arbiter.model.Flag;
import org.arbiter.model.Preference;

/**
 * Everything the expert has entered on one item: the unit of undo and of the draft. Immutable; every
 * change returns a new value.
 *
 * @param preference in A/B terms, null while unset
 * @param rubric     response id → dimension → score
 * @param steps      response id → step index → mark (no empty marks)
 * @param order      the responses of a ranking item placed so far; empty for pairs and single paths
 * @param rationale  the expert's written justification of the whole judgment, "" while none
 */
public record Labels(Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                     Map<String, Map<Integer, StepMark>> steps, RankOrder order, String rationale) {
    public static final Labels EMPTY = new Labels(null, Set.of(), Map.of(), Map.of());

    /** Labels of a pair or a single path, nothing ranked, without a rationale. */
    public Labels(Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                  Map<String, Map<Integer, StepMark>> steps) {
        this(preference, flags, rubric, steps, RankOrder.EMPTY, "");
    }

    /** Labels of a ranking item without a rationale. */
    public Labels(Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                  Map<String, Map<Integer, StepMark>> steps, RankOrder order) {
        this(preference, flags, rubric, steps, order, "");
    }

    /** Labels of a pair or a single path with a rationale. */
    public Labels(Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                  Map<String, Map<Integer, StepMark>> steps, String rationale) {
        this(preference, flags, rubric, steps, RankOrder.EMPTY, rationale);
    }

    public Labels {
        order = order == null ? RankOrder.EMPTY : order;
        rationale = rationale == null ? "" : rationale.strip();
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Map<String, Map<String, Integer>> r = new TreeMap<>();
        rubric.forEach((k, v) -> {
            if (!v.isEmpty()) r.put(k, Map.copyOf(v));
        });
        rubric = Map.copyOf(r);
        Map<String, Map<Integer, StepMark>> s = new TreeMap<>();
        steps.forEach((k, v) -> {
            Map<Integer, StepMark> m = new TreeMap<>();
            v.forEach((i, mark) -> {
                if (!mark.isEmpty()) m.put(i, mark);
            });
            if (!m.isEmpty()) s.put(k, java.util.Collections.unmodifiableMap(m));
        });
        steps = java.util.Collections.unmodifiableMap(s);
    }

    public boolean has(Flag f) {
        return flags.contains(f);
    }

    public Labels withPreference(Preference p) {
        return new Labels(p, flags, rubric, steps, order, rationale);
    }

    public Labels toggle(Flag f) {
        Set<Flag> next = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        if (!next.remove(f)) next.add(f);
        return new Labels(preference, next, rubric, steps, order, rationale);
    }

    public Integer score(String responseId, String dimension) {
        return rubric.getOrDefault(responseId, Map.of()).get(dimension);
    }

    /** @param score null clears */
    public Labels withScore(String responseId, String dimension, Integer score) {
        Map<String, Map<String, Integer>> r = new TreeMap<>(rubric);
        Map<String, Integer> dims = new TreeMap<>(r.getOrDefault(responseId, Map.of()));
        if (score == null) dims.remove(dimension);
        else dims.put(dimension, score);
        r.put(responseId, dims);
        return new Labels(preference, flags, r, steps, order, rationale);
    }

    public StepMark mark(String responseId, int step) {
        return steps.getOrDefault(responseId, Map.of()).getOrDefault(step, StepMark.EMPTY);
    }

    public Map<Integer, StepMark> marks(String responseId) {
        return steps.getOrDefault(responseId, Map.of());
    }

    public Labels withMark(String responseId, int step, StepMark mark) {
        Map<String, Map<Integer, StepMark>> s = new TreeMap<>(steps);
        Map<Integer, StepMark> m = new TreeMap<>(s.getOrDefault(responseId, Map.of()));
        m.put(step, mark);
        s.put(responseId, m);
        return new Labels(preference, flags, rubric, s, order, rationale);
    }

    public Labels withOrder(RankOrder next) {
        return new Labels(preference, flags, rubric, steps, next, rationale);
    }

    /** @param text "" (or blank) clears */
    public Labels withRationale(String text) {
        return new Labels(preference, flags, rubric, steps, order, text);
    }

    public boolean hasRationale() {
        return !rationale.isEmpty();
    }

    public boolean isEmpty() {
        return preference == null && flags.isEmpty() && rubric.isEmpty() && steps.isEmpty() && order.isEmpty() && rationale.isEmpty();
    }
}

package org.arbiter.quality;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Ranking;
import org.arbiter.model.StepLabel;

/**
 * The experts' consensus on one item, for items with at least {@code minJudgments} judgments.
 * <ul>
 *   <li>Direction: plurality of the judgments' directions (A / equal / B). When the top count is shared
 *       (say one A and one B) there is no clear majority: the consensus is "equal" (A=B) and {@code clear}
 *       is false, so it never invents a winner.</li>
 *   <li>Strength: the median score of the judgments sharing the consensus direction; a half-way median
 *       (A>>B and A>B) is rounded to the weaker one.</li>
 *   <li>Confidence: the share of preference judgments whose direction is the consensus direction (1.0 when
 *       all agree; 0.5 for a 1–1 split). For an item without preferences (step review) it is the mean over
 *       rated steps of the share agreeing with the step's majority.</li>
 *   <li>Steps: per (response, step) the plurality rating; a shared top count gives 0 (neutral).</li>
 *   <li>Flags: a flag is in the consensus when more than half of the judgments carry it.</li>
 * </ul>
 *
 * @param preference null when fewer than {@code minJudgments} judgments carry a preference
 * @param steps      response id → step index → consensus rating
 * @param stepKeys   response id → step index → step key, taken from the first judgment that rated it
 */
public record Consensus(Item item, int judgments, Preference preference, boolean clear, double confidence,
                       Map<String, Map<Integer, Integer>> steps, Map<String, Map<Integer, String>> stepKeys,
                       Set<Flag> flags) {

    public static final int DEFAULT_MIN_JUDGMENTS = 2;

    /** The consensus of every item with at least {@code minJudgments} judgments, in item order. */
    public static List<Consensus> of(QualityInput in, int minJudgments) {
        List<Consensus> out = new ArrayList<>();
        for (Item item : in.judgedItems()) {
            Consensus c = of(item, in.judgmentsOf(item), minJudgments);
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Null when the item has fewer than {@code minJudgments} judgments. */
    public static Consensus of(Item item, List<Judgment> js, int minJudgments) {
        if (js.size() < Math.max(1, minJudgments)) return null;
        List<Judgment> withPref = js.stream().filter(j -> j.preference() != null).toList();
        Preference preference = null;
        boolean clear = true;
        double confidence = Double.NaN;
        if (withPref.size() >= Math.max(1, minJudgments)) {
            Map<Integer, Integer> dirs = new LinkedHashMap<>();
            for (Judgment j : withPref) dirs.merge(j.preference().direction(), 1, Integer::sum);
            Integer dir = Majority.of(dirs);
            clear = dir != null;
            if (dir == null) dir = 0;
            List<Integer> scores = new ArrayList<>();
            for (Judgment j : withPref) if (j.preference().direction() == dir) scores.add(j.preference().score());
            preference = scores.isEmpty() ? Preference.TIE : Preference.fromScore(weakerMedian(scores));
            confidence = (double) dirs.getOrDefault(dir, 0) / withPref.size();
        }
        Map<String, Map<Integer, Map<Integer, Integer>>> votes = new TreeMap<>();
        Map<String, Map<Integer, String>> keys = new TreeMap<>();
        for (Judgment j : js) {
            for (StepLabel s : j.stepLabels()) {
                votes.computeIfAbsent(s.responseId(), r -> new TreeMap<>())
                        .computeIfAbsent(s.stepIndex(), i -> new LinkedHashMap<>()).merge(s.rating(), 1, Integer::sum);
                keys.computeIfAbsent(s.responseId(), r -> new TreeMap<>()).putIfAbsent(s.stepIndex(), s.stepKey());
            }
        }
        Map<String, Map<Integer, Integer>> steps = new TreeMap<>();
        double agreeSum = 0;
        int stepCount = 0;
        for (var r : votes.entrySet()) {
            Map<Integer, Integer> ratings = new TreeMap<>();
            for (var s : r.getValue().entrySet()) {
                Integer m = Majority.of(s.getValue());
                int rating = m == null ? 0 : m;
                ratings.put(s.getKey(), rating);
                int total = s.getValue().values().stream().mapToInt(Integer::intValue).sum();
                agreeSum += (double) s.getValue().getOrDefault(rating, 0) / total;
                stepCount++;
            }
            steps.put(r.getKey(), ratings);
        }
        if (preference == null && stepCount > 0) confidence = agreeSum / stepCount;
        List<Ranking> orders = js.stream().map(Judgment::ranking).filter(r -> r != null).toList();
        if (preference == null && stepCount == 0) {
            // a ranking item: its consensus is the order (ConsensusLabels), as sure as the rankings agree
            if (!item.isRanking() || orders.size() < Math.max(2, minJudgments)) return null;
            confidence = RankingQuality.kendallW(orders, item.responses().stream().map(r -> r.id()).toList());
            if (Double.isNaN(confidence)) confidence = 0;
            clear = confidence >= RankingQuality.DEFAULT_MIN_W;
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (Flag f : Flag.values()) {
            long n = js.stream().filter(j -> j.has(f)).count();
            if (2 * n > js.size()) flags.add(f);
        }
        return new Consensus(item, js.size(), preference, clear, confidence, steps, keys, flags);
    }

    /** Median of same-sign scores; a half-way value goes toward zero (the weaker strength). */
    static int weakerMedian(List<Integer> scores) {
        List<Integer> s = new ArrayList<>(scores);
        s.sort(null);
        int n = s.size();
        if (n % 2 == 1) return s.get(n / 2);
        int lo = s.get(n / 2 - 1);
        int hi = s.get(n / 2);
        return Math.abs(lo) <= Math.abs(hi) ? lo : hi;
    }

    public Integer direction() {
        return preference == null ? null : preference.direction();
    }

    /** The consensus first-error index of a response (first step whose consensus is −1), NO_ERROR, or null if unrated. */
    public Integer firstError(String responseId) {
        Map<Integer, Integer> r = steps.get(responseId);
        if (r == null) return null;
        for (var e : r.entrySet()) if (e.getValue() == -1) return e.getKey();
        return Ratings.NO_ERROR;
    }
}

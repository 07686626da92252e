package org.arbiter.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-annotator agreement on a reliability matrix: one row per unit, one column per coder, null where the
 * coder gave no value. Values are integers; their meaning (nominal, ordinal, interval) is chosen per call.
 *
 * <p>Krippendorff's α is computed by the coincidence-matrix method of "Computing Krippendorff's
 * Alpha-Reliability" (2011): units with fewer than two values are not pairable and are dropped; missing
 * values are allowed anywhere. Fleiss' κ uses the generalised form for a varying number of raters per unit
 * (per-unit agreement n_ij(n_ij−1) / n_i(n_i−1), category shares pooled over all ratings); with the same
 * number of raters everywhere it is exactly Fleiss (1971). Units with fewer than two ratings are dropped.
 * Every measure is NaN when it is undefined (no pairable unit, or a single category in all the data).
 */
public final class Agreement {
    /** How far apart two values are: the metric of α. */
    public enum Metric { NOMINAL, ORDINAL, INTERVAL }

    private Agreement() {
    }

    public static double krippendorffAlpha(Integer[][] units, Metric metric) {
        TreeMap<Integer, Map<Integer, Double>> o = coincidences(units);
        TreeSet<Integer> values = new TreeSet<>(o.keySet());
        if (values.isEmpty()) return Double.NaN;
        Map<Integer, Double> marginal = new HashMap<>();
        double n = 0;
        for (int c : values) {
            double sum = 0;
            for (double v : o.get(c).values()) sum += v;
            marginal.put(c, sum);
            n += sum;
        }
        double observed = 0;
        double expected = 0;
        List<Integer> ordered = new ArrayList<>(values);
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                int c = ordered.get(i);
                int k = ordered.get(j);
                double d = delta(metric, ordered, marginal, i, j);
                observed += o.get(c).getOrDefault(k, 0.0) * d;
                expected += marginal.get(c) * marginal.get(k) * d;
            }
        }
        if (n <= 1 || expected == 0) return Double.NaN;
        // α = 1 − (n − 1) · Σ o_ck δ² / Σ n_c n_k δ²
        return 1 - (n - 1) * observed / expected;
    }

    /** o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1), over pairable units. */
    private static TreeMap<Integer, Map<Integer, Double>> coincidences(Integer[][] units) {
        TreeMap<Integer, Map<Integer, Double>> o = new TreeMap<>();
        for (Integer[] unit : units) {
            List<Integer> vals = new ArrayList<>();
            for (Integer v : unit) if (v != null) vals.add(v);
            int m = vals.size();
            if (m < 2) continue;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a == b) continue;
                    o.computeIfAbsent(vals.get(a), x -> new HashMap<>()).merge(vals.get(b), 1.0 / (m - 1), Double::sum);
                }
            }
        }
        return o;
    }

    private static double delta(Metric metric, List<Integer> ordered, Map<Integer, Double> marginal, int i, int j) {
        int c = ordered.get(i);
        int k = ordered.get(j);
        switch (metric) {
            case NOMINAL:
                return c == k ? 0 : 1;
            case INTERVAL:
                return (double) (c - k) * (c - k);
            default:
                if (i == j) return 0;
                int lo = Math.min(i, j);
                int hi = Math.max(i, j);
                // Ordinal: (Σ_{g=c..k} n_g − (n_c + n_k)/2)², categories ranked by value; unseen values add 0.
                double s = 0;
                for (int g = lo; g <= hi; g++) s += marginal.get(ordered.get(g));
                s -= (marginal.get(ordered.get(lo)) + marginal.get(ordered.get(hi))) / 2;
                return s * s;
        }
    }

    /** Fleiss' κ on nominal categories (generalised to a varying number of raters per unit, see class doc). */
    public static double fleissKappa(Integer[][] units) {
        Map<Integer, Double> categoryTotals = new HashMap<>();
        double totalRatings = 0;
        double agreementSum = 0;
        int counted = 0;
        for (Integer[] unit : units) {
            Map<Integer, Integer> counts = valueCounts(unit);
            int ni = total(counts);
            if (ni < 2) continue;
            agreementSum += agreeingPairShare(counts, ni);
            counted++;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) categoryTotals.merge(e.getKey(), (double) e.getValue(), Double::sum);
            totalRatings += ni;
        }
        if (counted == 0) return Double.NaN;
        double observed = agreementSum / counted;
        double expected = 0;
        for (double t : categoryTotals.values()) expected += (t / totalRatings) * (t / totalRatings);
        if (expected >= 1) return Double.NaN;
        return (observed - expected) / (1 - expected);
    }

    /**
     * Pairwise percent agreement: per unit the share of coder pairs giving the same value, averaged over units
     * with at least two values.
     */
    public static double percentAgreement(Integer[][] units) {
        double sum = 0;
        int counted = 0;
        for (Integer[] unit : units) {
            Map<Integer, Integer> counts = valueCounts(unit);
            int ni = total(counts);
            if (ni < 2) continue;
            sum += agreeingPairShare(counts, ni);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** How often each value occurs in a unit, missing values left out. */
    private static Map<Integer, Integer> valueCounts(Integer[] unit) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Integer v : unit) if (v != null) counts.merge(v, 1, Integer::sum);
        return counts;
    }

    private static int total(Map<Integer, Integer> counts) {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }

    /** The share of the unit's ordered coder pairs that agree: Fleiss' P_i, also the unit's percent agreement. */
    private static double agreeingPairShare(Map<Integer, Integer> counts, int n) {
        double pairs = 0;
        for (int nij : counts.values()) pairs += (double) nij * (nij - 1);
        return pairs / ((double) n * (n - 1));
    }

    /** Number of units with at least two values: those every measure here uses. */
    public static int pairableUnits(Integer[][] units) {
        int n = 0;
        for (Integer[] unit : units) {
            int m = 0;
            for (Integer v : unit) if (v != null) m++;
            if (m >= 2) n++;
        }
        return n;
    }
}

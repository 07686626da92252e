package org.arbiter.quality;

import java.util.LinkedHashMap;
import java.util.Map;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

/**
 * Does an annotator prefer whatever is shown on the left? Sides are randomised, so over non-tie judgments
 * the left side should win about half the time. Exact two-sided binomial test against 0.5; flagged when
 * p &lt; {@link #ALPHA}. A judgment counts when it has a non-tie preference, a recorded {@code shownLeft}
 * and its item is a pair: left preferred ⇔ (A preferred and A was on the left) or (B preferred and B was).
 */
public final class PositionBias {
    public static final double ALPHA = 0.01;

    /** @param leftRate NaN with no counted judgment; {@code pValue} is 1 then */
    public record Result(String annotator, int judgments, int left, double leftRate, double pValue, boolean flagged) {
    }

    private PositionBias() {
    }

    public static Map<String, Result> perAnnotator(QualityInput in) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String a : in.annotators()) counts.put(a, new int[2]);
        for (Judgment j : in.judgments()) {
            Item item = in.item(j);
            if (item == null || !item.isPair() || j.preference() == null || j.shownLeft() == null) continue;
            int dir = j.preference().direction();
            if (dir == 0) continue;
            String preferred = dir < 0 ? item.a().id() : item.b().orElseThrow().id();
            int[] c = counts.get(j.annotator());
            c[0]++;
            if (preferred.equals(j.shownLeft())) c[1]++;
        }
        Map<String, Result> out = new LinkedHashMap<>();
        counts.forEach((a, c) -> out.put(a, result(a, c[0], c[1])));
        return out;
    }

    public static Result result(String annotator, int n, int left) {
        double p = twoSidedP(n, left);
        return new Result(annotator, n, left, n == 0 ? Double.NaN : (double) left / n, p, p < ALPHA);
    }

    /**
     * Exact two-sided binomial p-value of k successes in n trials with success probability 0.5:
     * 2·P(X ≥ max(k, n−k)), capped at 1 (the distribution is symmetric, so this is the usual "as or less
     * likely" rule). Computed here rather than with commons-statistics' BinomialTest, which on 60 of 100 returns
     * 0.0460 instead of 0.0569: P(X=40) and P(X=60) differ in the last bit there, so one tail point is dropped.
     */
    public static double twoSidedP(int n, int k) {
        if (n <= 0) return 1.0;
        int hi = Math.max(k, n - k);
        // log C(n, i) − n·log 2, summed from the top of the tail down with log-sum-exp.
        double logHalfN = n * Math.log(0.5);
        double logC = 0; // log C(n, n)
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[n - hi + 1];
        for (int i = n; i >= hi; i--) {
            terms[i - hi] = logC + logHalfN;
            max = Math.max(max, terms[i - hi]);
            logC += Math.log(i) - Math.log(n - i + 1); // C(n, i−1) = C(n, i) · i / (n − i + 1)
        }
        double sum = 0;
        for (double t : terms) sum += Math.exp(t - max);
        return Math.min(1.0, 2 * Math.exp(max + Math.log(sum)));
    }
}

package org.arbiter.base;

import java.util.Arrays;

/**
 * Nearest-rank percentiles, the definition every figure here uses (bench, render-check, speed anomalies, verify):
 * the smallest value with at least p percent of the values at or below it. No interpolation, so a reported p95
 * is a time that was actually measured.
 */
public final class Percentile {
    private Percentile() {
    }

    /** p in [0, 100] of values already sorted ascending; 0 for none. */
    public static long ofSorted(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[rank(sorted.length, p)];
    }

    /** p in [0, 100] of values in any order; NaN for none. */
    public static double of(double[] values, double p) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        return v[rank(v.length, p)];
    }

    private static int rank(int n, double p) {
        int k = (int) Math.ceil(p / 100.0 * n) - 1;
        return Math.max(0, Math.min(n - 1, k));
    }
}

package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.base.Percentile;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;

/**
 * Judgments made faster than anyone could read the responses. A judgment is fast when its active time is
 * below max(3 s, characters of all the item's responses ÷ 50 characters per second) — 50 chars/s is about
 * 600 words a minute, skimming speed. Per annotator: median, 10th and 90th percentile of active time and a
 * histogram over fixed bins in seconds ({@link #BIN_EDGES_S}, the last bin open).
 */
public final class SpeedAnomalies {
    public static final long MIN_MS = 3_000;
    public static final double CHARS_PER_SECOND = 50;
    public static final int[] BIN_EDGES_S = {0, 5, 10, 20, 40, 60, 120, 300, 600};

    public record Fast(String itemId, String batch, String annotator, long activeMs, long thresholdMs) {
    }

    /** @param histogram counts per bin, bin i = [BIN_EDGES_S[i], BIN_EDGES_S[i+1]) seconds, the last open-ended */
    public record Distribution(String annotator, int judgments, long medianMs, long p10Ms, long p90Ms,
                               int[] histogram, List<Fast> fast) {
    }

    private SpeedAnomalies() {
    }

    public static long thresholdMs(Item item) {
        long chars = 0;
        if (item != null) for (Response r : item.responses()) chars += r.content().length();
        return Math.max(MIN_MS, Math.round(chars / CHARS_PER_SECOND * 1000));
    }

    public static Map<String, Distribution> perAnnotator(QualityInput in) {
        Map<String, List<Judgment>> by = new LinkedHashMap<>();
        for (String a : in.annotators()) by.put(a, new ArrayList<>());
        for (Judgment j : in.judgments()) by.get(j.annotator()).add(j);
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (var e : by.entrySet()) {
            long[] times = e.getValue().stream().mapToLong(Judgment::activeMs).sorted().toArray();
            int[] hist = new int[BIN_EDGES_S.length];
            for (long t : times) hist[bin(t)]++;
            List<Fast> fast = new ArrayList<>();
            for (Judgment j : e.getValue()) {
                long limit = thresholdMs(in.item(j));
                if (j.activeMs() < limit) fast.add(new Fast(j.itemId(), j.batch(), j.annotator(), j.activeMs(), limit));
            }
            out.put(e.getKey(), new Distribution(e.getKey(), times.length, Percentile.ofSorted(times, 50), Percentile.ofSorted(times, 10),
                    Percentile.ofSorted(times, 90), hist, fast));
        }
        return out;
    }

    static int bin(long ms) {
        for (int i = BIN_EDGES_S.length - 1; i >= 0; i--) if (ms >= BIN_EDGES_S[i] * 1000L) return i;
        return 0;
    }

    public static String binLabel(int i) {
        return i == BIN_EDGES_S.length - 1 ? BIN_EDGES_S[i] + "s+" : BIN_EDGES_S[i] + "–" + BIN_EDGES_S[i + 1] + "s";
    }

}

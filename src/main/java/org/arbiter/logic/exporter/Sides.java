package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.Flag;
import org.arbiter.model.Preference;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

/**
 * The preferred and the other response of a pair. A and B are the item's first and second response as
 * imported; the screen side a judgment was made on plays no part.
 *
 * @param margin for TRL's reward trainer: from a pair, a strong preference (A>>B, B>>A) counts twice a weak
 *               one; from a ranking, the distance between the two responses' tiers (1 for neighbours)
 */
public record Sides(Response chosen, Response rejected, double margin) {

    /**
     * The sides of a strict preference, or null after counting why there are none: "no-preference"
     * (skipped item or single path), "both-bad", "tie". Both-bad wins over the preference it may carry,
     * because a pair where neither answer is acceptable teaches a preference model nothing true.
     * A ranking item is handled by {@link #allOf}.
     */
    public static Sides of(Verdict v, RowSink sink) {
        if (!v.item().isPair()) {
            sink.skip("single-response");
            return null;
        }
        if (v.has(Flag.BOTH_BAD)) {
            sink.skip("both-bad");
            return null;
        }
        Preference p = v.preference();
        if (p == null) {
            sink.skip("no-preference");
            return null;
        }
        if (p.direction() == 0) {
            sink.skip("tie");
            return null;
        }
        Response a = v.item().a();
        Response b = v.item().b().orElseThrow();
        double margin = p.strong() ? 2.0 : 1.0;
        return p.direction() < 0 ? new Sides(a, b, margin) : new Sides(b, a, margin);
    }

    /**
     * The pairs a verdict gives: the one of {@link #of} for a pair, or those of its ranking that
     * {@code pairs} selects (better tier first, margin the tier distance). A ranking whose responses all
     * tie, a both-bad ranking and a ranking item without an order give none, counted in the sink.
     *
     * @throws UnwritableRow when the ranking names responses the item does not have
     */
    public static List<Sides> allOf(Verdict v, PairSelection pairs, RowSink sink) {
        Ranking r = v.ranking();
        if (r == null) {
            if (v.item().isRanking() && v.preference() == null) {
                sink.skip("no-ranking");
                return List.of();
            }
            Sides s = of(v, sink);
            return s == null ? List.of() : List.of(s);
        }
        if (v.has(Flag.BOTH_BAD)) {
            sink.skip("both-bad");
            return List.of();
        }
        List<List<String>> tiers = r.tiers();
        if (tiers.size() < 2) {
            sink.skip("tie");
            return List.of();
        }
        List<Sides> out = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            for (int k = i + 1; k < tiers.size(); k++) {
                if (!pairs.wants(i, k, tiers.size())) continue;
                for (String better : tiers.get(i)) {
                    for (String worse : tiers.get(k)) out.add(new Sides(response(v, better), response(v, worse), k - i));
                }
            }
        }
        return out;
    }

    private static Response response(Verdict v, String id) {
        return v.item().response(id).orElseThrow(() -> new UnwritableRow("the ranking names response " + id
                + ", which the item does not have"));
    }
}

package org.arbiter.logic.exporter;

import org.arbiter.model.Flag;
import org.arbiter.model.Preference;
import org.arbiter.model.Response;

/**
 * The preferred and the other response of a pair. A and B are the item's first and second response as
 * imported; the screen side a judgment was made on plays no part.
 */
public record Sides(Response chosen, Response rejected, Preference preference) {

    /** Margin for TRL's reward trainer: a strong preference (A>>B, B>>A) counts twice a weak one. */
    public double margin() {
        return preference.strong() ? 2.0 : 1.0;
    }

    /**
     * The sides of a strict preference, or null after counting why there are none: "no-preference"
     * (skipped item or single path), "both-bad", "tie". Both-bad wins over the preference it may carry,
     * because a pair where neither answer is acceptable teaches a preference model nothing true.
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
        return p.direction() < 0 ? new Sides(a, b, p) : new Sides(b, a, p);
    }
}

package org.arbiter.logic.exporter;

import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Ranking;

/**
 * One annotator's label in the terms another annotation tool can hold: who, the preference (pairs) or the
 * ranking (3+ responses), why, how long it took and when.
 *
 * @param leadSeconds null when unknown
 * @param createdAt   ISO-8601 text, or null
 * @param status      "submitted"; for a prior label from Argilla its "draft" or "suggestion" (a model's, not a user's)
 */
public record InterchangeLabel(String annotator, Preference preference, Ranking ranking, String rationale,
                               Double leadSeconds, String createdAt, String status) {

    public static InterchangeLabel of(Judgment j) {
        return new InterchangeLabel(j.annotator(), j.preference(), j.ranking(), j.rationale(), j.activeMs() / 1000.0,
                j.submittedAt() == null ? null : j.submittedAt().toString(), "submitted");
    }

    public static InterchangeLabel of(PriorLabel p) {
        String who = p.extra().get("labeler") instanceof String s ? s : p.source();
        String why = p.extra().get("rationale") instanceof String s ? s : "";
        Double lead = p.extra().get("lead_time") instanceof Number n ? n.doubleValue() : null;
        String when = p.extra().get("timestamp") instanceof String s ? s : null;
        Object status = p.extra().get("status");
        return new InterchangeLabel(who, p.preference(), p.ranking(), why, lead, when,
                "draft".equals(status) || "suggestion".equals(status) ? (String) status : "submitted");
    }

    /** The label says something about the item: a preference or a ranking (a skip says nothing). */
    public boolean saysSomething() {
        return preference != null || ranking != null;
    }
}

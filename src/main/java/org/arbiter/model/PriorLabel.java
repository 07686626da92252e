package org.arbiter.model;

import java.util.List;
import java.util.Map;

/**
 * A label that came with the source data (crowd chosen/rejected, an AlpacaEval judge, PRM800K raters).
 * Kept and exportable, never shown during blind review.
 *
 * @param source     where it came from, e.g. "trl", "hh-rlhf", "alpaca_eval", "prm800k"
 * @param preference direction (and strength where the source has one) in A/B terms; null when the source
 *                   has none (PRM800K)
 * @param stepLabels step ratings from the source, may be empty
 * @param extra      source fields worth keeping (scores, judge name, finish reason), plain JSON values
 * @param ranking    the source's order over three or more responses (UltraFeedback scores, OpenAssistant
 *                   ranks, a Label Studio ranker); null when it has none
 */
public record PriorLabel(String source, Preference preference, List<StepLabel> stepLabels,
                         Map<String, Object> extra, Ranking ranking) {
    public PriorLabel(String source, Preference preference, List<StepLabel> stepLabels, Map<String, Object> extra) {
        this(source, preference, stepLabels, extra, null);
    }

    public PriorLabel {
        stepLabels = stepLabels == null ? List.of() : List.copyOf(stepLabels);
        extra = extra == null ? Map.of() : JsonValues.copyOf(extra);
    }
}

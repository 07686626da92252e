package org.arbiter.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;

/**
 * What stops Enter on an item: a pure function of the labels, the batch's config and the item as this
 * annotator sees it (which response is on the left decides the words "left" and "right"). There are no
 * warnings today: labels are either complete enough for the batch or refused with the first reason.
 */
final class SubmitRules {
    private SubmitRules() {
    }

    /** Why Enter is refused, or empty when the labels are complete enough for this batch. */
    static Optional<String> blocker(Labels labels, BatchConfig config, Item item, boolean bOnLeft) {
        List<String> ids = shownIds(item, bOnLeft);
        boolean badPrompt = labels.has(Flag.BAD_PROMPT);
        for (String id : ids) {
            for (Map.Entry<Integer, StepMark> e : labels.marks(id).entrySet()) {
                if (e.getValue().rating() == null) {
                    return Optional.of("step " + (e.getKey() + 1) + " of the " + sideName(item, ids, id) + " response has a note but no rating");
                }
            }
        }
        if (!item.isPair()) {
            boolean rated = !labels.marks(item.a().id()).isEmpty();
            if (!rated && labels.flags().isEmpty()) return Optional.of("rate at least one step (c / n / x / f) or raise a flag");
        } else if (config.required().contains(BatchConfig.Required.PREFERENCE) && labels.preference() == null
                && !labels.has(Flag.BOTH_BAD) && !badPrompt) {
            return Optional.of("choose a preference (1–5), or flag both bad (b) or bad prompt (p)");
        }
        if (badPrompt) return Optional.empty();
        if (config.required().contains(BatchConfig.Required.RUBRIC)) {
            for (String id : ids) {
                for (BatchConfig.RubricDimension d : config.rubric()) {
                    if (labels.score(id, d.name()) == null) return Optional.of("score " + d.label() + " for the " + sideName(item, ids, id) + " response");
                }
            }
        }
        if (config.required().contains(BatchConfig.Required.STEPS)) {
            for (String id : ids) {
                if (labels.marks(id).isEmpty()) return Optional.of("rate at least one step of the " + sideName(item, ids, id) + " response");
            }
        }
        return Optional.empty();
    }

    /** The response ids left then right as this annotator sees them (one id for a single response). */
    private static List<String> shownIds(Item item, boolean bOnLeft) {
        if (!item.isPair()) return List.of(item.a().id());
        String a = item.a().id();
        String b = item.b().orElseThrow().id();
        return bOnLeft ? List.of(b, a) : List.of(a, b);
    }

    private static String sideName(Item item, List<String> ids, String responseId) {
        if (!item.isPair()) return "single";
        return responseId.equals(ids.get(0)) ? "left" : "right";
    }
}

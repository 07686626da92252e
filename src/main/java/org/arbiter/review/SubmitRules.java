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
        return blocker(labels, config, item, shownIds(item, bOnLeft));
    }

    /**
     * As above for the responses in the order shown: left then right for a pair, by shown position for a
     * ranking item (whose responses are then named "response 3").
     */
    static Optional<String> blocker(Labels labels, BatchConfig config, Item item, List<String> ids) {
        boolean badPrompt = labels.has(Flag.BAD_PROMPT);
        for (String id : ids) {
            for (Map.Entry<Integer, StepMark> e : labels.marks(id).entrySet()) {
                if (e.getValue().rating() == null) {
                    return Optional.of("step " + (e.getKey() + 1) + " of " + responseName(item, ids, id) + " has a note but no rating");
                }
            }
        }
        if (item.isRanking()) {
            // A bad prompt makes the order meaningless: it may go unranked, as a pair may go without a preference.
            List<String> unplaced = labels.order().unplaced(ids);
            if (!unplaced.isEmpty() && !badPrompt) {
                return Optional.of("place every response in the order — " + positions(ids, unplaced) + (unplaced.size() == 1 ? " is" : " are")
                        + " not placed yet (K places the focused response last, then K/J move it, = ties it), or flag bad prompt (p)");
            }
        } else if (!item.isPair()) {
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
                    if (labels.score(id, d.name()) == null) return Optional.of("score " + d.label() + " for " + responseName(item, ids, id));
                }
            }
        }
        if (config.required().contains(BatchConfig.Required.STEPS)) {
            for (String id : ids) {
                if (labels.marks(id).isEmpty()) return Optional.of("rate at least one step of " + responseName(item, ids, id));
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

    private static String positions(List<String> ids, List<String> some) {
        List<String> names = some.stream().map(id -> String.valueOf(ids.indexOf(id) + 1)).toList();
        return (names.size() == 1 ? "response " : "responses ") + String.join(", ", names);
    }

    /** "the left response", or "response 3" (its shown position) on a ranking item. */
    private static String responseName(Item item, List<String> ids, String responseId) {
        if (item.isRanking()) return "response " + (ids.indexOf(responseId) + 1);
        if (!item.isPair()) return "the single response";
        return responseId.equals(ids.get(0)) ? "the left response" : "the right response";
    }
}

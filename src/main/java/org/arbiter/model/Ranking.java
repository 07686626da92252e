package org.arbiter.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An expert's order over three or more responses of one item: a weak order (ties allowed), best tier first.
 * Ties are tiers with several ids; every response of the item appears exactly once.
 *
 * @param tiers      best first; each tier a non-empty list of response ids judged equal
 * @param shownOrder the order in which the responses were shown to this annotator (randomized per annotator
 *                   and item), so position bias can be measured; empty when not shown (imported prior labels)
 */
public record Ranking(List<List<String>> tiers, List<String> shownOrder) {
    public Ranking {
        Objects.requireNonNull(tiers, "tiers");
        List<List<String>> copy = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<String> tier : tiers) {
            if (tier == null || tier.isEmpty()) throw new IllegalArgumentException("a ranking tier is empty");
            for (String id : tier) {
                Objects.requireNonNull(id, "response id");
                if (!seen.add(id)) throw new IllegalArgumentException("response " + id + " is ranked twice");
            }
            copy.add(List.copyOf(tier));
        }
        tiers = List.copyOf(copy);
        shownOrder = shownOrder == null ? List.of() : List.copyOf(shownOrder);
    }

    /** The responses ranked, best tier first, in tier order. */
    public List<String> responses() {
        List<String> out = new ArrayList<>();
        tiers.forEach(out::addAll);
        return out;
    }

    /** 1-based rank of the response's tier (1 = best); ties share a rank. -1 when it is not ranked. */
    public int rankOf(String responseId) {
        for (int i = 0; i < tiers.size(); i++) if (tiers.get(i).contains(responseId)) return i + 1;
        return -1;
    }

    /** The ranking covers exactly these responses. */
    public boolean covers(List<String> responseIds) {
        List<String> mine = responses();
        return mine.size() == responseIds.size() && new HashSet<>(mine).equals(new HashSet<>(responseIds));
    }
}

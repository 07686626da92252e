package org.arbiter.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;

/**
 * Items an expert should settle: among items with a consensus, those where
 * <ul>
 *   <li>both directions were chosen (someone preferred A and someone B), or</li>
 *   <li>the preference confidence is below the threshold (default {@link #DEFAULT_MIN_CONFIDENCE}: a 2–1
 *       split such as A, A, equal passes; a 1–1 or a three-way split does not), or</li>
 *   <li>annotators put the first error of a response at different steps (or one saw none).</li>
 * </ul>
 * Each entry carries every annotator's label, which the adjudicator sees and nobody else does.
 */
public final class AdjudicationQueue {
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    /** One annotator's label as the adjudicator sees it: preference wire (or null), flags, first errors. */
    public record Label(String annotator, String preference, List<String> flags, Map<String, Integer> firstErrors) {
    }

    public record Entry(String itemId, String batch, List<String> reasons, double confidence, List<Label> labels) {
    }

    private AdjudicationQueue() {
    }

    public static List<Entry> of(QualityInput in, List<Consensus> consensus, double minConfidence) {
        List<Entry> out = new ArrayList<>();
        for (Consensus c : consensus) {
            Item item = c.item();
            List<Judgment> js = in.judgmentsOf(item);
            List<String> reasons = new ArrayList<>();
            Set<Integer> dirs = new HashSet<>();
            for (Judgment j : js) if (j.preference() != null) dirs.add(j.preference().direction());
            if (dirs.contains(-1) && dirs.contains(1)) reasons.add("opposite directions");
            if (c.preference() != null && c.confidence() < minConfidence) {
                reasons.add(String.format(java.util.Locale.ROOT, "confidence %.3f < %.2f", c.confidence(), minConfidence));
            }
            for (Response r : item.responses()) {
                Set<Integer> firsts = new HashSet<>();
                for (Judgment j : js) {
                    Integer fe = Ratings.firstError(j, r.id());
                    if (fe != null) firsts.add(fe);
                }
                if (firsts.size() > 1) reasons.add("first error of " + r.id() + " disputed");
            }
            if (reasons.isEmpty()) continue;
            List<Label> labels = new ArrayList<>();
            for (Judgment j : js) {
                Map<String, Integer> fes = new LinkedHashMap<>();
                for (Response r : item.responses()) {
                    Integer fe = Ratings.firstError(j, r.id());
                    if (fe != null) fes.put(r.id(), fe);
                }
                labels.add(new Label(j.annotator(), j.preference() == null ? null : j.preference().wire(),
                        j.flags().stream().map(f -> f.wire()).sorted().toList(), fes));
            }
            out.add(new Entry(item.id(), item.batch(), reasons, c.confidence(), labels));
        }
        return out;
    }
}

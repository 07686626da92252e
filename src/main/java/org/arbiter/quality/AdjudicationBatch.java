package org.arbiter.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.StepLabel;

/**
 * The adjudication queue as a batch an expert judges like any other. Each item is as imported, without gold
 * and prior labels, and carries the others' labels in {@code meta.adjudication}:
 * <pre>{"source_batch": …, "reasons": [...], "labels": [{"annotator", "preference" (A/B wire or null),
 *   "flags": [...], "step_labels": [{response_id, step_index, step_key, rating, categories, note}],
 *   "rationale"}]}</pre>
 * Preferences stay in A/B terms (A and B as imported): the app turns them into the adjudicator's own
 * left/right. Gold items are left out (their answer is known; adjudicating them would only show it).
 */
public final class AdjudicationBatch {
    public static final String META_KEY = "adjudication";

    /** @param skippedGold queue entries left out because the item is gold */
    public record Result(List<Item> items, int skippedGold, int skippedDuplicateIds) {
    }

    private AdjudicationBatch() {
    }

    /**
     * @param batches when not empty, only queue entries of these batches
     * @param name    the batch name the items get
     */
    public static Result of(QualityInput in, List<AdjudicationQueue.Entry> queue, Set<String> batches, String name) {
        Map<String, Item> byKey = new HashMap<>();
        for (Item i : in.items()) byKey.put(QualityInput.key(i.batch(), i.id()), i);
        List<Item> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int gold = 0;
        int duplicates = 0;
        for (AdjudicationQueue.Entry e : queue) {
            if (!batches.isEmpty() && !batches.contains(e.batch())) continue;
            Item item = byKey.get(QualityInput.key(e.batch(), e.itemId()));
            if (item == null) continue;
            if (GoldScore.isGold(item)) {
                gold++;
                continue;
            }
            // One batch holds an id once; the same id from another import would be a different item.
            if (!ids.add(item.id())) {
                duplicates++;
                continue;
            }
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("source_batch", item.batch());
            note.put("reasons", List.copyOf(e.reasons()));
            List<Object> labels = new ArrayList<>();
            for (Judgment j : in.judgmentsOf(item)) labels.add(label(j));
            note.put("labels", labels);
            Item stripped = item.withoutHiddenLabels();
            Map<String, Object> meta = new LinkedHashMap<>(stripped.meta());
            meta.put(META_KEY, note);
            out.add(new Item(stripped.id(), name, stripped.domain(), stripped.prompt(), stripped.responses(),
                    stripped.reference(), null, meta, List.of()));
        }
        return new Result(out, gold, duplicates);
    }

    private static Map<String, Object> label(Judgment j) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("annotator", j.annotator());
        l.put("preference", j.preference() == null ? null : j.preference().wire());
        l.put("flags", j.flags().stream().map(Flag::wire).sorted().toList());
        List<Object> steps = new ArrayList<>();
        for (StepLabel s : j.stepLabels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("response_id", s.responseId());
            m.put("step_index", s.stepIndex());
            m.put("step_key", s.stepKey());
            m.put("rating", s.rating());
            m.put("categories", List.copyOf(s.categories()));
            m.put("note", s.note());
            steps.add(m);
        }
        l.put("step_labels", steps);
        l.put("rationale", j.rationale());
        return l;
    }
}

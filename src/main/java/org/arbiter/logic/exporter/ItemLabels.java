package org.arbiter.logic.exporter;

import java.util.List;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.PriorLabel;

/**
 * One item with the labels in scope, for the formats that write whole items with all their labels (Label
 * Studio tasks, Argilla records).
 *
 * @param judgments the current version of each expert's judgment on the item, in submission order
 * @param priors    the item's prior labels, or its consensus label (source "consensus") for that scope
 */
public record ItemLabels(Item item, List<Judgment> judgments, List<PriorLabel> priors) {
    public ItemLabels {
        judgments = List.copyOf(judgments);
        priors = List.copyOf(priors);
    }

    /** Every label as the interchange formats see it: the experts' first, then the prior ones. */
    public List<InterchangeLabel> labels() {
        java.util.ArrayList<InterchangeLabel> out = new java.util.ArrayList<>();
        for (Judgment j : judgments) out.add(InterchangeLabel.of(j));
        for (PriorLabel p : priors) out.add(InterchangeLabel.of(p));
        return out;
    }
}

package org.arbiter.quality;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.PriorLabel;

/**
 * How often the experts' consensus contradicts the label the data came with (e.g. a crowd's
 * chosen/rejected). Audited: items with a consensus preference and a prior label with a non-tie preference
 * (the first such prior label). A flip is a consensus direction opposite to the prior direction. A
 * consensus of "equal" (including no clear majority) is audited but is not a flip: the experts did not say
 * the other side is better. The rate is null when no item could be audited.
 */
public final class FlipAudit {
    public record Flip(String itemId, String batch, String priorSource, String prior, String consensus, double confidence) {
    }

    public record Result(int audited, List<Flip> flips, Double flipRate) {
    }

    private FlipAudit() {
    }

    public static Result of(List<Consensus> consensus) {
        int audited = 0;
        List<Flip> flips = new ArrayList<>();
        for (Consensus c : consensus) {
            if (c.preference() == null) continue;
            PriorLabel prior = c.item().priorLabels().stream()
                    .filter(p -> p.preference() != null && p.preference().direction() != 0).findFirst().orElse(null);
            if (prior == null) continue;
            audited++;
            int cd = c.preference().direction();
            if (cd != 0 && cd != prior.preference().direction()) {
                flips.add(new Flip(c.item().id(), c.item().batch(), prior.source(), prior.preference().wire(),
                        c.preference().wire(), c.confidence()));
            }
        }
        return new Result(audited, flips, audited == 0 ? null : (double) flips.size() / audited);
    }
}

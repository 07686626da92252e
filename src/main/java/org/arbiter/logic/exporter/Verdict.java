package org.arbiter.logic.exporter;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Ranking;
import org.arbiter.model.StepLabel;

/**
 * One label on one item, whoever gave it: an expert's current judgment or a prior label from the source
 * data. The training formats are written from verdicts so that {@code --labels prior} and {@code expert}
 * give the same shapes.
 *
 * @param labelSource  "expert", "consensus", or the prior label's source ("trl", "prm800k", ...)
 * @param annotator    the expert; for a prior label its {@code extra.labeler} when it has one, else the source
 * @param submittedAt  ISO-8601 text as stored (prior timestamps are kept verbatim), or null
 * @param activeMs     time spent, or null when unknown (prior labels)
 * @param judgmentId   null for prior labels
 * @param ranking      the order over a ranking item's responses; null for pairs and single paths
 */
public record Verdict(Item item, String labelSource, String annotator, Preference preference, Set<Flag> flags,
                      List<StepLabel> stepLabels, String submittedAt, Long activeMs, UUID judgmentId,
                      Ranking ranking) {

    public Verdict(Item item, String labelSource, String annotator, Preference preference, Set<Flag> flags,
                   List<StepLabel> stepLabels, String submittedAt, Long activeMs, UUID judgmentId) {
        this(item, labelSource, annotator, preference, flags, stepLabels, submittedAt, activeMs, judgmentId, null);
    }

    public static Verdict of(Item item, Judgment j) {
        return new Verdict(item, "expert", j.annotator(), j.preference(), j.flags(), j.stepLabels(),
                j.submittedAt() == null ? null : j.submittedAt().toString(), j.activeMs(), j.judgmentId(), j.ranking());
    }

    public static Verdict of(Item item, PriorLabel p) {
        String annotator = p.extra().get("labeler") instanceof String s ? s : p.source();
        String timestamp = p.extra().get("timestamp") instanceof String s ? s : null;
        Long totalTime = p.extra().get("total_time") instanceof Number n ? n.longValue() : null;
        return new Verdict(item, p.source(), annotator, p.preference(), Set.of(), p.stepLabels(), timestamp,
                totalTime, null, p.ranking());
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** Names the verdict in messages: which item, whose label. */
    public String describe() {
        String who = judgmentId != null ? "judgment " + judgmentId + " by " + annotator
                : "consensus".equals(labelSource) ? "consensus label" : labelSource + " prior label";
        return who + " on item " + item.batch() + "/" + item.id();
    }
}

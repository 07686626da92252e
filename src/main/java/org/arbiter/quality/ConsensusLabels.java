package org.arbiter.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.logic.exporter.ExportSource;
import org.arbiter.logic.exporter.Verdict;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Ranking;
import org.arbiter.model.StepLabel;

/**
 * The cleaned dataset: one label per item with a consensus, as a verdict from annotator "consensus", so any
 * export format can write {@code --labels consensus}. Items without a clear majority get "A=B", which the
 * preference formats leave out like any tie; step formats get the per-step majority ratings. A ranking item
 * with enough rankings gets their consensus order ({@link RankingQuality#consensusOrder}).
 */
public final class ConsensusLabels implements ExportSource.ConsensusLabeller {
    public static final String ANNOTATOR = "consensus";

    private final int minJudgments;

    public ConsensusLabels(int minJudgments) {
        this.minJudgments = minJudgments;
    }

    public ConsensusLabels() {
        this(Consensus.DEFAULT_MIN_JUDGMENTS);
    }

    @Override
    public List<Verdict> label(List<Item> items, List<Judgment> currentJudgments) {
        List<Verdict> out = new ArrayList<>();
        QualityInput in = new QualityInput(items, currentJudgments);
        for (Consensus c : Consensus.of(in, minJudgments)) {
            Verdict v = verdict(c);
            List<Ranking> orders = RankingQuality.rankingsOf(in, c.item()).stream().map(Judgment::ranking).toList();
            if (c.item().isRanking() && orders.size() >= Math.max(1, minJudgments)) {
                v = new Verdict(v.item(), v.labelSource(), v.annotator(), v.preference(), v.flags(), v.stepLabels(),
                        null, null, null, RankingQuality.consensusOrder(orders, c.item().responses().stream().map(r -> r.id()).toList()));
            }
            out.add(v);
        }
        return out;
    }

    public static Verdict verdict(Consensus c) {
        List<StepLabel> steps = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Integer>> r : c.steps().entrySet()) {
            for (Map.Entry<Integer, Integer> s : r.getValue().entrySet()) {
                String key = c.stepKeys().getOrDefault(r.getKey(), Map.of()).get(s.getKey());
                steps.add(new StepLabel(r.getKey(), s.getKey(), key, s.getValue(), List.of(), null));
            }
        }
        return new Verdict(c.item(), ANNOTATOR, ANNOTATOR, c.preference(), c.flags(), steps, null, null, null);
    }
}

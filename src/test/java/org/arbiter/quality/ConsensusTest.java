package org.arbiter.quality;

import static org.arbiter.model.Preference.A_BETTER;
import static org.arbiter.model.Preference.A_MUCH_BETTER;
import static org.arbiter.model.Preference.B_BETTER;
import static org.arbiter.model.Preference.B_MUCH_BETTER;
import static org.arbiter.model.Preference.TIE;
import static org.arbiter.quality.Synthetic.judge;
import static org.arbiter.quality.Synthetic.pair;
import static org.arbiter.quality.Synthetic.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.junit.jupiter.api.Test;

class ConsensusTest {
    static PriorLabel crowd(Preference p) {
        return new PriorLabel("hh-rlhf", p, List.of(), Map.of());
    }

    // Five items with a crowd label "A>B" (chosen = A), judged by three experts.
    final Item agreeA = pair("agree", "b", "m1", "m2", null, List.of(crowd(A_BETTER)));
    final Item flipped = pair("flipped", "b", "m1", "m2", null, List.of(crowd(A_BETTER)));
    final Item split = pair("split", "b", "m1", "m2", null, List.of(crowd(A_BETTER)));
    final Item tie = pair("tie", "b", "m1", "m2", null, List.of(crowd(A_BETTER)));
    final Item lonely = pair("lonely", "b", "m1", "m2", null, List.of(crowd(A_BETTER)));

    final List<Judgment> judgments = List.of(
            judge(agreeA, "e1", A_MUCH_BETTER, "a", 30_000), judge(agreeA, "e2", A_BETTER, "b", 30_000),
            judge(agreeA, "e3", A_MUCH_BETTER, "a", 30_000),
            judge(flipped, "e1", B_MUCH_BETTER, "a", 30_000), judge(flipped, "e2", B_BETTER, "b", 30_000),
            judge(flipped, "e3", B_BETTER, "a", 30_000, Set.of(Flag.BOTH_BAD), List.of()),
            judge(split, "e1", A_BETTER, "a", 30_000), judge(split, "e2", B_BETTER, "b", 30_000),
            judge(tie, "e1", TIE, "a", 30_000), judge(tie, "e2", TIE, "b", 30_000), judge(tie, "e3", A_BETTER, "b", 30_000),
            judge(lonely, "e1", B_BETTER, "a", 30_000));

    QualityInput input() {
        return new QualityInput(List.of(agreeA, flipped, split, tie, lonely), judgments);
    }

    Consensus of(List<Consensus> all, Item item) {
        return all.stream().filter(c -> c.item() == item).findFirst().orElse(null);
    }

    @Test
    void consensusTakesTheMajorityDirectionTheMedianStrengthAndTheShareAgreeing() {
        List<Consensus> all = Consensus.of(input(), 2);
        assertThat(all).hasSize(4); // lonely has a single judgment
        Consensus a = of(all, agreeA);
        assertThat(a.preference()).isEqualTo(A_MUCH_BETTER); // median of -2, -1, -2
        assertThat(a.confidence()).isEqualTo(1.0);
        Consensus f = of(all, flipped);
        assertThat(f.preference()).isEqualTo(B_BETTER); // median of 2, 1, 1
        assertThat(f.flags()).isEmpty(); // one both_bad of three is not a majority
        Consensus s = of(all, split);
        assertThat(s.clear()).isFalse();
        assertThat(s.preference()).isEqualTo(TIE); // a 1–1 split names no winner
        assertThat(s.confidence()).isEqualTo(0.0);
        Consensus t = of(all, tie);
        assertThat(t.preference()).isEqualTo(TIE);
        assertThat(t.confidence()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Consensus.of(input(), 3)).hasSize(3); // split has only two judgments
    }

    @Test
    void flipAuditCountsConsensusAgainstTheCrowdAndNotTies() {
        FlipAudit.Result r = FlipAudit.of(Consensus.of(input(), 2));
        assertThat(r.audited()).isEqualTo(4);
        assertThat(r.flips()).extracting(FlipAudit.Flip::itemId).containsExactly("flipped");
        assertThat(r.flipRate()).isEqualTo(0.25);
        // Without prior labels there is nothing to audit: the rate is null, not 0.
        Item plain = pair("plain", "b", "m1", "m2");
        QualityInput noPrior = new QualityInput(List.of(plain),
                List.of(judge(plain, "e1", A_BETTER, "a", 1), judge(plain, "e2", B_BETTER, "a", 1)));
        assertThat(FlipAudit.of(Consensus.of(noPrior, 2)).flipRate()).isNull();
    }

    @Test
    void adjudicationQueueHoldsSplitAndOppositeItemsWithEveryonesLabels() {
        QualityInput in = input();
        List<AdjudicationQueue.Entry> queue = AdjudicationQueue.of(in, Consensus.of(in, 2), AdjudicationQueue.DEFAULT_MIN_CONFIDENCE);
        // flipped (B, B, B) and tie (equal, equal, A: 2 of 3) are settled; split (A vs B) is not.
        assertThat(queue).extracting(AdjudicationQueue.Entry::itemId).containsExactly("split");
        AdjudicationQueue.Entry split = queue.get(0);
        assertThat(split.reasons()).contains("opposite directions");
        assertThat(split.labels()).extracting(AdjudicationQueue.Label::annotator, AdjudicationQueue.Label::preference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", "A>B"), org.assertj.core.groups.Tuple.tuple("e2", "B>A"));
        assertThat(split.reasons()).contains("confidence 0.000 < 0.60");
        // A stricter threshold also queues the 2-of-3 item, for low confidence alone.
        List<AdjudicationQueue.Entry> strict = AdjudicationQueue.of(in, Consensus.of(in, 2), 0.7);
        assertThat(strict).extracting(AdjudicationQueue.Entry::itemId).containsExactly("split", "tie");
        assertThat(strict.get(1).reasons()).containsExactly("confidence 0.667 < 0.70");
    }

    @Test
    void stepConsensusAndDisputedFirstErrors() {
        List<org.arbiter.model.Response> responses = List.of(org.arbiter.model.Response.ofSteps("a", "m1", List.of("s0", "s1", "s2", "s3")));
        Item path = new Item("p1", "math", org.arbiter.model.Domain.MATH, org.arbiter.model.Prompt.text("Solve"), responses, null,
                org.arbiter.model.Gold.parse(Map.of("first_error", Map.of("response", "a", "step", 2)), responses), Map.of(), List.of());
        List<Judgment> js = List.of(
                judge(path, "e1", null, null, 40_000, Set.of(), steps("a", 1, 1, -1, 0)),
                judge(path, "e2", null, null, 40_000, Set.of(), steps("a", 1, 1, -1, -1)),
                judge(path, "e3", null, null, 40_000, Set.of(), steps("a", 1, -1, 0, 0)));
        QualityInput in = new QualityInput(List.of(path), js);
        Consensus c = Consensus.of(in, 2).get(0);
        assertThat(c.preference()).isNull();
        assertThat(c.steps().get("a")).containsExactly(Map.entry(0, 1), Map.entry(1, 1), Map.entry(2, -1), Map.entry(3, 0));
        assertThat(c.firstError("a")).isEqualTo(2);
        assertThat(AdjudicationQueue.of(in, List.of(c), 0.67).get(0).reasons()).containsExactly("first error of a disputed");
        Map<String, GoldScore.Result> gold = GoldScore.perAnnotator(in);
        assertThat(gold.get("e1").firstErrorAgreement()).isEqualTo(1.0);
        assertThat(gold.get("e3").firstErrorAgreement()).isEqualTo(0.0);
        assertThat(gold.get("e1").directionAccuracy()).isNaN();
        // First-error units: one response, values 2, 2, 1 → exact match on 1 of 3 pairs.
        Integer[][] fe = Ratings.firstErrors(in, in.annotators());
        assertThat(fe).hasDimensions(1, 3);
        assertThat(Agreement.percentAgreement(fe)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void goldDirectionAcceptsPreferenceDirectionAndCorrectForms() {
        Item g1 = pair("g1", "b", "m1", "m2", Map.of("preference", "B>>A"), List.of());
        Item g2 = pair("g2", "b", "m1", "m2", Map.of("direction", "A"), List.of());
        Item g3 = pair("g3", "b", "m1", "m2", Map.of("correct", "b"), List.of());
        Item g4 = pair("g4", "b", "m1", "m2", Map.of("correct", "both"), List.of());
        assertThat(List.of(g1, g2, g3, g4)).extracting(GoldScore::goldDirection).containsExactly(1, -1, 1, null);
        QualityInput in = new QualityInput(List.of(g1, g2, g3, g4), List.of(
                judge(g1, "e1", B_BETTER, "a", 1), judge(g2, "e1", TIE, "a", 1), judge(g3, "e1", B_MUCH_BETTER, "a", 1),
                judge(g4, "e1", A_BETTER, "a", 1)));
        GoldScore.Result r = GoldScore.perAnnotator(in).get("e1");
        assertThat(r.directionItems()).isEqualTo(3);
        assertThat(r.directionCorrect()).isEqualTo(2); // the tie on a gold "A" is wrong
    }
}

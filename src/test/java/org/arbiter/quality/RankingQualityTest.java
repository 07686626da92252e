package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.quality.report.QualityReportJson;
import org.arbiter.quality.report.QualityReportText;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Agreement, leaderboard, position bias and adjudication for rankings, against values worked out by hand. */
class RankingQualityTest {

    static Item ranking(String id, String... models) {
        List<Response> rs = new ArrayList<>();
        for (int i = 0; i < models.length; i++) rs.add(new Response("r" + (i + 1), models[i], "answer " + (i + 1) + " to " + id));
        return new Item(id, "b", Domain.GENERAL, Prompt.text("Question " + id), rs, null, null, Map.of(), List.of());
    }

    /** "r1>r2=r3": best first, "=" joins a tie. */
    static Ranking order(String text, String... shown) {
        List<List<String>> tiers = new ArrayList<>();
        for (String tier : text.split(">")) tiers.add(List.of(tier.split("=")));
        return new Ranking(tiers, List.of(shown));
    }

    static Judgment ranked(Item item, String annotator, Ranking r) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Judgment(UUID.nameUUIDFromBytes((item.id() + annotator + r).getBytes()), item.id(), item.batch(), annotator,
                1, null, Set.of(), Map.of(), "", List.of(), null, t, t.plusSeconds(30), 30_000).withRanking(r);
    }

    @Test
    void kendallWMatchesTheHandComputedValuesWithAndWithoutTies() {
        List<String> ids = List.of("r1", "r2", "r3", "r4");
        // Three judges, four responses. Rank sums 4, 6, 8, 12; mean m(n+1)/2 = 7.5; S = 12.25+2.25+0.25+20.25 = 35;
        // W = 12S / (m²(n³−n)) = 420 / 540 = 0.7778.
        assertThat(RankingQuality.kendallW(List.of(order("r1>r2>r3>r4"), order("r2>r1>r3>r4"), order("r1>r3>r2>r4")), ids))
                .isCloseTo(420.0 / 540.0, within(1e-12));
        // The third judge ties r2 and r3 (mid-rank 2.5 each): rank sums 4, 5.5, 8.5, 12; S = 12.25+4+1+20.25 = 37.5;
        // the tie gives Σ(t³−t) = 2³−2 = 6, so the denominator is m²(n³−n) − m·6 = 9·60 − 3·6 = 522;
        // W = 450 / 522 = 0.86207.
        assertThat(RankingQuality.kendallW(List.of(order("r1>r2>r3>r4"), order("r2>r1>r3>r4"), order("r1>r2=r3>r4")), ids))
                .isCloseTo(450.0 / 522.0, within(1e-12));
        // Perfect agreement is 1, two exactly reversed orders 0.
        assertThat(RankingQuality.kendallW(List.of(order("r1>r2>r3>r4"), order("r1>r2>r3>r4")), ids)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingQuality.kendallW(List.of(order("r1>r2>r3>r4"), order("r4>r3>r2>r1")), ids)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void alphaOrdinalIsComputedOverEachResponsesRank() {
        Item item = ranking("q1", "m-a", "m-b", "m-c");
        QualityInput in = new QualityInput(List.of(item),
                List.of(ranked(item, "ann", order("r1>r2>r3")), ranked(item, "bob", order("r1>r3>r2"))));
        RankingQuality.Result r = RankingQuality.of(in);
        // Worked by hand with Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", eq. for ordinal δ²:
        // units (r1: 1,1) (r2: 2,3) (r3: 3,2); n_1 = n_2 = n_3 = 2, n = 6; o_11 = 2 and o_23 = o_32 = 2 (units r2 and
        // r3 each give one 2–3 and one 3–2 pair). δ²_12 = δ²_23 = (2+2−2)² = 4, δ²_13 = (2+2+2−2)² = 16.
        // Σ o_ck δ² = 16, Σ n_c n_k δ² = 2·(16+64+16) = 192; α = 1 − (n−1)·16/192 = 1 − 80/192 = 7/12 = 0.583333.
        assertThat(r.alphaOrdinal()).isCloseTo(7.0 / 12.0, within(1e-9));
        assertThat(r.alphaUnits()).isEqualTo(3);
        // the same value from an independent implementation (DKPro Statistics, Meyer et al. 2014)
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        study.addItem(1, 1);
        study.addItem(2, 3);
        study.addItem(3, 2);
        assertThat(r.alphaOrdinal()).isCloseTo(new KrippendorffAlphaAgreement(study, new OrdinalDistanceFunction())
                .calculateAgreement(), within(1e-9));
        assertThat(r.rankingItems()).isEqualTo(1);
        assertThat(r.concordance()).singleElement().satisfies(c -> assertThat(c.w()).isCloseTo(0.75, within(1e-12)));
    }

    @Test
    void bradleyTerryPlaysTheImpliedPairsWithTiesAsHalfWins() {
        Item item = ranking("q1", "m-a", "m-b", "m-c");
        QualityInput in = new QualityInput(List.of(item), List.of(ranked(item, "ann", order("r1>r2=r3"))));
        List<String> models = BradleyTerry.models(in);
        assertThat(models).containsExactly("m-a", "m-b", "m-c");
        assertThat(BradleyTerry.games(in, models)).containsExactly(new BradleyTerry.Game(0, 1, 1.0),
                new BradleyTerry.Game(0, 2, 1.0), new BradleyTerry.Game(1, 2, 0.5));
        BradleyTerry.Leaderboard board = BradleyTerry.fit(models, BradleyTerry.games(in, models), 0, 1);
        assertThat(board.ratings().get(0).model()).isEqualTo("m-a");
        assertThat(board.ratings().get(1).score()).isCloseTo(board.ratings().get(2).score(), within(1e-6));
    }

    @Test
    void positionBiasIsTheMeanRankByShownPositionWithFriedmansTest() {
        List<Item> items = List.of(ranking("q1", "x", "y", "z"), ranking("q2", "x", "y", "z"), ranking("q3", "x", "y", "z"));
        List<Judgment> js = new ArrayList<>();
        // "first": whatever is shown first is ranked best, second next: ranks by position 1, 2, 3 in each block.
        js.add(ranked(items.get(0), "first", order("r1>r2>r3", "r1", "r2", "r3")));
        js.add(ranked(items.get(1), "first", order("r2>r3>r1", "r2", "r3", "r1")));
        js.add(ranked(items.get(2), "first", order("r3>r1>r2", "r3", "r1", "r2")));
        // "fair": a Latin square, every position gets every rank once.
        js.add(ranked(items.get(0), "fair", order("r1>r2>r3", "r1", "r2", "r3")));
        js.add(ranked(items.get(1), "fair", order("r1>r2>r3", "r2", "r3", "r1")));
        js.add(ranked(items.get(2), "fair", order("r1>r2>r3", "r3", "r1", "r2")));
        RankingQuality.Result r = RankingQuality.of(new QualityInput(items, js));
        RankingQuality.Position first = r.position().stream().filter(p -> p.annotator().equals("first")).findFirst().orElseThrow();
        assertThat(first.meanRank()).containsExactly(1.0, 2.0, 3.0);
        // Friedman by hand: b = 3, k = 3, rank sums 3, 6, 9: 12/(bk(k+1))·ΣR² − 3b(k+1) = 12/36·126 − 36 = 6;
        // χ² with 2 degrees of freedom: p = e^(−6/2) = 0.049787.
        assertThat(first.friedman()).isCloseTo(6.0, within(1e-9));
        assertThat(first.pValue()).isCloseTo(Math.exp(-3), within(1e-9));
        RankingQuality.Position fair = r.position().stream().filter(p -> p.annotator().equals("fair")).findFirst().orElseThrow();
        assertThat(fair.meanRank()).containsExactly(2.0, 2.0, 2.0);
        assertThat(fair.friedman()).isCloseTo(0.0, within(1e-9));
        assertThat(fair.pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(fair.flagged()).isFalse();
    }

    @Test
    void itemsWithAnUnclearConsensusOrderGoToAdjudicationAndIntoTheReport() {
        Item split = ranking("split", "m-a", "m-b", "m-c", "m-d");
        Item clear = ranking("clear", "m-a", "m-b", "m-c", "m-d");
        QualityInput in = new QualityInput(List.of(split, clear), List.of(
                ranked(split, "ann", order("r1>r2>r3>r4")), ranked(split, "bob", order("r4>r3>r2>r1")),
                ranked(clear, "ann", order("r1>r2>r3>r4")), ranked(clear, "bob", order("r1>r2>r4>r3"))));
        QualityReport report = QualityReport.build(in, new QualityReport.Options(2, 0.6, 50, 1));
        assertThat(report.adjudication()).singleElement().satisfies(e -> {
            assertThat(e.itemId()).isEqualTo("split");
            assertThat(e.reasons()).containsExactly("ranking agreement W 0.000 < 0.50");
            assertThat(e.labels()).extracting(AdjudicationQueue.Label::preference)
                    .containsExactly("r1 > r2 > r3 > r4", "r4 > r3 > r2 > r1");
        });
        JsonNode json = QualityReportJson.toNode(report).get("rankings");
        assertThat(json.get("items").asInt()).isEqualTo(2);
        assertThat(json.get("kendall_w")).hasSize(2);
        // clear: rank sums 2, 4, 7, 7, mean m(n+1)/2 = 5, S = 9+1+4+4 = 18, W = 12·18 / (4·60) = 0.9; split: W = 0
        assertThat(json.get("kendall_w").get(1).get("w").asDouble()).isCloseTo(0.9, within(1e-6));
        assertThat(json.get("mean_kendall_w").asDouble()).isCloseTo(0.45, within(1e-6));
        assertThat(report.leaderboard().ratings()).extracting(BradleyTerry.Rating::model).contains("m-a", "m-d");
        assertThat(QualityReportText.write(report)).contains("rankings: 4 on 2 items");
    }

    @Test
    void theConsensusOrderRanksByMeanRankAndIsWhatConsensusLabelsCarry() {
        Item item = ranking("q1", "m-a", "m-b", "m-c", "m-d");
        // mean mid-ranks: r1 (1+2+1)/3 = 1.33, r2 (2+1+2.5)/3 = 1.83, r3 (3+3+2.5)/3 = 2.83, r4 4
        List<Judgment> js = List.of(ranked(item, "ann", order("r1>r2>r3>r4")), ranked(item, "bob", order("r2>r1>r3>r4")),
                ranked(item, "cat", order("r1>r2=r3>r4")));
        assertThat(RankingQuality.consensusOrder(js.stream().map(Judgment::ranking).toList(), List.of("r1", "r2", "r3", "r4")).tiers())
                .containsExactly(List.of("r1"), List.of("r2"), List.of("r3"), List.of("r4"));
        // two exactly reversed orders: every response has mean rank 2.5, one tier
        assertThat(RankingQuality.consensusOrder(List.of(order("r1>r2>r3>r4"), order("r4>r3>r2>r1")), List.of("r1", "r2", "r3", "r4"))
                .tiers()).containsExactly(List.of("r1", "r2", "r3", "r4"));
        assertThat(new ConsensusLabels(2).label(List.of(item), js)).singleElement()
                .satisfies(v -> assertThat(RankingQuality.orderText(v.ranking())).isEqualTo("r1 > r2 > r3 > r4"));
    }
}

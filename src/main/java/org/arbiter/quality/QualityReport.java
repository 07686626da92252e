package org.arbiter.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.quality.Agreement.Metric;

/**
 * Everything the quality report says, computed from plain inputs (items and current judgments), so the
 * same report can come from a local store, the sync server or a test. Preference agreement is measured on
 * items × annotators: ordinal α on the score (−2 … 2), nominal α, Fleiss κ and percent agreement on the
 * direction (A / equal / B); see {@link Ratings} for ties and both-bad. Ranking items have their own
 * figures ({@link RankingQuality}); their implied pairs join the leaderboard and unclear orders the
 * adjudication queue.
 */
public record QualityReport(Instant generatedAt, int items, int judgments, int goldItems,
                            double alphaOrdinal, double alphaNominal, double fleissKappa, double percentAgreement,
                            int agreementUnits,
                            double stepAlpha, int stepUnits, double firstErrorAlpha, double firstErrorExactMatch,
                            int firstErrorUnits,
                            List<AnnotatorStats> annotators, List<BatchStats> batches,
                            BradleyTerry.Leaderboard leaderboard, List<Consensus> consensus,
                            FlipAudit.Result flips, List<AdjudicationQueue.Entry> adjudication, Options options,
                            EvidenceAgreement evidence, RankingQuality.Result rankings) {

    /**
     * @param minJudgments  judgments an item needs for a consensus
     * @param minConfidence consensus confidence below which an item goes to adjudication
     * @param replicates    bootstrap replicates for the leaderboard intervals
     */
    public record Options(int minJudgments, double minConfidence, int replicates, long seed) {
        public static Options defaults() {
            return new Options(Consensus.DEFAULT_MIN_JUDGMENTS, AdjudicationQueue.DEFAULT_MIN_CONFIDENCE,
                    BradleyTerry.REPLICATES, BradleyTerry.SEED);
        }
    }

    /**
     * @param alphaVsOthers     nominal α on direction, this annotator against the others' majority (see
     *                          {@link Ratings#versusOthers})
     * @param agreementVsOthers share of those units where the annotator's direction is the others' majority
     */
    public record AnnotatorStats(String name, int judgments, GoldScore.Result gold, PositionBias.Result position,
                                 SpeedAnomalies.Distribution speed, double alphaVsOthers, double agreementVsOthers,
                                 int unitsVsOthers, double stepAlphaVsOthers, double firstErrorAlphaVsOthers) {
    }

    public record BatchStats(String name, int items, int judgments, double alphaOrdinal, double alphaNominal,
                             double fleissKappa, double stepAlpha, double firstErrorAlpha) {
    }

    public static QualityReport build(QualityInput in, Options options) {
        List<String> annotators = in.annotators();
        Integer[][] ordinal = Ratings.perItem(in, annotators, Ratings::ordinal);
        Integer[][] direction = Ratings.perItem(in, annotators, Ratings::direction);
        Integer[][] steps = Ratings.steps(in, annotators);
        Integer[][] firstErrors = Ratings.firstErrors(in, annotators);

        Map<String, GoldScore.Result> gold = GoldScore.perAnnotator(in);
        Map<String, PositionBias.Result> bias = PositionBias.perAnnotator(in);
        Map<String, SpeedAnomalies.Distribution> speed = SpeedAnomalies.perAnnotator(in);
        List<AnnotatorStats> stats = new ArrayList<>();
        for (int c = 0; c < annotators.size(); c++) {
            String a = annotators.get(c);
            Integer[][] vs = Ratings.versusOthers(direction, c);
            int same = 0;
            for (Integer[] u : vs) if (u[0].equals(u[1])) same++;
            int n = (int) in.judgments().stream().filter(j -> j.annotator().equals(a)).count();
            stats.add(new AnnotatorStats(a, n, gold.get(a), bias.get(a), speed.get(a),
                    Agreement.krippendorffAlpha(vs, Metric.NOMINAL), vs.length == 0 ? Double.NaN : (double) same / vs.length,
                    vs.length, Agreement.krippendorffAlpha(Ratings.versusOthers(steps, c), Metric.NOMINAL),
                    Agreement.krippendorffAlpha(Ratings.versusOthers(firstErrors, c), Metric.NOMINAL)));
        }
        List<BatchStats> batches = new ArrayList<>();
        for (String b : in.batches()) {
            QualityInput sub = in.onlyBatch(b);
            Integer[][] bo = Ratings.perItem(sub, annotators, Ratings::ordinal);
            Integer[][] bd = Ratings.perItem(sub, annotators, Ratings::direction);
            batches.add(new BatchStats(b, sub.items().size(), sub.judgments().size(),
                    Agreement.krippendorffAlpha(bo, Metric.ORDINAL), Agreement.krippendorffAlpha(bd, Metric.NOMINAL),
                    Agreement.fleissKappa(bd),
                    Agreement.krippendorffAlpha(Ratings.steps(sub, annotators), Metric.NOMINAL),
                    Agreement.krippendorffAlpha(Ratings.firstErrors(sub, annotators), Metric.NOMINAL)));
        }
        List<String> models = BradleyTerry.models(in);
        BradleyTerry.Leaderboard board = BradleyTerry.fit(models, BradleyTerry.games(in, models), options.replicates(),
                options.seed());
        List<Consensus> consensus = Consensus.of(in, options.minJudgments());
        int goldItems = (int) in.items().stream().filter(GoldScore::isGold).count();
        RankingQuality.Result rankings = RankingQuality.of(in);
        List<AdjudicationQueue.Entry> adjudication = new ArrayList<>(AdjudicationQueue.of(in, consensus, options.minConfidence()));
        for (AdjudicationQueue.Entry e : RankingQuality.adjudication(in, rankings, RankingQuality.DEFAULT_MIN_W)) {
            boolean listed = adjudication.stream().anyMatch(x -> x.itemId().equals(e.itemId()) && x.batch().equals(e.batch()));
            if (!listed) adjudication.add(e);
        }
        return new QualityReport(Instant.now(), in.items().size(), in.judgments().size(), goldItems,
                Agreement.krippendorffAlpha(ordinal, Metric.ORDINAL), Agreement.krippendorffAlpha(direction, Metric.NOMINAL),
                Agreement.fleissKappa(direction), Agreement.percentAgreement(direction), Agreement.pairableUnits(direction),
                Agreement.krippendorffAlpha(steps, Metric.NOMINAL), Agreement.pairableUnits(steps),
                Agreement.krippendorffAlpha(firstErrors, Metric.NOMINAL), Agreement.percentAgreement(firstErrors),
                Agreement.pairableUnits(firstErrors), stats, batches, board, consensus, FlipAudit.of(consensus),
                List.copyOf(adjudication), options, EvidenceAgreement.of(in), rankings);
    }
}

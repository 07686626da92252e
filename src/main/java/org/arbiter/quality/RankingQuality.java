package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.quality.Agreement.Metric;

/**
 * Quality figures for ranking items (three or more responses), from the current judgments that carry a
 * ranking covering the item's responses:
 * <ul>
 *   <li>Krippendorff's α, ordinal metric, with one unit per (item, response) and each annotator's value the
 *       response's rank (its tier, 1 = best; tied responses share a rank);</li>
 *   <li>Kendall's W per item with two or more rankings, ties as mid-ranks and the usual tie correction
 *       W = 12S / (m²(n³−n) − m·Σ(t³−t)) (Kendall &amp; Babington Smith 1939; Siegel &amp; Castellan 1988, §9.4);</li>
 *   <li>position bias: per annotator and item size k, the mean rank given to the response shown at each
 *       position, with Friedman's test (tie-corrected, χ² with k−1 degrees of freedom) that every position
 *       gets the same ranks, flagged when p &lt; {@link PositionBias#ALPHA};</li>
 *   <li>adjudication: items whose consensus order is unclear, W below {@link #DEFAULT_MIN_W}.</li>
 * </ul>
 * Bradley–Terry over rankings is in {@link BradleyTerry} (the implied pairs, ties half wins).
 */
public final class RankingQuality {
    public static final double DEFAULT_MIN_W = 0.5;

    /** Kendall's W of one item over {@code rankings} annotators; NaN when every ranking ties everything. */
    public record ItemConcordance(String itemId, String batch, int rankings, int responses, double w) {
    }

    /**
     * One annotator's ranks by shown position over their rankings of items of {@code responses} responses.
     *
     * @param meanRank mean mid-rank given to the response shown first, second, ... (1 = best)
     */
    public record Position(String annotator, int responses, int judgments, List<Double> meanRank,
                           double friedman, double pValue, boolean flagged) {
    }

    public record Result(int rankingItems, int rankings, double alphaOrdinal, int alphaUnits, double meanW,
                         List<ItemConcordance> concordance, List<Position> position) {
        public boolean isEmpty() {
            return rankings == 0;
        }
    }

    private RankingQuality() {
    }

    public static Result of(QualityInput in) {
        List<String> annotators = in.annotators();
        List<Integer[]> units = new ArrayList<>();
        List<ItemConcordance> concordance = new ArrayList<>();
        int rankingItems = 0;
        int rankings = 0;
        for (Item item : in.items()) {
            if (!item.isRanking()) continue;
            List<Judgment> ranked = rankingsOf(in, item);
            if (ranked.isEmpty()) continue;
            rankingItems++;
            rankings += ranked.size();
            for (Response r : item.responses()) {
                Integer[] unit = new Integer[annotators.size()];
                for (Judgment j : ranked) unit[annotators.indexOf(j.annotator())] = j.ranking().rankOf(r.id());
                units.add(unit);
            }
            if (ranked.size() >= 2) {
                List<Ranking> orders = ranked.stream().map(Judgment::ranking).toList();
                concordance.add(new ItemConcordance(item.id(), item.batch(), ranked.size(), item.responses().size(),
                        kendallW(orders, item.responses().stream().map(Response::id).toList())));
            }
        }
        Integer[][] matrix = units.toArray(new Integer[0][]);
        double sum = 0;
        int n = 0;
        for (ItemConcordance c : concordance) {
            if (Double.isNaN(c.w())) continue;
            sum += c.w();
            n++;
        }
        return new Result(rankingItems, rankings, Agreement.krippendorffAlpha(matrix, Metric.ORDINAL),
                Agreement.pairableUnits(matrix), n == 0 ? Double.NaN : sum / n, concordance, position(in));
    }

    /** The item's current judgments with a ranking over exactly its responses. */
    static List<Judgment> rankingsOf(QualityInput in, Item item) {
        List<String> ids = item.responses().stream().map(Response::id).toList();
        return in.judgmentsOf(item).stream().filter(j -> j.ranking() != null && j.ranking().covers(ids)).toList();
    }

    /** Mid-ranks (1 = best): a tier of t responses after p better ones all get p + (t+1)/2. */
    public static Map<String, Double> midRanks(Ranking r) {
        Map<String, Double> out = new LinkedHashMap<>();
        int before = 0;
        for (List<String> tier : r.tiers()) {
            double mid = before + (tier.size() + 1) / 2.0;
            for (String id : tier) out.put(id, mid);
            before += tier.size();
        }
        return out;
    }

    /**
     * The consensus order of several rankings: responses by mean mid-rank, best first; equal means (to 1e-9)
     * share a tier. Whether the order is worth trusting is Kendall's W, not this.
     */
    public static Ranking consensusOrder(List<Ranking> rankings, List<String> responses) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String id : responses) mean.put(id, 0.0);
        for (Ranking r : rankings) midRanks(r).forEach((id, v) -> mean.computeIfPresent(id, (k, s) -> s + v));
        List<String> sorted = new ArrayList<>(responses);
        sorted.sort((x, y) -> Double.compare(mean.get(x), mean.get(y)));
        List<List<String>> tiers = new ArrayList<>();
        double last = Double.NaN;
        for (String id : sorted) {
            double m = mean.get(id);
            if (tiers.isEmpty() || Math.abs(m - last) > 1e-9) tiers.add(new ArrayList<>());
            tiers.get(tiers.size() - 1).add(id);
            last = m;
        }
        return new Ranking(tiers, List.of());
    }

    /** Kendall's coefficient of concordance with the tie correction, over {@code responses}. */
    public static double kendallW(List<Ranking> rankings, List<String> responses) {
        int m = rankings.size();
        int n = responses.size();
        double[] sums = new double[n];
        double ties = 0;
        for (Ranking r : rankings) {
            Map<String, Double> mid = midRanks(r);
            for (int i = 0; i < n; i++) sums[i] += mid.get(responses.get(i));
            for (List<String> tier : r.tiers()) {
                double t = tier.size();
                ties += t * t * t - t;
            }
        }
        double mean = m * (n + 1) / 2.0;
        double s = 0;
        for (double v : sums) s += (v - mean) * (v - mean);
        double denominator = (double) m * m * ((double) n * n * n - n) - m * ties;
        return denominator <= 0 ? Double.NaN : 12 * s / denominator;
    }

    /**
     * Friedman's statistic with ties over blocks of mid-ranks (rows: judgments, columns: shown positions):
     * T = (k−1)(Σ R_j² − b²k(k+1)²/4) / (Σ r_ij² − bk(k+1)²/4) (Conover, Practical Nonparametric Statistics,
     * 3rd ed., §5.8). NaN when every block is one tie.
     */
    public static double friedman(List<double[]> blocks, int k) {
        int b = blocks.size();
        double[] r = new double[k];
        double a = 0;
        for (double[] block : blocks) {
            for (int j = 0; j < k; j++) {
                r[j] += block[j];
                a += block[j] * block[j];
            }
        }
        double c = b * k * (k + 1) * (k + 1) / 4.0;
        double sumSq = 0;
        for (double v : r) sumSq += v * v;
        double denom = a - c;
        if (denom <= 1e-12) return Double.NaN;
        return (k - 1) * (sumSq - b * c) / denom;
    }

    /** Upper-tail p of a Friedman statistic: χ² with k−1 degrees of freedom; 1 for NaN. */
    public static double friedmanP(double statistic, int k) {
        if (Double.isNaN(statistic) || k < 2) return 1.0;
        return ChiSquaredDistribution.of(k - 1).survivalProbability(statistic);
    }

    private static List<Position> position(QualityInput in) {
        // annotator -> k -> blocks of mid-ranks by shown position
        Map<String, TreeMap<Integer, List<double[]>>> blocks = new LinkedHashMap<>();
        for (String a : in.annotators()) blocks.put(a, new TreeMap<>());
        for (Item item : in.items()) {
            if (!item.isRanking()) continue;
            List<String> ids = item.responses().stream().map(Response::id).toList();
            for (Judgment j : rankingsOf(in, item)) {
                List<String> shown = j.ranking().shownOrder();
                if (shown.size() != ids.size() || !j.ranking().covers(shown)) continue;
                Map<String, Double> mid = midRanks(j.ranking());
                double[] block = new double[shown.size()];
                for (int p = 0; p < shown.size(); p++) block[p] = mid.get(shown.get(p));
                blocks.get(j.annotator()).computeIfAbsent(shown.size(), x -> new ArrayList<>()).add(block);
            }
        }
        List<Position> out = new ArrayList<>();
        blocks.forEach((annotator, byK) -> byK.forEach((k, bs) -> {
            List<Double> mean = new ArrayList<>();
            for (int p = 0; p < k; p++) {
                double s = 0;
                for (double[] b : bs) s += b[p];
                mean.add(s / bs.size());
            }
            double t = friedman(bs, k);
            double p = friedmanP(t, k);
            out.add(new Position(annotator, k, bs.size(), mean, t, p, p < PositionBias.ALPHA));
        }));
        return out;
    }

    /**
     * Ranking items to adjudicate: two or more rankings whose W is below {@code minW} (or undefined, every
     * ranking a single tie). Each entry shows every annotator's order.
     */
    public static List<AdjudicationQueue.Entry> adjudication(QualityInput in, Result result, double minW) {
        List<AdjudicationQueue.Entry> out = new ArrayList<>();
        for (ItemConcordance c : result.concordance()) {
            if (!Double.isNaN(c.w()) && c.w() >= minW) continue;
            Item item = in.items().stream().filter(i -> i.id().equals(c.itemId()) && i.batch().equals(c.batch()))
                    .findFirst().orElseThrow();
            List<AdjudicationQueue.Label> labels = new ArrayList<>();
            for (Judgment j : rankingsOf(in, item)) {
                labels.add(new AdjudicationQueue.Label(j.annotator(), orderText(j.ranking()),
                        j.flags().stream().map(f -> f.wire()).sorted().toList(), Map.of()));
            }
            String reason = Double.isNaN(c.w()) ? "ranking agreement W undefined (every ranking one tie)"
                    : String.format(Locale.ROOT, "ranking agreement W %.3f < %.2f", c.w(), minW);
            out.add(new AdjudicationQueue.Entry(c.itemId(), c.batch(), List.of(reason), Double.isNaN(c.w()) ? 0 : c.w(), labels));
        }
        return out;
    }

    /** "r2 > r1 = r3": best first, ties joined by "=". */
    public static String orderText(Ranking r) {
        List<String> tiers = new ArrayList<>();
        for (List<String> tier : r.tiers()) tiers.add(String.join(" = ", tier));
        return String.join(" > ", tiers);
    }
}

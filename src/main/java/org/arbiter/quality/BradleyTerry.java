package org.arbiter.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;

/**
 * A leaderboard of models from pairwise judgments: Bradley–Terry strengths fitted with Hunter's (2004) MM
 * algorithm, P(i beats j) = p_i / (p_i + p_j). A tie (A=B) is half a win for each side; the strength of the
 * preference (A>B vs A>>B) is not used. Every judgment counts, so an item judged by three experts weighs
 * three times; a ranking counts as the pairs it implies (see {@link #games}).
 *
 * <p>Scores are on an Elo-like scale: 1000 + 400·log10(p_i / geometric mean of p), so 400 points apart means
 * odds of 10:1. So that a model that never won (or never lost) keeps a finite score, each model also plays one
 * virtual game, drawn, against a reference of strength 1 (the geometric mean) — a weak prior that vanishes
 * as judgments accumulate.
 *
 * <p>95% intervals: percentile bootstrap over judgments (resampled with replacement, {@link #REPLICATES}
 * replicates, fixed seed, so the report is reproducible). A pair of models differs significantly when the
 * two-sided bootstrap p-value of their score difference, 2·min(share ≤ 0, share ≥ 0) with a +1 correction,
 * is below {@link #SIGNIFICANCE}.
 */
public final class BradleyTerry {
    public static final int REPLICATES = 1000;
    public static final long SEED = 20240601L;
    public static final double SIGNIFICANCE = 0.01;

    /** One comparison: scoreA is 1 (A won), 0.5 (tie) or 0 (B won). */
    public record Game(int a, int b, double scoreA) {
    }

    public record Rating(String model, double score, double ciLow, double ciHigh, int games) {
    }

    public record Pair(String better, String worse, double difference, double pValue) {
    }

    public record Leaderboard(List<Rating> ratings, List<Pair> significantPairs) {
    }

    private BradleyTerry() {
    }

    /**
     * The games in the judgments: pair items whose two responses name different models, and from a ranking
     * every pair of its responses with different models (the better rank wins, a tie is half a win each), so
     * a ranking of k responses plays k(k−1)/2 games.
     */
    public static List<Game> games(QualityInput in, List<String> models) {
        List<Game> games = new ArrayList<>();
        forEachComparison(in, (ma, mb, s) -> games.add(new Game(models.indexOf(ma), models.indexOf(mb), s)));
        return games;
    }

    public static List<String> models(QualityInput in) {
        TreeSet<String> models = new TreeSet<>();
        forEachComparison(in, (ma, mb, s) -> {
            models.add(ma);
            models.add(mb);
        });
        return new ArrayList<>(models);
    }

    private interface Comparison {
        void accept(String modelA, String modelB, double scoreA);
    }

    private static void forEachComparison(QualityInput in, Comparison sink) {
        for (Judgment j : in.judgments()) {
            Item item = in.item(j);
            if (item == null) continue;
            if (j.ranking() != null) {
                List<Response> rs = item.responses();
                for (int x = 0; x < rs.size(); x++) {
                    for (int y = x + 1; y < rs.size(); y++) {
                        String ma = rs.get(x).model();
                        String mb = rs.get(y).model();
                        int ra = j.ranking().rankOf(rs.get(x).id());
                        int rb = j.ranking().rankOf(rs.get(y).id());
                        if (ma == null || mb == null || ma.equals(mb) || ra < 0 || rb < 0) continue;
                        sink.accept(ma, mb, ra < rb ? 1.0 : ra == rb ? 0.5 : 0.0);
                    }
                }
                continue;
            }
            if (!item.isPair() || j.preference() == null) continue;
            String ma = item.a().model();
            String mb = item.b().map(Response::model).orElse(null);
            if (ma == null || mb == null || ma.equals(mb)) continue;
            double s = switch (j.preference().direction()) {
                case -1 -> 1.0;
                case 0 -> 0.5;
                default -> 0.0;
            };
            sink.accept(ma, mb, s);
        }
    }

    public static Leaderboard fit(QualityInput in) {
        List<String> models = models(in);
        return fit(models, games(in, models), REPLICATES, SEED);
    }

    public static Leaderboard fit(List<String> models, List<Game> games, int replicates, long seed) {
        int m = models.size();
        double[] point = scores(m, games);
        double[][] boot = new double[replicates][];
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = games.size();
        // A lab has a million games but only a few distinct ones (model pair and score): each replicate counts
        // how often it drew each distinct game, then adds them once each. The draws are the same as one add per
        // draw, and so are the sums: counts and scores of 1, 0.5 and 0 add exactly in any order.
        Map<Game, Integer> distinct = new HashMap<>();
        int[] kindOf = new int[n];
        for (int i = 0; i < n; i++) kindOf[i] = distinct.computeIfAbsent(games.get(i), g -> distinct.size());
        Game[] kinds = new Game[distinct.size()];
        distinct.forEach((g, k) -> kinds[k] = g);
        int[] drawn = new int[kinds.length];
        for (int r = 0; r < replicates; r++) {
            double[][] played = new double[m][m];
            double[] wins = new double[m];
            Arrays.fill(drawn, 0);
            for (int i = 0; i < n; i++) drawn[kindOf[rnd.nextInt(n)]]++;
            for (int k = 0; k < kinds.length; k++) if (drawn[k] > 0) add(kinds[k], drawn[k], played, wins);
            boot[r] = scores(strengths(played, wins));
        }
        int[] played = new int[m];
        for (Game g : games) {
            played[g.a()]++;
            played[g.b()]++;
        }
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            double[] col = new double[replicates];
            for (int r = 0; r < replicates; r++) col[r] = boot[r][i];
            Arrays.sort(col);
            double lo = replicates == 0 ? point[i] : quantile(col, 0.025);
            double hi = replicates == 0 ? point[i] : quantile(col, 0.975);
            ratings.add(new Rating(models.get(i), point[i], lo, hi, played[i]));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (replicates == 0) continue;
                int le = 0;
                int ge = 0;
                for (double[] b : boot) {
                    double d = b[i] - b[j];
                    if (d <= 0) le++;
                    if (d >= 0) ge++;
                }
                double p = Math.min(1.0, 2.0 * (Math.min(le, ge) + 1) / (replicates + 1));
                if (p < SIGNIFICANCE) {
                    boolean iBetter = point[i] >= point[j];
                    pairs.add(new Pair(models.get(iBetter ? i : j), models.get(iBetter ? j : i),
                            Math.abs(point[i] - point[j]), p));
                }
            }
        }
        ratings.sort((x, y) -> Double.compare(y.score(), x.score()));
        pairs.sort((x, y) -> Double.compare(y.difference(), x.difference()));
        return new Leaderboard(ratings, pairs);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** Elo-like scores from the MM fit. */
    static double[] scores(int m, List<Game> games) {
        double[][] played = new double[m][m];
        double[] wins = new double[m];
        for (Game g : games) add(g, played, wins);
        return scores(strengths(played, wins));
    }

    private static double[] scores(double[] p) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) s[i] = 1000 + 400 * Math.log10(p[i]);
        return s;
    }

    private static void add(Game g, int times, double[][] played, double[] wins) {
        played[g.a()][g.b()] += times;
        played[g.b()][g.a()] += times;
        wins[g.a()] += times * g.scoreA();
        wins[g.b()] += times * (1 - g.scoreA());
    }

    private static void add(Game g, double[][] played, double[] wins) {
        played[g.a()][g.b()]++;
        played[g.b()][g.a()]++;
        wins[g.a()] += g.scoreA();
        wins[g.b()] += 1 - g.scoreA();
    }

    /**
     * Hunter's MM update p_i ← W_i / Σ_j n_ij / (p_i + p_j), with the drawn virtual game against the reference
     * included in W_i (+0.5) and n (+1). Strengths are rescaled to geometric mean 1 after every sweep, so the
     * reference is always the average model; pinning the scale this way also makes the iteration converge in
     * tens of sweeps instead of crawling along the scale a single virtual game barely fixes.
     */
    static double[] strengths(double[][] n, double[] wins) {
        int m = wins.length;
        double[] p = new double[m];
        Arrays.fill(p, 1.0);
        for (int iter = 0; iter < 10_000; iter++) {
            double[] next = new double[m];
            for (int i = 0; i < m; i++) {
                double denom = 1.0 / (p[i] + 1.0);
                for (int j = 0; j < m; j++) if (n[i][j] > 0) denom += n[i][j] / (p[i] + p[j]);
                next[i] = (wins[i] + 0.5) / denom;
            }
            double logMean = 0;
            for (double v : next) logMean += Math.log(v);
            double scale = Math.exp(-logMean / Math.max(1, m));
            double change = 0;
            for (int i = 0; i < m; i++) {
                next[i] *= scale;
                change = Math.max(change, Math.abs(next[i] / p[i] - 1));
            }
            p = next;
            if (change < 1e-9) break; // relative: 1e-9 is a millionth of a score point
        }
        return p;
    }
}

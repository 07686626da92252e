package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BradleyTerryTest {
    static final List<String> MODELS = List.of("w", "x", "y", "z");
    static final double[] TRUE_SCORES = {1250, 1050, 950, 750}; // mean 1000: same scale as the fit

    static List<BradleyTerry.Game> games(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<BradleyTerry.Game> games = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = rnd.nextInt(4);
            int j = (i + 1 + rnd.nextInt(3)) % 4;
            double pI = 1 / (1 + Math.pow(10, (TRUE_SCORES[j] - TRUE_SCORES[i]) / 400));
            double u = rnd.nextDouble();
            // 10% ties (half a win each); the decisive games are tilted so that i's expected score is still pI.
            double s = u < 0.1 ? 0.5 : rnd.nextDouble() < (pI - 0.05) / 0.9 ? 1 : 0;
            games.add(new BradleyTerry.Game(i, j, s));
        }
        return games;
    }

    @Test
    void recoversTheOrderOfKnownStrengthsWithIntervalsAroundTheTruth() {
        int covered = 0;
        int total = 0;
        for (long seed = 1; seed <= 5; seed++) {
            BradleyTerry.Leaderboard board = BradleyTerry.fit(MODELS, games(1500, seed), 300, seed);
            assertThat(board.ratings()).extracting(BradleyTerry.Rating::model).containsExactly("w", "x", "y", "z");
            for (BradleyTerry.Rating r : board.ratings()) {
                double truth = TRUE_SCORES[MODELS.indexOf(r.model())];
                assertThat(r.ciLow()).isLessThan(r.score());
                assertThat(r.ciHigh()).isGreaterThan(r.score());
                total++;
                if (r.ciLow() <= truth && truth <= r.ciHigh()) covered++;
            }
            // 200 points apart with 1500 games: the extreme pairs are clearly significant.
            assertThat(board.significantPairs()).anySatisfy(p -> {
                assertThat(p.better()).isEqualTo("w");
                assertThat(p.worse()).isEqualTo("z");
            });
        }
        assertThat(covered).as("95%% intervals containing the true score, of %d", total).isGreaterThanOrEqualTo(16);
    }

    @Test
    void equalModelsAreNotSignificantlyDifferent() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<BradleyTerry.Game> games = new ArrayList<>();
        for (int k = 0; k < 400; k++) games.add(new BradleyTerry.Game(0, 1, rnd.nextBoolean() ? 1 : 0));
        BradleyTerry.Leaderboard board = BradleyTerry.fit(List.of("p", "q"), games, 500, 1);
        assertThat(board.significantPairs()).isEmpty();
    }

    @Test
    void aModelThatNeverWinsKeepsAFiniteScore() {
        List<BradleyTerry.Game> games = new ArrayList<>();
        for (int k = 0; k < 10; k++) games.add(new BradleyTerry.Game(0, 1, 1));
        BradleyTerry.Leaderboard board = BradleyTerry.fit(List.of("p", "q"), games, 100, 1);
        assertThat(board.ratings()).allSatisfy(r -> assertThat(r.score()).isFinite());
        assertThat(board.ratings().get(0).model()).isEqualTo("p");
    }

    @Test
    void leaderboardFromJudgmentsOrdersTheSyntheticModels() {
        Synthetic.Study s = Synthetic.study(300, 9);
        // Only the honest experts: lefty and randy carry no model signal.
        QualityInput honest = new QualityInput(s.items(),
                s.judgments().stream().filter(j -> j.annotator().equals("alice") || j.annotator().equals("bob")).toList());
        BradleyTerry.Leaderboard board = BradleyTerry.fit(honest);
        assertThat(board.ratings()).extracting(BradleyTerry.Rating::model)
                .containsExactly("m-strong", "m-good", "m-mid", "m-weak");
        Map<String, Double> truth = s.truth();
        assertThat(truth).containsKey("m-strong");
    }

    /** The bootstrap counts each distinct game once per replicate; its intervals are those of one add per draw. */
    @Test
    void intervalsAreExactlyThoseOfResamplingEveryGame() {
        List<BradleyTerry.Game> games = games(2000, 7);
        int replicates = 200;
        long seed = 11;
        BradleyTerry.Leaderboard board = BradleyTerry.fit(MODELS, games, replicates, seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] boot = new double[replicates][];
        for (int r = 0; r < replicates; r++) {
            List<BradleyTerry.Game> drawn = new ArrayList<>();
            for (int k = 0; k < games.size(); k++) drawn.add(games.get(rnd.nextInt(games.size())));
            boot[r] = BradleyTerry.scores(MODELS.size(), drawn);
        }
        for (BradleyTerry.Rating rating : board.ratings()) {
            int i = MODELS.indexOf(rating.model());
            double[] col = new double[replicates];
            for (int r = 0; r < replicates; r++) col[r] = boot[r][i];
            java.util.Arrays.sort(col);
            double pos = 0.025 * (replicates - 1);
            int lo = (int) Math.floor(pos);
            assertThat(rating.ciLow()).isEqualTo(col[lo] + (col[lo + 1] - col[lo]) * (pos - lo));
            pos = 0.975 * (replicates - 1);
            lo = (int) Math.floor(pos);
            assertThat(rating.ciHigh()).isEqualTo(col[lo] + (col[lo + 1] - col[lo]) * (pos - lo));
        }
    }
}

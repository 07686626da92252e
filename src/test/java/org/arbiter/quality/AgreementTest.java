package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.arbiter.quality.Agreement.Metric;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.junit.jupiter.api.Test;

class AgreementTest {
    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
     * values 1–5, with missing values. Published α: nominal 0.743, ordinal 0.815, interval 0.849.
     */
    static final Integer[][] KRIPPENDORFF_2011 = transpose(new Integer[][] {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    });

    static Integer[][] transpose(Integer[][] coderRows) {
        Integer[][] units = new Integer[coderRows[0].length][coderRows.length];
        for (int c = 0; c < coderRows.length; c++) for (int u = 0; u < coderRows[c].length; u++) units[u][c] = coderRows[c][u];
        return units;
    }

    @Test
    void krippendorffsPublishedExampleGivesHisThreeAlphas() {
        assertThat(Agreement.krippendorffAlpha(KRIPPENDORFF_2011, Metric.NOMINAL)).isCloseTo(0.743, within(0.0005));
        assertThat(Agreement.krippendorffAlpha(KRIPPENDORFF_2011, Metric.ORDINAL)).isCloseTo(0.815, within(0.0005));
        assertThat(Agreement.krippendorffAlpha(KRIPPENDORFF_2011, Metric.INTERVAL)).isCloseTo(0.849, within(0.0005));
        // Unit 12 has a single value and is not pairable: 11 units count.
        assertThat(Agreement.pairableUnits(KRIPPENDORFF_2011)).isEqualTo(11);
    }

    @Test
    void perfectAgreementIsOneAndAConstantColumnIsUndefined() {
        Integer[][] same = {{1, 1, 1}, {2, 2, 2}, {0, 0, 0}};
        assertThat(Agreement.krippendorffAlpha(same, Metric.NOMINAL)).isEqualTo(1.0);
        assertThat(Agreement.fleissKappa(same)).isCloseTo(1.0, within(1e-12));
        assertThat(Agreement.percentAgreement(same)).isEqualTo(1.0);
        Integer[][] constant = {{1, 1}, {1, 1}};
        assertThat(Agreement.krippendorffAlpha(constant, Metric.NOMINAL)).isNaN();
        assertThat(Agreement.fleissKappa(constant)).isNaN();
    }

    @Test
    void fleissKappaWithUnequalRaterCountsUsesTheGeneralisedForm() {
        // Per-unit agreement 1, 1/3, 1 (mean 7/9); category shares 3/7 and 4/7, so P_e = 25/49.
        Integer[][] data = {{1, 1, null}, {1, 2, 2}, {2, 2, null}, {3, null, null}};
        double expected = (7.0 / 9 - 25.0 / 49) / (1 - 25.0 / 49);
        assertThat(Agreement.fleissKappa(data)).isCloseTo(expected, within(1e-12));
        assertThat(Agreement.percentAgreement(data)).isCloseTo(7.0 / 9, within(1e-12));
    }

    /** Random 5-point data from coders who agree often but not always, with some missing values. */
    static Integer[][] randomStudy(SplittableRandom rnd, int units, int coders, double missing) {
        Integer[][] data = new Integer[units][coders];
        for (int u = 0; u < units; u++) {
            int truth = rnd.nextInt(-2, 3);
            for (int c = 0; c < coders; c++) {
                if (rnd.nextDouble() < missing) continue;
                double r = rnd.nextDouble();
                int v = r < 0.55 ? truth : r < 0.85 ? truth + (rnd.nextBoolean() ? 1 : -1) : rnd.nextInt(-2, 3);
                data[u][c] = Math.max(-2, Math.min(2, v));
            }
        }
        return data;
    }

    static CodingAnnotationStudy study(Integer[][] data, int coders) {
        CodingAnnotationStudy s = new CodingAnnotationStudy(coders);
        for (Integer[] unit : data) s.addItemAsArray(unit.clone());
        return s;
    }

    @Test
    void alphaMatchesDkproOnRandomDataWithMissingValues() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int coders = 2 + rnd.nextInt(5);
            Integer[][] data = randomStudy(rnd, 30 + rnd.nextInt(100), coders, 0.25);
            // dkpro counts only units with >= 2 values; keep the study to those so both see the same units.
            data = java.util.Arrays.stream(data).filter(u -> java.util.Arrays.stream(u).filter(v -> v != null).count() >= 2)
                    .toArray(Integer[][]::new);
            CodingAnnotationStudy s = study(data, coders);
            assertThat(Agreement.krippendorffAlpha(data, Metric.NOMINAL))
                    .isCloseTo(new KrippendorffAlphaAgreement(s, new NominalDistanceFunction()).calculateAgreement(), within(1e-9));
            assertThat(Agreement.krippendorffAlpha(data, Metric.ORDINAL))
                    .isCloseTo(new KrippendorffAlphaAgreement(s, new OrdinalDistanceFunction()).calculateAgreement(), within(1e-9));
            assertThat(Agreement.krippendorffAlpha(data, Metric.INTERVAL))
                    .isCloseTo(new KrippendorffAlphaAgreement(s, new IntervalDistanceFunction()).calculateAgreement(), within(1e-9));
        }
    }

    @Test
    void fleissKappaAndPercentAgreementMatchDkproOnCompleteData() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            int coders = 2 + rnd.nextInt(5);
            Integer[][] data = randomStudy(rnd, 20 + rnd.nextInt(100), coders, 0.0);
            CodingAnnotationStudy s = study(data, coders);
            assertThat(Agreement.fleissKappa(data))
                    .isCloseTo(new FleissKappaAgreement(s).calculateAgreement(), within(1e-9));
            assertThat(Agreement.percentAgreement(data))
                    .isCloseTo(new PercentageAgreement(s).calculateAgreement(), within(1e-9));
        }
    }
}

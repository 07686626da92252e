package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PositionBiasTest {
    @Test
    void exactBinomialPValuesMatchKnownValues() {
        // 60 of 100: two-sided exact p = 0.056887 (R: binom.test(60, 100)$p.value).
        assertThat(PositionBias.twoSidedP(100, 60)).isCloseTo(0.0568879, within(1e-6));
        // 9 of 10: 22/1024 = 0.021484375.
        assertThat(PositionBias.twoSidedP(10, 9)).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(PositionBias.twoSidedP(10, 5)).isCloseTo(1.0, within(1e-12));
        assertThat(PositionBias.twoSidedP(20, 20)).isCloseTo(2.0 / (1 << 20), within(1e-15));
    }

    @Test
    void pValuesAgreeWithExactRationalArithmetic() {
        for (int n : new int[] {1, 7, 50, 333, 1000}) {
            for (int k = 0; k <= n; k += Math.max(1, n / 17)) {
                int hi = Math.max(k, n - k);
                java.math.BigInteger tail = java.math.BigInteger.ZERO;
                java.math.BigInteger c = java.math.BigInteger.ONE; // C(n, 0)
                for (int i = 0; i <= n; i++) {
                    if (i >= hi) tail = tail.add(c);
                    c = c.multiply(java.math.BigInteger.valueOf(n - i)).divide(java.math.BigInteger.valueOf(i + 1));
                }
                double exact = Math.min(1.0, new java.math.BigDecimal(tail.shiftLeft(1))
                        .divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(n)), java.math.MathContext.DECIMAL64)
                        .doubleValue());
                assertThat(PositionBias.twoSidedP(n, k)).as("n=%d k=%d", n, k).isCloseTo(exact, within(exact * 1e-9 + 1e-300));
            }
        }
    }

    @Test
    void anAnnotatorWhoAlwaysPicksTheLeftSideIsFlaggedAndARandomOneIsNot() {
        Map<String, PositionBias.Result> bias = PositionBias.perAnnotator(Synthetic.study(60, 3).input());
        assertThat(bias.get("lefty").leftRate()).isEqualTo(1.0);
        assertThat(bias.get("lefty").flagged()).isTrue();
        assertThat(bias.get("lefty").pValue()).isLessThan(1e-10);
        assertThat(bias.get("randy").flagged()).isFalse();
        assertThat(bias.get("alice").flagged()).isFalse();
        assertThat(bias.get("bob").flagged()).isFalse();
        // randy's ties (A=B) are not counted: fewer judgments than items.
        assertThat(bias.get("randy").judgments()).isLessThan(120);
    }
}

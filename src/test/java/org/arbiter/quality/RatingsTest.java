package org.arbiter.quality;

import static org.arbiter.quality.Synthetic.judge;
import static org.arbiter.quality.Synthetic.pair;
import static org.arbiter.quality.Synthetic.steps;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.junit.jupiter.api.Test;

class RatingsTest {
    final Item item = pair("i", "b", "m1", "m2");

    @Test
    void bothBadCountsAsItsPreferenceAndWithoutOneIsLeftOut() {
        assertThat(Ratings.ordinal(judge(item, "e", Preference.B_MUCH_BETTER, "a", 1, Set.of(Flag.BOTH_BAD), List.of()))).isEqualTo(2);
        assertThat(Ratings.direction(judge(item, "e", Preference.A_BETTER, "a", 1, Set.of(Flag.BOTH_BAD), List.of()))).isEqualTo(-1);
        assertThat(Ratings.direction(judge(item, "e", null, "a", 1, Set.of(Flag.BOTH_BAD), List.of()))).isNull();
        // A=B is the middle category of its own.
        assertThat(Ratings.direction(judge(item, "e", Preference.TIE, "a", 1))).isZero();
    }

    @Test
    void firstErrorIsTheFirstMinusOneOrNoneAndNullWhenNothingWasRated() {
        assertThat(Ratings.firstError(judge(item, "e", null, null, 1, Set.of(), steps("a", 1, 0, -1, -1)), "a")).isEqualTo(2);
        assertThat(Ratings.firstError(judge(item, "e", null, null, 1, Set.of(), steps("a", 1, 0, 1)), "a")).isEqualTo(Ratings.NO_ERROR);
        assertThat(Ratings.firstError(judge(item, "e", null, null, 1, Set.of(), steps("a", 1, 0, 1)), "b")).isNull();
    }

    @Test
    void versusOthersPairsTheAnnotatorWithTheOthersMajorityAndDropsEvenSplits() {
        Integer[][] m = {
                {1, 1, 1, -1},     // others' majority 1
                {-1, 1, -1, 1},    // others 1, −1, 1: majority 1
                {0, 1, -1, null},  // others split 1–1: no majority, dropped
                {null, 1, 1, 1},   // not rated by the annotator
        };
        Integer[][] vs = Ratings.versusOthers(m, 0);
        assertThat(vs).isDeepEqualTo(new Integer[][] {{1, 1}, {-1, 1}});
    }
}

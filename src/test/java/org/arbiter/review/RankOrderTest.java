package org.arbiter.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The moves the ranking keys make, one place at a time, on the order being built. */
class RankOrderTest {
    private static final List<String> ALL = List.of("a", "b", "c", "d");

    @Test
    void upPlacesLastThenPassesOneNeighbourAtATime() {
        RankOrder o = RankOrder.EMPTY.up("a").up("b").up("c");
        assertThat(o.tiers()).containsExactly(List.of("a"), List.of("b"), List.of("c"));
        o = o.up("c");
        assertThat(o.tiers()).containsExactly(List.of("a"), List.of("c"), List.of("b"));
        assertThat(o.up("a")).isEqualTo(o);
        assertThat(o.down("b")).isEqualTo(o);
        assertThat(o.down("d")).isEqualTo(o);
        assertThat(o.unplaced(ALL)).containsExactly("d");
        assertThat(o.covers(ALL)).isFalse();
        assertThat(o.up("d").covers(ALL)).isTrue();
    }

    @Test
    void tieJoinsThePlaceAboveAndAgainUnties() {
        RankOrder o = RankOrder.EMPTY.up("a").up("b").up("c");
        RankOrder tied = o.tie("c");
        assertThat(tied.tiers()).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(tied.rankOf("c")).isEqualTo(2);
        assertThat(tied.isTied("b")).isTrue();
        assertThat(tied.tie("c")).isEqualTo(o);
        // The best has nothing above: it ties with the place below.
        assertThat(o.tie("a").tiers()).containsExactly(List.of("a", "b"), List.of("c"));
        // Out of a tie, up and down give a place of its own next to it.
        assertThat(tied.up("c").tiers()).containsExactly(List.of("a"), List.of("c"), List.of("b"));
        assertThat(tied.down("b").tiers()).containsExactly(List.of("a"), List.of("c"), List.of("b"));
        // An unplaced response tied joins the last place.
        assertThat(o.tie("d").tiers()).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
        assertThat(RankOrder.EMPTY.tie("a").tiers()).containsExactly(List.of("a"));
    }
}

package org.arbiter.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ActiveClockTest {
    @Test
    void idleBeyondSixtySecondsAndUnfocusedTimeDoNotCount() {
        ReviewFixture.ManualClock t = new ReviewFixture.ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
        ActiveClock c = new ActiveClock(t);
        c.restart(0);
        t.advance(Duration.ofSeconds(20));
        c.userActivity(t.instant());
        assertThat(c.activeMs()).isEqualTo(20_000);
        // Five minutes without input: only the first 60 s after the last input count.
        t.advance(Duration.ofMinutes(5));
        assertThat(c.activeMs()).isEqualTo(80_000);
        c.userActivity(t.instant());
        t.advance(Duration.ofSeconds(10));
        c.windowFocused(false, t.instant());
        // Another window in front for half an hour, input or not.
        t.advance(Duration.ofMinutes(30));
        assertThat(c.activeMs()).isEqualTo(90_000);
        c.windowFocused(true, t.instant());
        t.advance(Duration.ofSeconds(5));
        assertThat(c.activeMs()).isEqualTo(95_000);
    }

    @Test
    void restartCarriesEarlierWork() {
        ReviewFixture.ManualClock t = new ReviewFixture.ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
        ActiveClock c = new ActiveClock(t);
        c.restart(42_000);
        t.advance(Duration.ofSeconds(3));
        assertThat(c.activeMs()).isEqualTo(45_000);
    }
}

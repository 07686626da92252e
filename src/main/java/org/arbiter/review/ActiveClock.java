package org.arbiter.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time actually spent on an item: counted while the window has focus and the expert did something in the
 * last {@link #IDLE} (reading counts, a coffee break does not). The view feeds it focus changes and any
 * input (keys, mouse, scrolling); the session adds its keys itself.
 */
public final class ActiveClock {
    public static final Duration IDLE = Duration.ofSeconds(60);

    private final Clock clock;
    private long accumulatedMs;
    private boolean focused = true;
    private Instant lastActivity;
    private Instant mark;

    public ActiveClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Starts counting afresh for an item that already has {@code priorMs} of work on it. */
    public synchronized void restart(long priorMs) {
        accumulatedMs = priorMs;
        Instant t = clock.instant();
        lastActivity = t;
        mark = t;
    }

    public synchronized void userActivity(Instant t) {
        credit(t);
        lastActivity = t;
    }

    public void userActivity() {
        userActivity(clock.instant());
    }

    public synchronized void windowFocused(boolean hasFocus, Instant t) {
        credit(t);
        focused = hasFocus;
        if (hasFocus) lastActivity = t;
    }

    public void windowFocused(boolean hasFocus) {
        windowFocused(hasFocus, clock.instant());
    }

    public synchronized long activeMs(Instant t) {
        return accumulatedMs + pending(t);
    }

    public long activeMs() {
        return activeMs(clock.instant());
    }

    private long pending(Instant t) {
        if (!focused || lastActivity == null || mark == null) return 0;
        Instant end = t.isBefore(lastActivity.plus(IDLE)) ? t : lastActivity.plus(IDLE);
        return end.isAfter(mark) ? Duration.between(mark, end).toMillis() : 0;
    }

    private void credit(Instant t) {
        accumulatedMs += pending(t);
        if (mark == null || t.isAfter(mark)) mark = t;
    }
}

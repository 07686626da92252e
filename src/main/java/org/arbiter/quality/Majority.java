package org.arbiter.quality;

import java.util.Map;

/** The value with the most votes, or null when the top count is shared (no majority) or there are no votes. */
final class Majority {
    private Majority() {
    }

    static <T> T of(Map<T, Integer> counts) {
        T best = null;
        int top = 0;
        boolean shared = false;
        for (Map.Entry<T, Integer> e : counts.entrySet()) {
            if (e.getValue() > top) {
                best = e.getKey();
                top = e.getValue();
                shared = false;
            } else if (e.getValue() == top) {
                shared = true;
            }
        }
        return shared ? null : best;
    }
}

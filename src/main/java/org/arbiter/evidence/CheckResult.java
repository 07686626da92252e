package org.arbiter.evidence;

import java.util.Map;

/**
 * The outcome of one check of one response.
 *
 * @param verdict     the check's own verdict name ({@code passed}, {@code failed}, …; {@link #NOT_RUN} when the
 *                    check could not run at all)
 * @param testsPassed null where the check cannot count tests
 * @param testsTotal  null where the check cannot count tests
 * @param detail      what a reader needs to trust the verdict: the failing test and an excerpt of the output,
 *                    or why it did not run and how to fix that; empty when there is nothing to say
 * @param ms          wall time of the check (fractional: an answer check takes well under a millisecond)
 * @param facts       what this kind of check reports instead of tests and detail, in order (math: answer,
 *                    reference, rule); empty for code
 */
public record CheckResult(String item, String response, String kind, String verdict, Integer testsPassed,
                          Integer testsTotal, String detail, double ms, Map<String, String> facts) {

    /** A result whose kind has no facts of its own beyond tests and detail (code). */
    public CheckResult(String item, String response, String kind, String verdict, Integer testsPassed,
                       Integer testsTotal, String detail, double ms) {
        this(item, response, kind, verdict, testsPassed, testsTotal, detail, ms, Map.of());
    }

    public static final String NOT_RUN = "not_run";

    public boolean ran() {
        return !NOT_RUN.equals(verdict);
    }
}

package org.arbiter.evidence;

/**
 * The outcome of one check of one response.
 *
 * @param verdict     the check's own verdict name ({@code passed}, {@code failed}, …; {@link #NOT_RUN} when the
 *                    check could not run at all)
 * @param testsPassed null where the check cannot count tests
 * @param testsTotal  null where the check cannot count tests
 * @param detail      what a reader needs to trust the verdict: the failing test and an excerpt of the output,
 *                    or why it did not run and how to fix that; empty when there is nothing to say
 * @param ms          wall time of the check
 */
public record CheckResult(String item, String response, String kind, String verdict, Integer testsPassed,
                          Integer testsTotal, String detail, long ms) {
    public static final String NOT_RUN = "not_run";

    public boolean ran() {
        return !NOT_RUN.equals(verdict);
    }
}

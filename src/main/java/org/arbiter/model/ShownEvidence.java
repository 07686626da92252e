package org.arbiter.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one check said about one response on screen when the judgment was submitted, kept with the judgment
 * version so a reviewer can later ask "did the expert see that this side failed its tests?". The evidence
 * never decides; this is a record of what was shown and whether the expert went against it.
 *
 * @param kind             {@link #CODE} or {@link #MATH}
 * @param verdict          the check's verdict name ({@code passed}, {@code failed}, … / {@code match}, {@code mismatch}, …)
 * @param testsPassed      null where the check counts no tests (math)
 * @param testsTotal       null where the check counts no tests (math)
 * @param answer           math: the final answer read from the response; null for code
 * @param reference        math: the reference answer; null for code
 * @param rule             math: the comparison rule that decided; null for code
 * @param runner           runner and toolchain versions, e.g. "arbiter-evidence 1; python3 3.11.2"; empty if unknown
 * @param confirmedAgainst the expert confirmed a judgment that goes against this evidence
 * @param reason           the expert's reason for confirming against it; empty otherwise
 */
public record ShownEvidence(String responseId, String kind, String verdict, Integer testsPassed, Integer testsTotal,
                            String answer, String reference, String rule, String runner, boolean confirmedAgainst,
                            String reason) {
    public static final String CODE = "code";
    public static final String MATH = "math";

    public ShownEvidence {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        runner = runner == null ? "" : runner;
        reason = reason == null ? "" : reason;
    }

    /** The same evidence, marked as confirmed against by the expert for the given reason. */
    public ShownEvidence confirmedAgainst(String why) {
        return new ShownEvidence(responseId, kind, verdict, testsPassed, testsTotal, answer, reference, rule, runner, true, why);
    }

    /** The response passed its tests (code) or its final answer equals the reference (math). */
    public boolean favourable() {
        return CODE.equals(kind) ? "passed".equals(verdict) : MATH.equals(kind) && "match".equals(verdict);
    }

    /**
     * The check ran and the response clearly failed it: any code verdict but {@code passed} and
     * {@code not_run}; for math {@code mismatch} or {@code no_answer} ({@code undecided} may be an equal answer
     * in another form, so it says nothing).
     */
    public boolean unfavourable() {
        if (CODE.equals(kind)) return !"passed".equals(verdict) && !"not_run".equals(verdict);
        return MATH.equals(kind) && ("mismatch".equals(verdict) || "no_answer".equals(verdict));
    }

    /**
     * The response the evidence decides for between {@code responseA} and {@code responseB}, or null when it is
     * not decisive. Decisive for one kind: one side favourable, the other unfavourable (code: exactly one side
     * passed, both ran; math: exactly one side matches, the other has a wrong or no answer). When several kinds
     * were shown they must all point the same way, and one kind that is not decisive does not spoil another.
     */
    public static String decisiveFor(List<ShownEvidence> evidence, String responseA, String responseB) {
        List<String> kinds = new ArrayList<>();
        for (ShownEvidence e : evidence) if (!kinds.contains(e.kind())) kinds.add(e.kind());
        String winner = null;
        for (String kind : kinds) {
            ShownEvidence a = first(evidence, kind, responseA);
            ShownEvidence b = first(evidence, kind, responseB);
            if (a == null || b == null) continue;
            String side = a.favourable() && b.unfavourable() ? responseA : b.favourable() && a.unfavourable() ? responseB : null;
            if (side == null) continue;
            if (winner != null && !winner.equals(side)) return null;
            winner = side;
        }
        return winner;
    }

    /** The first evidence of a kind shown for a response, or null. */
    public static ShownEvidence first(List<ShownEvidence> evidence, String kind, String responseId) {
        for (ShownEvidence e : evidence) if (e.kind().equals(kind) && e.responseId().equals(responseId)) return e;
        return null;
    }
}

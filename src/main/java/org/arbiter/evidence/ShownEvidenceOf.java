package org.arbiter.evidence;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.ShownEvidence;

/**
 * Turns the results a reviewer saw into what is recorded with the judgment, and says whether they decide a
 * pair. The decision itself lives in {@link ShownEvidence#decisiveFor} (the model), because the quality report
 * reads it from stored judgments and may not depend on this package.
 */
public final class ShownEvidenceOf {
    /** The version of this package's checks; bump when a verdict could change for the same response. */
    public static final String RUNNER = "arbiter-evidence 1";

    private ShownEvidenceOf() {
    }

    /**
     * One recorded entry per result, in order, none yet confirmed against.
     *
     * @param toolchain the toolchain that ran code checks, e.g. "python3 3.11.2"; blank when unknown or for math
     */
    public static List<ShownEvidence> results(List<CheckResult> results, String toolchain) {
        String runner = toolchain == null || toolchain.isBlank() ? RUNNER : RUNNER + "; " + toolchain.strip();
        List<ShownEvidence> out = new ArrayList<>();
        for (CheckResult r : results) {
            out.add(new ShownEvidence(r.response(), r.kind(), r.verdict(), r.testsPassed(), r.testsTotal(),
                    r.facts().get("answer"), r.facts().get("reference"), r.facts().get("rule"), runner, false, ""));
        }
        return out;
    }

    /**
     * Whether the results decide between two responses: code, exactly one side passed (and both ran); math,
     * exactly one side matches the reference (and the other has a wrong or no answer).
     */
    public static boolean decisive(List<CheckResult> results, String responseA, String responseB) {
        return ShownEvidence.decisiveFor(results(results, ""), responseA, responseB) != null;
    }
}

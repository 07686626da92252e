package org.arbiter.evidence.math;

/** A comparison's result and the rule that decided it. */
record Outcome(Verdict verdict, String rule) {
    static Outcome match(String rule) {
        return new Outcome(Verdict.MATCH, rule);
    }

    static Outcome mismatch(String rule) {
        return new Outcome(Verdict.MISMATCH, rule);
    }

    static Outcome undecided(String why) {
        return new Outcome(Verdict.UNDECIDED, why);
    }

    boolean isMatch() {
        return verdict == Verdict.MATCH;
    }

    boolean isMismatch() {
        return verdict == Verdict.MISMATCH;
    }
}

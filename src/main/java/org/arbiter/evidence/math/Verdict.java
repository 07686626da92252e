package org.arbiter.evidence.math;

/** What a math answer check concluded; the wire names are what {@code arbiter verify} prints. */
public enum Verdict {
    MATCH("match"), MISMATCH("mismatch"), UNDECIDED("undecided"), NO_ANSWER("no_answer");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

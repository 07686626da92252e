package org.arbiter.evidence.code;

/** What running a response's code against its tests showed. */
public enum CodeVerdict {
    PASSED("passed"),
    FAILED("failed"),
    COMPILE_ERROR("compile_error"),
    RUNTIME_ERROR("runtime_error"),
    TIMEOUT("timeout"),
    MEMORY_LIMIT("memory_limit"),
    NOT_RUN("not_run");

    private final String wireName;

    CodeVerdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

package org.arbiter.evidence.code;

/**
 * What one sandboxed step did.
 *
 * @param exitCode      the command's exit code; 128 + n when signal n ended it (bubblewrap's convention)
 * @param timedOut      the wall-time limit ended it
 * @param outputLimited it wrote more than the output limit and was stopped
 */
public record SandboxResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean outputLimited,
                            long ms) {
    static final int SIGXCPU = 24;
    static final int SIGKILL = 9;

    /** The CPU-time limit ended it: SIGXCPU at the soft limit, SIGKILL at the hard one. */
    public boolean cpuLimited() {
        return exitCode == 128 + SIGXCPU;
    }

    public String output() {
        if (stdout.isEmpty()) return stderr;
        if (stderr.isEmpty()) return stdout;
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }
}

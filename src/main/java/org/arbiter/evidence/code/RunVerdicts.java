package org.arbiter.evidence.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.evidence.code.CodeCheck.Outcome;

/** Reads the verdict off a finished run step: which limit ended it, or which assertion failed. */
final class RunVerdicts {
    private static final Pattern SYNTAX = Pattern.compile("(?m)^(SyntaxError|IndentationError|TabError)\\b");

    private RunVerdicts() {
    }

    static Outcome classify(TestProgram program, SandboxResult r, Limits limits) {
        CodeLanguage language = program.language();
        Integer total = program.assertionLines().isEmpty() ? null : program.assertionLines().size();
        String output = r.output();
        if (r.outputLimited()) {
            return new Outcome(CodeVerdict.RUNTIME_ERROR, null, total, "stopped by the output limit: wrote more than "
                    + (limits.maxOutputBytes() >> 20) + " MiB\n" + Excerpt.head(output));
        }
        if (r.timedOut()) {
            return new Outcome(CodeVerdict.TIMEOUT, null, total, "did not finish within the " + limits.wall().toSeconds()
                    + " s wall-time limit");
        }
        if (r.cpuLimited()) {
            return new Outcome(CodeVerdict.TIMEOUT, null, total, "used the " + limits.cpuSeconds() + " s CPU-time limit");
        }
        if (r.exitCode() == 0) return new Outcome(CodeVerdict.PASSED, total, total, "");
        if (language.outOfMemory().matcher(output).find()) {
            return new Outcome(CodeVerdict.MEMORY_LIMIT, null, total, "ran out of the " + (limits.memoryBytes() >> 20)
                    + " MiB memory limit\n" + Excerpt.head(output));
        }
        if ((language == CodeLanguage.PYTHON || language == CodeLanguage.JAVASCRIPT) && SYNTAX.matcher(output).find()) {
            return new Outcome(CodeVerdict.COMPILE_ERROR, 0, total, Excerpt.head(output));
        }
        int line = failingLine(program, output);
        int index = line == 0 ? 0 : program.assertionAt(line);
        Matcher failure = language.assertionFailure().matcher(output);
        boolean asserted = failure.find();
        int at = asserted ? failure.start() : 0;
        if (asserted) {
            Integer passed = null;
            if (total != null && index > 0) {
                passed = language == CodeLanguage.GO ? Math.max(0, total - count(output, "Error Trace:")) : index - 1;
            }
            String which = index > 0 ? "test " + index + (total != null ? " of " + total : "") + " failed: " + program.line(line)
                    : "a test failed";
            return new Outcome(CodeVerdict.FAILED, passed, total, which + "\n" + Excerpt.around(output, at));
        }
        String where = line > 0 ? " in test " + index + ": " + program.line(line) : "";
        return new Outcome(CodeVerdict.RUNTIME_ERROR, index > 0 ? index - 1 : null, total,
                "exit code " + r.exitCode() + where + "\n" + Excerpt.head(output));
    }

    /**
     * The line of the composed file where the failure sits in the tests: Python tracebacks list the innermost
     * frame last, the other languages first.
     */
    static int failingLine(TestProgram program, String output) {
        String file = Pattern.quote(program.language().fileName());
        Matcher m = Pattern.compile(file + "(?::|\", line )(\\d+)").matcher(output);
        int first = program.assertionLines().isEmpty() ? Integer.MAX_VALUE : program.assertionLines().get(0);
        int found = 0;
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            if (line < first) continue;
            found = line;
            if (program.language() != CodeLanguage.PYTHON) break;
        }
        return found;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}

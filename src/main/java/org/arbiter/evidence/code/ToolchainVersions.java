package org.arbiter.evidence.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the toolchain that runs a language's checks ("python3 3.11.2"), recorded with a judgment's
 * evidence so a verdict can later be traced to the compiler that gave it. Asked once per language and kept:
 * a toolchain does not change while Arbiter runs. Only the version flag runs, outside the sandbox, on the same
 * executable the sandbox would use.
 */
public final class ToolchainVersions {
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final long TIMEOUT_MS = 5_000;

    private final Toolchains toolchains;
    private final Map<CodeLanguage, String> known = new ConcurrentHashMap<>();

    public ToolchainVersions(Toolchains toolchains) {
        this.toolchains = toolchains;
    }

    /** "tool version" for the language's compiler or interpreter; empty when it is missing or does not say. */
    public String of(CodeLanguage language) throws InterruptedException {
        String cached = known.get(language);
        if (cached != null) return cached;
        String tool = language.tools().get(0);
        Optional<java.nio.file.Path> exe = toolchains.find(tool);
        String version = exe.isEmpty() ? "" : parse(tool, ask(exe.get().toString(), tool));
        known.put(language, version);
        return version;
    }

    /** The first dotted number of a version banner ("g++ (Debian 12.2.0-14) 12.2.0" → 12.2.0), after the tool. */
    static String parse(String tool, String banner) {
        Matcher m = VERSION.matcher(banner == null ? "" : banner);
        return m.find() ? tool + " " + m.group(1) : "";
    }

    private static String ask(String exe, String tool) throws InterruptedException {
        List<String> cmd = switch (tool) {
            case "go" -> List.of(exe, "version");
            case "javac" -> List.of(exe, "-version");
            default -> List.of(exe, "--version");
        };
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = null;
        try {
            p = pb.start();
            // A version banner is far below the pipe's buffer, so waiting first cannot block the tool, and a
            // tool that hangs is given up on instead of blocking the read.
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) return "";
            try (InputStream in = p.getInputStream()) {
                return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
        }
    }
}

package org.arbiter.evidence.code;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The languages whose tests Arbiter runs, each composed, compiled and run as HumanEvalPack's harness does
 * (bigcode-evaluation-harness {@code humanevalpack}; HumanEval-X's execution scripts).
 */
public enum CodeLanguage {
    PYTHON("python", List.of("python", "py", "python3"), "main.py", List.of("python3"),
            Pattern.compile("^\\s*assert\\b"), Pattern.compile("AssertionError"),
            Pattern.compile("MemoryError|Cannot allocate memory")),
    JAVASCRIPT("javascript", List.of("javascript", "js", "node", "nodejs"), "main.js", List.of("node"),
            Pattern.compile("\\bassert(\\.\\w+)?\\s*\\("), Pattern.compile("AssertionError"),
            Pattern.compile("heap out of memory|Fatal process out of memory|allocation failed|Cannot allocate memory")),
    JAVA("java", List.of("java"), "Main.java", List.of("javac", "java"),
            Pattern.compile("AssertionError"), Pattern.compile("AssertionError"),
            Pattern.compile("OutOfMemoryError|Cannot allocate memory|insufficient memory")),
    CPP("cpp", List.of("cpp", "c++", "cxx", "cc"), "main.cpp", List.of("g++"),
            Pattern.compile("\\bassert\\s*\\("), Pattern.compile("Assertion `.*' failed"),
            Pattern.compile("std::bad_alloc|Cannot allocate memory|virtual memory exhausted|out of memory")),
    GO("go", List.of("go", "golang"), "main_test.go", List.of("go"),
            Pattern.compile("\\bassert\\.\\w+\\s*\\("), Pattern.compile("Error Trace:"),
            Pattern.compile("out of memory|cannot allocate memory")),
    RUST("rust", List.of("rust", "rs"), "main.rs", List.of("rustc"),
            Pattern.compile("\\bassert(_eq|_ne)?!\\s*\\("), Pattern.compile("assertion failed|assertion `"),
            Pattern.compile("memory allocation of \\d+ bytes failed|Cannot allocate memory|out of memory"));

    private final String wireName;
    private final List<String> names;
    private final String fileName;
    private final List<String> tools;
    private final Pattern assertionSite;
    private final Pattern assertionFailure;
    private final Pattern outOfMemory;

    CodeLanguage(String wireName, List<String> names, String fileName, List<String> tools, Pattern assertionSite,
                 Pattern assertionFailure, Pattern outOfMemory) {
        this.wireName = wireName;
        this.names = names;
        this.fileName = fileName;
        this.tools = tools;
        this.assertionSite = assertionSite;
        this.assertionFailure = assertionFailure;
        this.outOfMemory = outOfMemory;
    }

    public String wireName() {
        return wireName;
    }

    /** The language named by a reference or a fence tag ("Python", "js", "C++"), or null. */
    public static CodeLanguage named(String name) {
        if (name == null) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (CodeLanguage l : values()) if (l.names.contains(n)) return l;
        return null;
    }

    /** Whether a fenced block's info string ("python", "py title=x") is in this language. */
    public boolean fenceTag(String info) {
        String first = info.strip().split("\\s+", 2)[0];
        return !first.isEmpty() && named(first) == this;
    }

    public String fileName() {
        return fileName;
    }

    /** The executables the steps need, looked up on the PATH. */
    public List<String> tools() {
        return tools;
    }

    Pattern assertionSite() {
        return assertionSite;
    }

    Pattern assertionFailure() {
        return assertionFailure;
    }

    Pattern outOfMemory() {
        return outOfMemory;
    }

    /** The compile step, or null where the run step compiles (Python, JavaScript). */
    List<String> compile(Map<String, String> tool, String source) {
        return switch (this) {
            case PYTHON, JAVASCRIPT -> null;
            // javac is a JVM too: a small heap and the serial collector keep it inside the data limit
            case JAVA -> List.of(tool.get("javac"), "-J-Xmx512m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1",
                    "-encoding", "UTF-8", "-nowarn", fileName);
            // HumanEval-X links OpenSSL for the md5 task; only where the code includes it (libssl-dev may be absent)
            case CPP -> source.contains("openssl/")
                    ? List.of(tool.get("g++"), "-std=c++17", "-O1", "-o", "main", fileName, "-lcrypto")
                    : List.of(tool.get("g++"), "-std=c++17", "-O1", "-o", "main", fileName);
            case GO -> List.of(tool.get("go"), "test", "-c", "-o", "main.test", fileName);
            case RUST -> List.of(tool.get("rustc"), "--test", "--edition", "2021", "-C", "debuginfo=0", "-o", "main.test",
                    fileName);
        };
    }

    List<String> run(Map<String, String> tool) {
        return switch (this) {
            case PYTHON -> List.of(tool.get("python3"), "-I", fileName);
            case JAVASCRIPT -> List.of(tool.get("node"), "--max-old-space-size=512", "--stack-size=4000", fileName);
            case JAVA -> List.of(tool.get("java"), "-Xmx512m", "-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "Main");
            case CPP -> List.of("./main");
            case GO -> List.of("./main.test", "-test.v");
            case RUST -> List.of("./main.test", "--test-threads=1");
        };
    }

    /** Variables the toolchain needs besides PATH, HOME, TMPDIR and LANG. */
    Map<String, String> env() {
        return switch (this) {
            // GOPATH mode finds testify where Debian's golang-github-stretchr-testify-dev puts it; nothing is fetched
            case GO -> Map.of("GO111MODULE", "off", "GOPATH", "/usr/share/gocode", "GOCACHE", Sandbox.WORK + "/.gocache",
                    "GOFLAGS", "-buildvcs=false", "GOTOOLCHAIN", "local");
            case RUST -> Map.of("RUST_BACKTRACE", "0", "CARGO_HOME", Sandbox.WORK + "/.cargo-home", "CARGO_TERM_COLOR", "never");
            case JAVA -> Map.of("JAVA_TOOL_OPTIONS", "-XX:-UsePerfData");
            default -> Map.of();
        };
    }

    /**
     * Limits of the compile step. Compiling Go (testify from source into a fresh cache) and Rust takes longest;
     * the JVM and V8 need more memory than a C program, and the Go toolchain many threads.
     */
    Limits compileLimits() {
        return switch (this) {
            case GO, RUST -> Limits.of(Duration.ofSeconds(90), 90, 2048, 512);
            default -> Limits.of(Duration.ofSeconds(60), 60, 2048, 256);
        };
    }

    Limits runLimits() {
        return switch (this) {
            case JAVA -> Limits.of(Duration.ofSeconds(10), 10, 1536, 128);
            case JAVASCRIPT -> Limits.of(Duration.ofSeconds(6), 6, 1536, 64);
            case GO -> Limits.of(Duration.ofSeconds(6), 6, 1024, 128);
            default -> Limits.of(Duration.ofSeconds(6), 6, 1024, 64);
        };
    }
}

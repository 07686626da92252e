package org.arbiter.evidence.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Item;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;

/**
 * Runs a response's code against the item's tests in the {@link Sandbox}: compile (where the language
 * compiles) and run, each a sandboxed step with its own limits, in a fresh work directory deleted afterwards.
 * Without a working sandbox nothing runs: the verdict is {@code not_run} with the reason and the fix.
 */
public final class CodeCheck implements Check, AutoCloseable {
    public static final String KIND = "code";
    /** Where bubblewrap, prlimit and setpriv are looked for, whatever the user's PATH says. */
    private static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Toolchains toolchains;
    private final Sandbox sandbox;
    private final String unavailable;
    private final Path tempRoot;
    private String probeProblem;
    private boolean probed;
    private Path goCache;
    private String goCacheProblem;
    private Path rustCrates;
    private String rustCratesProblem;

    /**
     * @param sandbox     null when there is none; {@code unavailable} then says why and how to fix it
     * @param tempRoot    where fresh work directories are made
     */
    public CodeCheck(Toolchains toolchains, Sandbox sandbox, String unavailable, Path tempRoot) {
        this.toolchains = toolchains;
        this.sandbox = sandbox;
        this.unavailable = sandbox == null ? unavailable : null;
        this.tempRoot = tempRoot;
    }

    /** The check as this machine allows it: bubblewrap on Linux, toolchains from {@code pathVariable}. */
    public static CodeCheck forThisMachine(String pathVariable, Path tempRoot) {
        Toolchains tools = new Toolchains(pathVariable);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            String design = os.contains("mac") ? "a sandbox-exec profile" : os.contains("win") ? "a Job Object with a restricted token" : "a sandbox";
            return new CodeCheck(tools, null, "code is run only on Linux (bubblewrap) so far; on " + System.getProperty("os.name")
                    + " it needs " + design + ", not written yet: Arbiter does not run untrusted code unconfined", tempRoot);
        }
        Toolchains system = new Toolchains(SYSTEM_PATH);
        Optional<Path> bwrap = system.find("bwrap");
        Optional<Path> prlimit = system.find("prlimit");
        Optional<Path> setpriv = system.find("setpriv");
        boolean root = runningAsRoot();
        if (bwrap.isEmpty()) {
            return new CodeCheck(tools, null, "bubblewrap is not installed; fix: sudo apt-get install bubblewrap", tempRoot);
        }
        if (prlimit.isEmpty() || (root && setpriv.isEmpty())) {
            return new CodeCheck(tools, null, "prlimit/setpriv (util-linux) not found; fix: sudo apt-get install util-linux", tempRoot);
        }
        return new CodeCheck(tools, new Sandbox(bwrap.get(), prlimit.get(), setpriv.orElse(null), root), null, tempRoot);
    }

    private static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[1].equals("0");
            }
        } catch (IOException e) {
            // no /proc: assume an ordinary user
        }
        return false;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean appliesTo(Item item) {
        return item.reference() != null && item.reference().hasTests();
    }

    @Override
    public CheckResult run(Item item, Response response) throws InterruptedException {
        long start = System.nanoTime();
        return result(item, response, outcome(item, response, item.reference()), start);
    }

    /**
     * Runs the response against {@code testSource} instead of the item's tests: the expert's own test, written
     * as the item's tests are (see {@link ExpertTests}), in the same sandbox with the same limits.
     */
    public CheckResult runExpertTest(Item item, Response response, String testSource) throws InterruptedException {
        long start = System.nanoTime();
        Reference ref = item.reference();
        String problem = ExpertTests.problem(ref, testSource);
        Outcome o = problem != null ? Outcome.notRun(problem) : outcome(item, response, ExpertTests.asReference(ref, testSource));
        return result(item, response, o, start);
    }

    private static CheckResult result(Item item, Response response, Outcome o, long start) {
        return new CheckResult(item.id(), response.id(), KIND, o.verdict().wireName(), o.passed(), o.total(), o.detail(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** @param ref the item's reference, or the same with the expert's test as its tests */
    private Outcome outcome(Item item, Response response, Reference ref) throws InterruptedException {
        CodeLanguage language = CodeLanguage.named(ref.language());
        if (language == null) {
            return Outcome.notRun(ref.language() == null ? "the item's reference names no language"
                    : "no runner for language \"" + ref.language() + "\" (runs: python, javascript, java, cpp, go, rust)");
        }
        if (sandbox == null) return Outcome.notRun(unavailable);
        Toolchains.Found found = toolchains.forLanguage(language);
        if (!found.complete()) {
            return Outcome.notRun("no " + String.join(", ", found.missing()) + " on the PATH; fix: sudo apt-get install "
                    + String.join(" ", found.missing().stream().map(Toolchains::debianPackage).toList()));
        }
        String code = CodeBlocks.extract(response.content(), language);
        if (code == null) {
            return new Outcome(CodeVerdict.COMPILE_ERROR, null, null, "the response has no " + language.wireName() + " code block");
        }
        boolean crates = language == CodeLanguage.RUST && TestProgram.needsRustCrates(code + "\n" + ref.tests());
        if (crates) {
            Optional<Path> cargo = toolchains.find("cargo");
            if (cargo.isEmpty()) return Outcome.notRun("the code uses the rand, regex or md5 crates: no cargo on the PATH; fix: "
                    + "sudo apt-get install cargo librust-rand-dev librust-regex-dev librust-md5-dev");
            Map<String, String> tools = new LinkedHashMap<>(found.tools());
            tools.put("cargo", cargo.get().toString());
            found = new Toolchains.Found(tools, List.of(), found.readOnlyBinds());
        }
        String problem = probe();
        if (problem != null) return Outcome.notRun(problem);
        TestProgram program = TestProgram.compose(language, code, ref, item.meta(), crates);
        Path work = null;
        try {
            work = Files.createTempDirectory(tempRoot, "arbiter-check-");
            Map<String, String> env = environment(language, found);
            if (crates) {
                String crateProblem = warmRustCrates(found, env);
                if (crateProblem != null) return Outcome.notRun(crateProblem);
                copyTree(rustCrates, work);
                Files.writeString(work.resolve("src").resolve(language.fileName()), program.source(), StandardCharsets.UTF_8);
                sandbox.claim(work);
                return compileAndRun(program, work, List.of(found.tools().get("cargo"), "test", "--offline", "--no-run", "-q"),
                        List.of(found.tools().get("cargo"), "test", "--offline", "-q", "--", "--test-threads=1"), env, found);
            }
            Files.writeString(work.resolve(language.fileName()), program.source(), StandardCharsets.UTF_8);
            sandbox.claim(work);
            if (language == CodeLanguage.GO) {
                String cacheProblem = warmGoCache(found, env);
                if (cacheProblem != null) return new Outcome(CodeVerdict.COMPILE_ERROR, null, null, cacheProblem);
                copyTree(goCache, work.resolve(".gocache"));
                sandbox.claim(work);
            }
            return compileAndRun(program, work, language.compile(found.tools(), program.source()), language.run(found.tools()), env, found);
        } catch (IOException e) {
            return Outcome.notRun("could not prepare the work directory: " + e.getMessage());
        } finally {
            if (work != null) deleteQuietly(work);
        }
    }

    private Outcome compileAndRun(TestProgram program, Path work, List<String> compile, List<String> run, Map<String, String> env,
                                  Toolchains.Found found) throws IOException, InterruptedException {
        CodeLanguage language = program.language();
        {
            if (compile != null) {
                SandboxResult c = sandbox.run(work, compile, language.compileLimits(), env, found.readOnlyBinds());
                if (startFailed(c)) return Outcome.notRun(sandboxFailure(c.stderr()));
                if (c.timedOut() || c.cpuLimited()) {
                    return new Outcome(CodeVerdict.TIMEOUT, null, null, "compiling took longer than the "
                            + language.compileLimits().wall().toSeconds() + " s limit");
                }
                if (c.exitCode() != 0) {
                    CodeVerdict v = language.outOfMemory().matcher(c.output()).find() ? CodeVerdict.MEMORY_LIMIT : CodeVerdict.COMPILE_ERROR;
                    return new Outcome(v, 0, total(program), Excerpt.head(c.output()));
                }
            }
            SandboxResult r = sandbox.run(work, run, language.runLimits(), env, found.readOnlyBinds());
            if (startFailed(r)) return Outcome.notRun(sandboxFailure(r.stderr()));
            return RunVerdicts.classify(program, r, language.runLimits());
        }
    }

    /**
     * A cargo project depending on rand, regex and md5 from Debian's packaged sources (librust-*-dev, offline),
     * built once; each check gets a copy with its own src/main.rs, so only that file is compiled again.
     */
    private synchronized String warmRustCrates(Toolchains.Found found, Map<String, String> env) throws IOException, InterruptedException {
        if (rustCrates != null || rustCratesProblem != null) return rustCratesProblem;
        Path warm = Files.createTempDirectory(tempRoot, "arbiter-crates-");
        Files.createDirectories(warm.resolve("src"));
        Files.createDirectories(warm.resolve(".cargo"));
        Files.writeString(warm.resolve("Cargo.toml"), CARGO_TOML);
        Files.writeString(warm.resolve(".cargo/config.toml"), CARGO_CONFIG);
        Files.writeString(warm.resolve("src/main.rs"), "fn main() {}\n");
        sandbox.claim(warm);
        SandboxResult r = sandbox.run(warm, List.of(found.tools().get("cargo"), "test", "--offline", "--no-run", "-q"),
                GO_WARM_UP_LIMITS, env, found.readOnlyBinds());
        if (r.exitCode() != 0) {
            deleteQuietly(warm);
            rustCratesProblem = "cannot build the crates rand, regex and md5 offline; fix: sudo apt-get install cargo "
                    + "librust-rand-dev librust-regex-dev librust-md5-dev\n" + Excerpt.head(r.output());
            return rustCratesProblem;
        }
        Files.delete(warm.resolve("src/main.rs"));
        rustCrates = warm;
        return null;
    }

    private static final String CARGO_TOML = "[package]\nname = \"check\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n"
            + "rand = \"0.8\"\nregex = { version = \"1\", default-features = false, features = [\"std\", \"unicode\"] }\nmd5 = \"0.7\"\n";
    private static final String CARGO_CONFIG = "[source.crates-io]\nreplace-with = \"debian\"\n\n[source.debian]\n"
            + "directory = \"/usr/share/cargo/registry\"\n\n[net]\noffline = true\n";

    private static Integer total(TestProgram program) {
        return program.assertionLines().isEmpty() ? null : program.assertionLines().size();
    }

    private Map<String, String> environment(CodeLanguage language, Toolchains.Found found) {
        List<String> bins = new ArrayList<>();
        for (String tool : found.tools().values()) {
            String dir = Path.of(tool).getParent().toString();
            if (!bins.contains(dir)) bins.add(dir);
        }
        for (String d : List.of("/usr/local/bin", "/usr/bin", "/bin")) if (!bins.contains(d)) bins.add(d);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", String.join(":", bins));
        env.put("HOME", Sandbox.WORK);
        env.put("TMPDIR", "/tmp");
        env.put("LANG", "C.UTF-8");
        env.putAll(language.env());
        return env;
    }

    /** Whether bubblewrap itself could start the sandbox (checked once, with {@code true} as the command). */
    private synchronized String probe() throws InterruptedException {
        if (probed) return probeProblem;
        Path work = null;
        try {
            work = Files.createTempDirectory(tempRoot, "arbiter-probe-");
            sandbox.claim(work);
            SandboxResult r = sandbox.run(work, List.of("/bin/true"), CodeLanguage.PYTHON.runLimits(), Map.of("PATH", "/usr/bin:/bin"), List.of());
            probeProblem = r.exitCode() == 0 ? null : sandboxFailure(r.stderr());
        } catch (IOException e) {
            probeProblem = "the sandbox could not start: " + e.getMessage();
        } finally {
            if (work != null) deleteQuietly(work);
        }
        probed = true;
        return probeProblem;
    }

    /**
     * Builds testify and its dependencies once into a Go build cache that every Go check starts from (a copy: a
     * run must not be able to poison the next one's cache). From a cold cache each build takes a minute.
     */
    private synchronized String warmGoCache(Toolchains.Found found, Map<String, String> env) throws IOException, InterruptedException {
        if (goCache != null || goCacheProblem != null) return goCacheProblem;
        Path warm = Files.createTempDirectory(tempRoot, "arbiter-gocache-");
        Files.writeString(warm.resolve("warm_test.go"), GO_WARM_UP);
        sandbox.claim(warm);
        SandboxResult r = sandbox.run(warm, List.of(found.tools().get("go"), "test", "-c", "-o", "warm.test", "warm_test.go"),
                GO_WARM_UP_LIMITS, env, found.readOnlyBinds());
        if (r.exitCode() != 0) {
            deleteQuietly(warm);
            goCacheProblem = "cannot build the Go test library (testify); fix: sudo apt-get install golang-github-stretchr-testify-dev\n"
                    + Excerpt.head(r.output());
            return goCacheProblem;
        }
        goCache = warm.resolve(".gocache");
        return null;
    }

    private static final String GO_WARM_UP = "package main\n\nimport (\n    \"testing\"\n    \"github.com/stretchr/testify/assert\"\n)\n\n"
            + "func TestWarm(t *testing.T) {\n    assert.Equal(t, 1, 1)\n}\n";
    private static final Limits GO_WARM_UP_LIMITS = Limits.of(java.time.Duration.ofSeconds(300), 300, 2048, 512);

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Deletes the shared Go build cache. */
    @Override
    public synchronized void close() {
        if (goCache != null) deleteQuietly(goCache.getParent());
        if (rustCrates != null) deleteQuietly(rustCrates);
        goCache = null;
        rustCrates = null;
    }

    private static boolean startFailed(SandboxResult r) {
        return r.exitCode() != 0 && (r.stderr().startsWith("bwrap:") || r.stderr().startsWith("setpriv:")
                || r.stderr().startsWith("prlimit:"));
    }

    static String sandboxFailure(String stderr) {
        String message = stderr.strip().lines().findFirst().orElse("no message");
        String fix = message.contains("setting up uid map") || message.contains("Permission denied")
                || message.contains("Operation not permitted") || message.contains("No permissions")
                ? "; fix: allow unprivileged user namespaces for bwrap (Ubuntu 24.04: the AppArmor profile the .deb "
                + "installs as /etc/apparmor.d/arbiter-bwrap, then sudo systemctl reload apparmor)"
                : "";
        return "the sandbox (bubblewrap) could not start: " + message + fix;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the OS's temp cleaner
                }
            });
        } catch (IOException e) {
            // left for the OS's temp cleaner
        }
    }

    /** A verdict before it is stamped with the item, response and time. */
    record Outcome(CodeVerdict verdict, Integer passed, Integer total, String detail) {
        static Outcome notRun(String reason) {
            return new Outcome(CodeVerdict.NOT_RUN, null, null, reason);
        }
    }
}

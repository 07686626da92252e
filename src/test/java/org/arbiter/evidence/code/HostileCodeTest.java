package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile responses in the real sandbox: each is stopped by the limit its verdict names, changes nothing
 * outside its work directory, reaches no listener, leaves no process behind and leaks no secret.
 */
class HostileCodeTest {
    static final String TESTS = "def check(f):\n    assert f() == 1\n\ncheck(f)\n";
    static CodeCheck check;

    @TempDir
    Path dir;

    @BeforeAll
    static void sandbox() {
        check = CodeCheck.forThisMachine(CodeCorpusVerdictsTest.DEBIAN_PATH, Path.of(System.getProperty("java.io.tmpdir")));
    }

    @AfterAll
    static void close() {
        check.close();
    }

    static Item python(String code) {
        return new Item("hostile", "t", Domain.CODE, Prompt.text("p"), List.of(new Response("a", null, "```python\n" + code + "\n```")),
                new Reference(null, null, TESTS, "python", "f", null), null, Map.of(), List.of());
    }

    static CheckResult run(String code) throws InterruptedException {
        return check.run(python(code), python(code).a());
    }

    @Test
    void anEndlessLoopEndsAtTheTimeLimit() throws Exception {
        CheckResult r = run("def f():\n    while True:\n        pass");
        assertThat(r.verdict()).isEqualTo("timeout");
        assertThat(r.detail()).containsAnyOf("CPU-time limit", "wall-time limit");
        assertThat(r.ms()).isLessThan(15_000);
    }

    @Test
    void anEightGibAllocationHitsTheMemoryLimit() throws Exception {
        CheckResult r = run("def f():\n    x = bytearray(8 << 30)\n    x[-1] = 1\n    return 1");
        assertThat(r.verdict()).isEqualTo("memory_limit");
        assertThat(r.detail()).contains("memory limit").contains("MemoryError");
    }

    @Test
    void compiledCodeMeetsTheSameLimits() throws Exception {
        String code = "#include <cstring>\n#include <unistd.h>\nchar* kept;\nlong f() {\n    for (int i = 0; i < 200; i++) if (fork() == 0) { setsid();"
                + " if (fork() == 0) execlp(\"sleep\", \"sleep\", \"3600.5151\", (char*) 0); _exit(0); }\n"
                + "    kept = new char[8L << 30];\n    memset(kept, 1, 8L << 30);\n    return kept[12345];\n}\n";
        String tests = "#undef NDEBUG\n#include <assert.h>\nint main() {\n    assert (f() == 1);\n}\n";
        Item item = new Item("hostile-cpp", "t", Domain.CODE, Prompt.text("p"), List.of(new Response("a", null, "```cpp\n" + code + "```")),
                new Reference(null, null, tests, "cpp", "f", null), null, Map.of(), List.of());
        CheckResult r = check.run(item, item.a());
        assertThat(r.verdict()).as(r.detail()).isEqualTo("memory_limit");
        assertThat(r.detail()).contains("std::bad_alloc");
        assertThat(processesWith("3600.5151")).isZero();
    }

    @Test
    void writesOutsideTheWorkDirectoryChangeNothing() throws Exception {
        Path target = dir.resolve("written-by-sandbox");
        CheckResult r = run("import os\nfor p in [" + quote(target) + ", '/tmp/escaped', '/usr/escaped', '../escaped', '/escaped']:\n"
                + "    try:\n        open(p, 'w').write('x')\n        print('wrote', p)\n    except OSError as e:\n        print('refused', p, e)\n"
                + "def f():\n    return 1");
        assertThat(r.verdict()).isEqualTo("passed");
        assertThat(target).doesNotExist();
        assertThat(Path.of("/usr/escaped")).doesNotExist();
        assertThat(Path.of("/escaped")).doesNotExist();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "escaped")).doesNotExist();
    }

    @Test
    void deletingAFolderInTheHomeDirectoryLeavesItThere() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/annotator"));
        Path keep = Files.createDirectories(home.resolve("keep"));
        Files.writeString(keep.resolve("judgments.db"), "precious");
        CheckResult r = run("import shutil, os\nshutil.rmtree(" + quote(keep) + ", ignore_errors=True)\n"
                + "shutil.rmtree(os.path.expanduser('~'), ignore_errors=True)\ndef f():\n    return 1");
        assertThat(r.verdict()).isEqualTo("passed");
        assertThat(keep.resolve("judgments.db")).hasContent("precious");
    }

    @Test
    void aConnectionToALocalListenerNeverArrives() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CheckResult r = run("import socket\ndef f():\n    socket.create_connection(('127.0.0.1', " + listener.getLocalPort()
                    + "), timeout=3).sendall(b'leak')\n    return 1");
            assertThat(r.verdict()).isEqualTo("runtime_error");
            assertThat(r.detail()).containsAnyOf("Network is unreachable", "Connection refused");
            listener.setSoTimeout(500);
            Assertions.assertThrows(SocketTimeoutException.class, listener::accept);
        }
    }

    @Test
    void detachedChildrenDoNotOutliveTheRun() throws Exception {
        String marker = "3600.4242";
        CheckResult r = run("import subprocess\nstarted = 0\nfor i in range(200):\n    try:\n"
                + "        subprocess.Popen(['sleep', '" + marker + "'], start_new_session=True)\n        started += 1\n"
                + "    except OSError:\n        pass\nprint('started', started)\ndef f():\n    return 1");
        assertThat(r.ran()).isTrue();
        assertThat(processesWith(marker)).isZero();
    }

    @Test
    void twoGigabytesOnStdoutAreCutOff() throws Exception {
        CheckResult r = run("import sys\nchunk = 'x' * 65536\nfor i in range(32768):\n    sys.stdout.write(chunk)\n"
                + "def f():\n    return 1");
        assertThat(r.verdict()).isEqualTo("runtime_error");
        assertThat(r.detail()).contains("output limit");
        assertThat(r.detail().length()).isLessThan(4000);
        assertThat(r.ms()).isLessThan(20_000);
    }

    @Test
    void aCancelledCheckEndsItsProcessesAtOnce() throws Exception {
        String marker = "3600.777";
        Item item = python("import subprocess\nsubprocess.Popen(['sleep', '" + marker + "'], start_new_session=True)\n"
                + "def f():\n    while True:\n        pass");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<CheckResult> f = new EvidenceRunner(List.of(check), pool).checkItem(item).get(0);
            waitFor(() -> processesWith(marker) > 0, Duration.ofSeconds(10));
            long start = System.nanoTime();
            f.cancel(true);
            waitFor(() -> processesWith(marker) == 0, Duration.ofSeconds(5));
            assertThat(processesWith(marker)).isZero();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            Assertions.assertThrows(CancellationException.class, f::join);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutASandboxNothingRuns() throws Exception {
        Path marker = dir.resolve("ran-unconfined");
        String code = "open(" + quote(marker) + ", 'w').write('x')\ndef f():\n    return 1";
        Sandbox broken = new Sandbox(Path.of("/bin/false"), Path.of("/usr/bin/prlimit"), Path.of("/usr/bin/setpriv"), false);
        CodeCheck noSandbox = new CodeCheck(new Toolchains(CodeCorpusVerdictsTest.DEBIAN_PATH), broken, null, dir);
        CheckResult r = noSandbox.run(python(code), python(code).a());
        assertThat(r.verdict()).isEqualTo("not_run");
        assertThat(r.detail()).contains("sandbox (bubblewrap) could not start");
        assertThat(marker).doesNotExist();

        CodeCheck none = new CodeCheck(new Toolchains(CodeCorpusVerdictsTest.DEBIAN_PATH), null, "bubblewrap is not installed; fix: sudo apt-get install bubblewrap", dir);
        assertThat(none.run(python(code), python(code).a()).detail()).contains("apt-get install bubblewrap");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aMissingToolchainIsNotRunWithTheFix() throws Exception {
        CodeCheck noTools = CodeCheck.forThisMachine(dir.toString(), dir);
        CheckResult r = noTools.run(python("def f():\n    return 1"), python("def f():\n    return 1").a());
        assertThat(r.verdict()).isEqualTo("not_run");
        assertThat(r.detail()).contains("no python3 on the PATH").contains("apt-get install python3");
    }

    static long processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).count();
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) Thread.sleep(50);
    }

    static String quote(Path p) {
        return "'" + p.toAbsolutePath() + "'";
    }
}

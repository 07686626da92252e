package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.arbiter.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No stack trace reaches a user: an unexpected failure is one line on stderr, its trace in a private log. */
class LastResortTest {
    @TempDir
    Path dir;

    @Test
    void anUnexpectedFailureIsOneLineAndItsTraceGoesToTheLog() throws Exception {
        Path log = dir.resolve("data/arbiter-errors.log");
        StringWriter err = new StringWriter();
        int exit = new LastResort(log).report(new NullPointerException("item.prompt is null"), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(LastResort.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("arbiter: internal error: NullPointerException: item.prompt is null"
                + " — please report it; details in " + log + "\n");
        String details = Files.readString(log);
        assertThat(details).contains("java.lang.NullPointerException: item.prompt is null")
                .contains("\tat org.arbiter.cli.LastResortTest.");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
    }

    @Test
    void theLogGoesBesideTheStoreTheCommandNames() throws Exception {
        Path store = dir.resolve("scratch/a.db");
        StringWriter err = new StringWriter();
        int exit = LastResort.forCommand(ArbiterCommand.commandLine().parseArgs("items", "--db", store.toString()))
                .report(new IllegalStateException(), new PrintWriter(err, true));
        Path log = dir.resolve("scratch/arbiter-errors.log");
        assertThat(exit).isEqualTo(LastResort.INTERNAL_ERROR);
        assertThat(err.toString()).endsWith("details in " + log + "\n");
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException");
    }

    @Test
    void aFailureWordedForTheUserKeepsItsMessageAndLogsNothing() {
        Path log = dir.resolve("arbiter-errors.log");
        StringWriter err = new StringWriter();
        int exit = new LastResort(log).report(new StoreException("cannot open the store /x/a.db: disk I/O error", null),
                new PrintWriter(err, true));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("arbiter: cannot open the store /x/a.db: disk I/O error\n");
        assertThat(log).doesNotExist();
    }

    @Test
    void aFailureOnAnotherThreadIsOneLine() throws Exception {
        Path log = dir.resolve("arbiter-errors.log");
        StringWriter err = new StringWriter();
        LastResort lastResort = new LastResort(log);
        Thread t = new Thread(() -> {
            throw new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 2");
        }, "sync-worker");
        t.setUncaughtExceptionHandler((thread, e) -> lastResort.uncaught(thread, e, new PrintWriter(err, true)));
        t.start();
        t.join();
        assertThat(err.toString()).isEqualTo("arbiter: internal error: ArrayIndexOutOfBoundsException: Index 3 out of bounds"
                + " for length 2 (in sync-worker) — please report it; details in " + log + "\n");
        assertThat(Files.readString(log)).contains("thread sync-worker").contains("ArrayIndexOutOfBoundsException");
    }

    /**
     * A real OutOfMemoryError from a real command: a 15 MB record (under the cap) in a 20 MB heap. picocli lets
     * Errors through its handler; the user still gets one line and the trace lands in the log next to the store
     * that {@code --db} names, not in the default data folder (which tests and scratch stores would litter).
     */
    @Test
    void anOutOfMemoryErrorInACommandIsWordedNotPrintedAndLoggedNextToItsStore() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "XDG data folder: Linux");
        Path big = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"prompt\": \"Q\", \"chosen\": \"");
            String block = "x".repeat(1 << 16);
            for (int i = 0; i < 15 * 16; i++) w.write(block);
            w.write("\", \"rejected\": \"bad\"}\n");
        }
        Path xdg = dir.resolve("xdg");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx20m",
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher", "import", "--db",
                dir.resolve("a.db").toString(), big.toString());
        pb.environment().put("XDG_DATA_HOME", xdg.toString());
        Path out = dir.resolve("child.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        Path log = dir.resolve("arbiter-errors.log");
        assertThat(p.exitValue()).as(output).isEqualTo(LastResort.INTERNAL_ERROR);
        assertThat(xdg.resolve("arbiter/arbiter-errors.log")).doesNotExist();
        assertThat(output).startsWith("arbiter: out of memory (Java heap space): give Java a larger heap")
                .contains("details in " + log).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(output.strip().lines()).hasSize(1);
        assertThat(Files.readString(log)).contains("java.lang.OutOfMemoryError: Java heap space");
    }
}

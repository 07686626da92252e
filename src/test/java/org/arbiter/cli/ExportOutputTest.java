package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an export's bytes go when stdout or --out is not a plain file: a full disk, a pipe closed early, a
 * symbolic link, a FIFO, the process's own stdout. The export says so when it could not write everything, and
 * never swaps a link or a special file for a regular one. Real child JVMs where the process's stdout matters.
 *
 * <p>Nothing here names a real /dev path as --out: a regression would replace it for the whole machine.
 */
class ExportOutputTest {
    @TempDir
    static Path dir;
    static String localDb;
    static String serverDb;
    static final int ROWS = 3000;

    /** A local store and a server database whose prior-label export is ~6 MB, far more than a pipe holds. */
    @BeforeAll
    static void stores() throws IOException {
        Path trl = dir.resolve("pairs.jsonl");
        Path nativeItems = dir.resolve("items.jsonl");
        String filler = "lorem ipsum dolor sit amet ".repeat(35);
        try (BufferedWriter t = Files.newBufferedWriter(trl, StandardCharsets.UTF_8);
             BufferedWriter n = Files.newBufferedWriter(nativeItems, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ROWS; i++) {
                t.write("{\"prompt\": \"Q" + i + "\", \"chosen\": \"good " + filler + "\", \"rejected\": \"bad " + filler + "\"}\n");
                n.write("{\"id\": \"i" + i + "\", \"prompt\": \"Q" + i + "\", \"responses\": [{\"id\": \"a\", \"content\": \"good " + filler
                        + "\"}, {\"id\": \"b\", \"content\": \"bad " + filler + "\"}], \"prior_labels\": [{\"source\": \"trl\", \"preference\": \"A>B\"}]}\n");
            }
        }
        localDb = dir.resolve("local.db").toString();
        serverDb = "jdbc:sqlite:" + dir.resolve("server.db");
        Run local = inProcess("import", "--db", localDb, trl.toString());
        assertThat(local.exit()).as(local.err()).isZero();
        assertThat(inProcess("server", "--db", serverDb, "annotator", "add", "ana").exit()).isZero();
        Run server = inProcess("server", "--db", serverDb, "import", nativeItems.toString(), "--batch", "wk1", "--batch-size", "500");
        assertThat(server.exit()).as(server.err()).isZero();
    }

    record Run(int exit, String out, String err) {
    }

    static Run inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static ProcessBuilder child(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static String finish(Process p, Path errLog) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child finished in time").isTrue();
        return Files.readString(errLog);
    }

    @Test
    void anExportToAFullDiskExitsOneWithTheReason() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "needs /dev/full (Linux)");
        Path errLog = dir.resolve("full.err");
        Process p = child("export", "--db", localDb, "--format", "dpo", "--labels", "prior")
                .redirectOutput(new File("/dev/full")).redirectError(errLog.toFile()).start();
        String err = finish(p, errLog);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("arbiter export: cannot write stdout: No space left on device; the output is incomplete")
                .doesNotContain("wrote ").doesNotContain("\tat ");
    }

    @Test
    void aServerExportToAFullDiskExitsOneWithTheReason() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "needs /dev/full (Linux)");
        Path errLog = dir.resolve("server-full.err");
        Process p = child("server", "--db", serverDb, "export", "--format", "dpo", "--labels", "prior")
                .redirectOutput(new File("/dev/full")).redirectError(errLog.toFile()).start();
        String err = finish(p, errLog);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("arbiter server export: cannot write stdout: No space left on device").doesNotContain("wrote ");
    }

    /** {@code arbiter export | head -c 10}: the reader goes away while the export is still writing. */
    @Test
    void anExportIntoAPipeClosedEarlyExitsOne() throws Exception {
        Path errLog = dir.resolve("pipe.err");
        Process p = child("export", "--db", localDb, "--format", "dpo", "--labels", "prior")
                .redirectError(errLog.toFile()).start();
        try (InputStream in = p.getInputStream()) {
            assertThat(in.readNBytes(10)).hasSize(10);
        }
        String err = finish(p, errLog);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("arbiter export: cannot write stdout: Broken pipe; the output is incomplete").doesNotContain("wrote ");
    }

    @Test
    void anExportThatFitsItsPipeStillSucceeds() throws Exception {
        Path errLog = dir.resolve("whole.err");
        Process p = child("export", "--db", localDb, "--format", "dpo", "--labels", "prior")
                .redirectError(errLog.toFile()).start();
        byte[] all;
        try (InputStream in = p.getInputStream()) {
            all = in.readAllBytes();
        }
        String err = finish(p, errLog);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(new String(all, StandardCharsets.UTF_8).split("\n")).hasSize(ROWS);
        assertThat(err).contains("wrote " + ROWS + " rows");
    }

    @Test
    void outOntoASymlinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path target = dir.resolve("real.jsonl");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), target.getFileName());
        Run r = inProcess("export", "--db", localDb, "--format", "dpo", "--labels", "prior", "--out", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(Files.readAllLines(target)).hasSize(ROWS);

        Path dangling = Files.createSymbolicLink(dir.resolve("next.jsonl"), Path.of("made-by-export.jsonl"));
        r = inProcess("export", "--db", localDb, "--format", "dpo", "--labels", "prior", "--out", dangling.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readAllLines(dir.resolve("made-by-export.jsonl"))).hasSize(ROWS);
    }

    @Test
    void outOntoAFifoWritesThroughIt() throws Exception {
        Path fifo = dir.resolve("rows.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "needs mkfifo");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Run r = inProcess("export", "--db", localDb, "--format", "dpo", "--labels", "prior", "--out", fifo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new String(reader.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8).split("\n")).hasSize(ROWS);
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther()).as("still a FIFO").isTrue();
        try (var left = Files.list(dir)) {
            assertThat(left.map(Path::toString)).noneMatch(n -> n.endsWith(".part"));
        }
    }

    /**
     * {@code --out /dev/stdout} with stdout appended to a file ({@code >> all.jsonl}): the rows go through the
     * process's stdout, after what the file held. Done with a link of our own to /proc/self/fd/1, which is
     * what /dev/stdout is on Linux.
     */
    @Test
    void outOntoTheProcessStdoutWritesThroughIt() throws Exception {
        Path self = Path.of("/proc/self/fd/1");
        assumeTrue(Files.exists(self), "needs /proc (Linux)");
        Path stdoutLink = Files.createSymbolicLink(dir.resolve("stdout"), self);
        Path all = dir.resolve("all.jsonl");
        Files.writeString(all, "{\"earlier\": true}\n");
        Path errLog = dir.resolve("stdout.err");
        Process p = child("export", "--db", localDb, "--format", "dpo", "--labels", "prior", "--out", stdoutLink.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(all.toFile())).redirectError(errLog.toFile()).start();
        String err = finish(p, errLog);
        assertThat(p.exitValue()).as(err).isZero();
        List<String> lines = Files.readAllLines(all);
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines.get(0)).isEqualTo("{\"earlier\": true}");
        assertThat(Files.isSymbolicLink(stdoutLink)).isTrue();

        // and into a pipe: the rows arrive on stdout
        Process piped = child("export", "--db", localDb, "--format", "dpo", "--labels", "prior", "--out", stdoutLink.toString())
                .redirectError(errLog.toFile()).start();
        byte[] got;
        try (InputStream in = piped.getInputStream()) {
            got = in.readAllBytes();
        }
        err = finish(piped, errLog);
        assertThat(piped.exitValue()).as(err).isZero();
        assertThat(new String(got, StandardCharsets.UTF_8).split("\n")).hasSize(ROWS);
        assertThat(Files.isSymbolicLink(stdoutLink)).isTrue();
    }
}

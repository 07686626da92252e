package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that hold nothing, and records too big to hold: refused with the file and line, nothing imported. */
class ImportLimitsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String db() {
        return dir.resolve("arbiter.db").toString();
    }

    private int itemCount() {
        try (LocalStore s = LocalStore.open(dir.resolve("arbiter.db"))) {
            return s.items().countsByBatch().values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final String PAIR = "{\"prompt\": \"Q%d\", \"chosen\": \"good\", \"rejected\": \"bad\"}\n";

    @Test
    void emptyAndBlankFilesExitOneWithNoRecordsInEveryFormat() throws IOException {
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, PAIR.formatted(1) + PAIR.formatted(2));
        assertThat(run("import", "--db", db(), good.toString()).exit()).isZero();

        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("empty.jsonl"), ""));
        files.add(Files.writeString(dir.resolve("blank.jsonl"), "\n   \n\r\n\t\n"));
        files.add(Files.write(dir.resolve("bom.jsonl"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}));
        files.add(Files.writeString(dir.resolve("array.json"), " [ ]\n"));
        List<String> formats = new ArrayList<>();
        formats.add(null);
        for (ImportFormat f : ImportFormat.values()) formats.add(f.wireName());

        for (Path f : files) {
            for (String format : formats) {
                Run r = format == null ? run("import", "--db", db(), f.toString())
                        : run("import", "--db", db(), "--format", format, f.toString());
                assertThat(r.exit()).as(f + " --format " + format).isEqualTo(1);
                assertThat(r.err()).as(f + " --format " + format).isEqualTo(f + ": no records\n");
                assertThat(r.out()).isEmpty();
            }
        }
        assertThat(itemCount()).isEqualTo(2);
    }

    @Test
    void serverImportAndIngestOfAnEmptyFileExitOne() throws IOException {
        String server = "jdbc:sqlite:" + dir.resolve("server.db");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        Run imp = run("server", "--db", server, "import", empty.toString(), "--batch", "wk1");
        assertThat(imp.exit()).isEqualTo(1);
        assertThat(imp.err()).contains(empty + ": no records");
        Run ingest = run("server", "--db", server, "ingest", empty.toString(), "--annotator", "ana");
        assertThat(ingest.exit()).isEqualTo(1);
        assertThat(ingest.err()).contains(empty + ": no records");
        Run status = run("server", "--db", server, "status", "--json");
        assertThat(status.out()).contains("\"items\":0").contains("\"batches\":0");
    }

    /** The case from the acceptance run: one 50 MB line, a 64 MB heap. */
    @Test
    void aFiftyMegabyteLineIsRefusedInASixtyFourMegabyteHeap() throws Exception {
        Path big = dir.resolve("huge.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(PAIR.formatted(1));
            w.write(PAIR.formatted(2));
            w.write("{\"prompt\": \"Q3\", \"chosen\": \"");
            String block = "x".repeat(1 << 16);
            for (int i = 0; i < 50 * 16; i++) w.write(block);
            w.write("\", \"rejected\": \"bad\"}\n");
            w.write(PAIR.formatted(4));
        }
        assertThat(Files.size(big)).isGreaterThan(50L << 20);
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher", "import", "--db", db(), big.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child import finished in time").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains(big + ":3: record larger than 16 MB\n")
                .contains(big + ": nothing imported (1 bad line)")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(itemCount()).isZero();
    }

    @Test
    void aHugeElementOfAJsonArrayIsRefusedAtItsLine() throws IOException {
        Path big = dir.resolve("annotations.json");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("[\n{\"instruction\": \"Q1\", \"output_1\": \"a\", \"generator_1\": \"m1\", \"output_2\": \"b\", \"generator_2\": \"m2\", \"preference\": 1},\n");
            w.write("{\"instruction\": \"Q2\", \"output_1\": \"");
            String block = "y".repeat(1 << 16);
            for (int i = 0; i < 20 * 16; i++) w.write(block);
            w.write("\", \"generator_1\": \"m1\", \"output_2\": \"b\", \"generator_2\": \"m2\", \"preference\": 2}\n]\n");
        }
        Run r = run("import", "--db", db(), big.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(big + ":3: record larger than 16 MB\n").contains(big + ": nothing imported (1 bad line)");
        assertThat(itemCount()).isZero();
    }

    @Test
    void aRecordJustUnderTheCapStillImports() throws IOException {
        Path f = dir.resolve("fifteen.jsonl");
        Files.writeString(f, "{\"prompt\": \"Q\", \"chosen\": \"" + "z".repeat(15 << 20) + "\", \"rejected\": \"bad\"}\n");
        Run r = run("import", "--db", db(), f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(itemCount()).isEqualTo(1);
    }

    @Test
    void serverImportRefusesAHugeLine() throws IOException {
        String server = "jdbc:sqlite:" + dir.resolve("server.db");
        Path f = dir.resolve("items.jsonl");
        Files.writeString(f, "{\"id\": \"i1\", \"prompt\": \"Q\", \"responses\": [{\"id\": \"a\", \"content\": \"" + "w".repeat(17 << 20)
                + "\"}, {\"id\": \"b\", \"content\": \"x\"}]}\n");
        Run r = run("server", "--db", server, "import", f.toString(), "--batch", "wk1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(f + ":1: record larger than 16 MB");
        assertThat(run("server", "--db", server, "status", "--json").out()).contains("\"items\":0");
    }
}

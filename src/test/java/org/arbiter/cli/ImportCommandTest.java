package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter import} as a user runs it: output, exit codes, and a big file in a small heap. */
class ImportCommandTest {
    static final Path CORPUS = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus"));

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

    private List<Item> batch(String name) {
        try (LocalStore s = LocalStore.open(dir.resolve("arbiter.db"))) {
            return s.items().batch(name);
        }
    }

    @Test
    void importsSeveralFilesAndReportsEach() {
        Path hh = CORPUS.resolve("pref_hh_rlhf.jsonl");
        Path alpaca = CORPUS.resolve("pref_alpaca_eval.jsonl");
        Run r = run("import", "--db", db(), hh.toString(), alpaca.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(hh + ": 8 imported, 0 skipped (already present), batch pref_hh_rlhf, format hh-rlhf")
                .contains(alpaca + ": 7 imported, 0 skipped (already present), batch pref_alpaca_eval, format alpaca-eval");
        assertThat(r.err()).isEmpty();

        Run again = run("import", "--db", db(), hh.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains(hh + ": 0 imported, 8 skipped (already present), batch pref_hh_rlhf, format hh-rlhf");
        assertThat(batch("pref_hh_rlhf")).hasSize(8);
    }

    @Test
    void badFileExitsOneListingEveryBadLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"prompt\": \"Q\", \"chosen\": \"A\", \"rejected\": \"B\"}\n"
                + "{\"prompt\": \"Q2\", \"chosen\": \"A\"}\n"
                + "{\"prompt\": \"Q3\", \"chosen\": 3, \"rejected\": \"B\"}\n");
        Run r = run("import", "--db", db(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(f + ":2: rejected: expected a string or a list of messages (field is missing)")
                .contains(f + ":3: chosen: expected a string or a list of messages, found a number")
                .contains(f + ": nothing imported (2 bad lines)");
        assertThat(batch("bad")).isEmpty();
    }

    @Test
    void goldIsCheckedAtTheLocalImportWithFileLineAndField() throws IOException {
        String item = "{\"id\": \"%s\", \"prompt\": \"Q\", \"responses\": [{\"id\": \"x\", \"content\": \"one\"}, "
                + "{\"id\": \"y\", \"content\": \"two\"}], \"gold\": %s}\n";
        Path f = dir.resolve("gold.jsonl");
        Files.writeString(f, String.format(item, "g1", "{\"direction\": \"B\", \"note\": \"kept\"}")
                + String.format(item, "g2", "{\"direction\": \"left\"}")
                + String.format(item, "g3", "{\"first_error\": {\"response\": \"z\", \"step\": 1}}")
                + String.format(item, "g4", "{\"preference\": \"A>>>B\"}"));
        Run r = run("import", "--db", db(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(f + ":2: gold.direction: expected \"A\", \"B\" or \"equal\", found \"left\"")
                .contains(f + ":3: gold.first_error.response: expected a response id of the item (x, y) or the letter a or b, found \"z\"")
                .contains(f + ":4: gold.preference: expected a preference such as")
                .contains(f + ": nothing imported (3 bad lines)");

        Files.writeString(f, String.format(item, "g1", "{\"direction\": \"B\", \"note\": \"kept\"}")
                + String.format(item, "g5", "{\"correct\": \"x\", \"first_error\": [{\"response\": \"b\", \"step\": null}]}"));
        assertThat(run("import", "--db", db(), f.toString()).exit()).isZero();
        List<Item> items = batch("gold");
        assertThat(items.get(0).gold().direction()).isEqualTo(1);
        assertThat(items.get(0).gold().fields()).containsEntry("note", "kept");
        assertThat(items.get(1).gold().direction()).isEqualTo(-1);
        assertThat(items.get(1).gold().firstErrors()).containsExactly(new org.arbiter.model.Gold.FirstError("y", org.arbiter.model.Gold.NO_ERROR));
    }

    @Test
    void aMissingFileIsADataErrorAndTheOtherFilesStillImport() {
        Path missing = dir.resolve("nope.jsonl");
        Path hh = CORPUS.resolve("pref_hh_rlhf.jsonl");
        Run r = run("import", "--db", db(), missing.toString(), hh.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(missing + ": (file): expected an existing file, found none");
        assertThat(r.out()).contains(hh + ": 8 imported");
    }

    @Test
    void usageErrorsExitTwo() {
        Path hh = CORPUS.resolve("pref_hh_rlhf.jsonl");
        Run unknownFormat = run("import", "--db", db(), "--format", "csv", hh.toString());
        assertThat(unknownFormat.exit()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("unknown format 'csv'").contains("hh-rlhf");
        Run unknownDomain = run("import", "--db", db(), "--domain", "poetry", hh.toString());
        assertThat(unknownDomain.exit()).isEqualTo(2);
        assertThat(unknownDomain.err()).contains("unknown domain 'poetry'");
        assertThat(run("import", "--db", db()).exit()).isEqualTo(2);
    }

    @Test
    void formatBatchAndDomainOptions() {
        Path uf = CORPUS.resolve("pref_activeuf_binarized.jsonl");
        Run r = run("import", "--db", db(), "--format", "trl", "--batch", "round1", "--domain", "code", uf.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(uf + ": 8 imported, 0 skipped (already present), batch round1, format trl");
        assertThat(batch("round1")).hasSize(8).allSatisfy(i -> assertThat(i.domain()).isEqualTo(Domain.CODE));
    }

    @Test
    void aFortyMegabyteFileImportsInAFortyEightMegabyteHeap() throws Exception {
        Path big = dir.resolve("big.jsonl");
        String filler = "lorem ipsum dolor sit amet, ".repeat(140); // ~4 KB per response
        int lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            while (Files.size(big) < 40L << 20 || lines == 0) {
                for (int k = 0; k < 500; k++, lines++) {
                    w.write("{\"prompt\": \"Question " + lines + "\", \"chosen\": \"Good " + lines + " " + filler
                            + "\", \"rejected\": \"Bad " + lines + " " + filler + "\"}\n");
                }
                w.flush();
            }
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(40L << 20);
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                "org.arbiter.Launcher", "import", "--db", db(), big.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).as("child import finished in time").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains(big + ": " + lines + " imported, 0 skipped (already present), batch big, format trl");
        try (LocalStore s = LocalStore.open(dir.resolve("arbiter.db"))) {
            assertThat(s.items().countsByBatch()).containsEntry("big", lines);
        }
    }
}

package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.arbiter.logic.exporter.ExportFixture;
import org.arbiter.logic.exporter.ExportFixture.Run;
import org.arbiter.model.Preference;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter export} as a user runs it: exit codes, the output file, and what happens when writing fails. */
class ExportCommandTest {
    @TempDir
    Path dir;
    ExportFixture store;

    @BeforeEach
    void buildStore() {
        store = new ExportFixture(dir);
    }

    @Test
    void outWritesTheSameUtf8LinesAsStdoutAndLeavesNothingElse() throws IOException {
        Path out = dir.resolve("exports").resolve("dpo.jsonl");
        Files.createDirectories(out.getParent());
        Run toFile = store.export("--format", "dpo", "--out", out.toString());
        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(toFile.err()).contains("wrote 3 rows (format dpo, labels expert) to " + out);

        byte[] bytes = Files.readAllBytes(out);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(store.export("--format", "dpo").out());
        assertThat(text).contains("déjà vu").doesNotContain("\r").endsWith("}\n");
        assertThat(text.split("\n")).hasSize(3);
        // Valid UTF-8 survives a decode/encode round trip unchanged; anything else would gain U+FFFD.
        assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
    }

    @Test
    void anExistingExportIsReplacedWhole() throws IOException {
        Path out = dir.resolve("full.jsonl");
        Files.writeString(out, "old line 1\nold line 2\nold line 3\nold 4\nold 5\nold 6\nold 7\nold 8\nold 9\nold 10\n");
        Run run = store.export("--format", "full", "--batch", "code", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2).noneMatch(l -> l.startsWith("old"));
    }

    @Test
    void anUnwritablePathExitsOneAndLeavesNoFile() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
        Path out = notADir.resolve("dpo.jsonl");
        Run run = store.export("--format", "dpo", "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot write " + out).contains("nothing was written");
        assertThat(Files.exists(out)).isFalse();
        assertThat(Files.readString(notADir)).isEqualTo("x");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aFailedRenameAfterWritingRemovesTheTemporaryFile() throws IOException {
        // The rows are all written before the rename onto a non-empty directory fails.
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Run run = store.export("--format", "kto", "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot write " + out);
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("taken")
                    .allMatch(n -> n.equals("taken") || n.startsWith("store.db"));
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(store.export().exit()).isEqualTo(2);
        Run unknown = store.export("--format", "parquet");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown format \"parquet\"").contains("openai-dpo").contains("prm800k");
        Run labels = store.export("--format", "dpo", "--labels", "crowd");
        assertThat(labels.exit()).isEqualTo(2);
        assertThat(labels.err()).contains("expert, prior, all or consensus");
        Run batch = store.export("--format", "dpo", "--batch", "nope");
        assertThat(batch.exit()).isEqualTo(2);
        assertThat(batch.err()).contains("no batch \"nope\"").contains("math, prm, code");
        assertThat(batch.out()).isEmpty();
    }

    @Test
    void aMissingStoreIsAnErrorAndIsNotCreated() {
        Path missing = dir.resolve("none.db");
        Run run = ExportFixture.arbiter("export", "--db", missing.toString(), "--format", "full");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no store at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void aLabelThatCannotBeWrittenIsReportedAndTheRestIsExported() throws IOException {
        try (LocalStore s = LocalStore.open(store.db)) {
            // Step 9 of a four-step response: the store holds a rating for a step the response no longer has.
            s.judgments().save(ExportFixture.judgment(UUID.fromString("00000000-0000-4000-8000-0000000000ff"), "p1",
                    "prm", "dave", 1, null, Set.of(), List.of(ExportFixture.step("a", 9, 1)), "a", 20));
            s.judgments().save(ExportFixture.judgment(UUID.fromString("00000000-0000-4000-8000-0000000000fe"), "c2",
                    "code", "dave", 1, Preference.A_BETTER, Set.of(), List.of(ExportFixture.step("z", 0, 1)), "a", 21));
        }
        Path out = dir.resolve("steps.jsonl");
        Run run = store.export("--format", "stepwise", "--out", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("judgment 00000000-0000-4000-8000-0000000000ff by dave on item prm/p1: response \"a\" has 4 steps, but step index 9 is rated")
                .contains("judgment 00000000-0000-4000-8000-0000000000fe by dave on item code/c2: step labels name response \"z\"")
                .contains("2 labels could not be written")
                .contains("wrote 2 rows");
        assertThat(Files.readAllLines(out)).hasSize(2);
    }
}

package org.arbiter.logic.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.Item;
import org.junit.jupiter.api.Test;

/** Bad input: every bad line named by file, line and field; nothing of a bad file reaches the store. */
class ImportRejectionTest extends ImporterFixture {

    static String trl(int i) {
        return "{\"prompt\": \"Question " + i + "?\", \"chosen\": \"Good answer " + i + ".\", \"rejected\": \"Bad answer " + i + ".\"}";
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Imports a file that must fail, and checks nothing was stored. */
    private ImportResult rejected(Path file) {
        int before = store.items().count();
        ImportResult r = importer.importFile(file, ImportOptions.detect());
        assertThat(r.ok()).isFalse();
        assertThat(r.imported()).isZero();
        assertThat(store.items().count()).isEqualTo(before);
        assertThat(r.summary()).isEqualTo(file + ": nothing imported (" + r.errorCount() + " bad line" + (r.errorCount() == 1 ? ")" : "s)"));
        return r;
    }

    private static ImportError only(ImportResult r) {
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0);
    }

    private static void assertNames(ImportError e, Path file, long line, String field) {
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.toString()).startsWith(file + ":" + line + ": " + field + ": expected ");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((trl(1) + "\n").getBytes(StandardCharsets.UTF_8));
        b.write("{\"prompt\": \"caf".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9); // é in Latin-1
        b.write("\", \"chosen\": \"a\", \"rejected\": \"b\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        ImportError e = only(rejected(f));
        assertNames(e, f, 2, "(encoding)");
        assertThat(e.expected()).contains("UTF-8").contains("byte 16 of the line");
    }

    @Test
    void truncatedAndNonJsonLinesAreRejected() throws IOException {
        Path f = write("broken.jsonl", trl(1) + "\n{\"prompt\": \"Question 2?\", \"chosen\": \"Go\n" + "this is not json\n" + trl(4) + "\n");
        ImportResult r = rejected(f);
        assertThat(r.errors()).hasSize(2);
        assertNames(r.errors().get(0), f, 2, "(json)");
        assertNames(r.errors().get(1), f, 3, "(json)");
        assertThat(r.errors().get(0).expected()).contains("JSON object");
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() throws IOException {
        Path f = write("array_line.jsonl", trl(1) + "\n[1, 2]\n");
        assertNames(only(rejected(f)), f, 2, "(line)");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        Path f = write("missing.jsonl", trl(1) + "\n{\"prompt\": \"Q?\", \"chosen\": \"A.\"}\n");
        ImportError e = only(rejected(f));
        assertNames(e, f, 2, "rejected");
        assertThat(e.expected()).contains("field is missing");
    }

    @Test
    void missingFieldInPrm800kStepIsNamedWithItsPath() throws IOException {
        Path f = write("prm.jsonl", "{\"question\": {\"problem\": \"1+1?\"}, \"label\": {\"steps\": "
                + "[{\"completions\": [{\"rating\": 1}], \"chosen_completion\": 0}]}}\n");
        assertNames(only(rejected(f)), f, 1, "label.steps[0].completions[0].text");
    }

    @Test
    void duplicateIdsWithinAFileAreRejected() throws IOException {
        String item = "{\"id\": \"x1\", \"prompt\": \"P\", \"responses\": [{\"id\": \"a\", \"content\": \"A\"}, {\"id\": \"b\", \"content\": \"B\"}]}";
        String other = "{\"id\": \"x1\", \"prompt\": \"Other\", \"responses\": [{\"id\": \"a\", \"content\": \"C\"}, {\"id\": \"b\", \"content\": \"D\"}]}";
        Path f = write("dups.jsonl", item + "\n" + other + "\n");
        ImportError e = only(rejected(f));
        assertNames(e, f, 2, "id");
        assertThat(e.expected()).contains("\"x1\"").contains("line 1");
    }

    @Test
    void duplicatePromptIdsInUltraFeedbackAreRejected() throws IOException {
        Path f = write("uf.jsonl",
                "{\"prompt\": \"P1\", \"prompt_id\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"score_chosen\": 2}\n"
                        + "{\"prompt\": \"P2\", \"prompt_id\": \"p\", \"chosen\": \"c\", \"rejected\": \"d\", \"score_chosen\": 2}\n");
        assertNames(only(rejected(f)), f, 2, "id");
    }

    @Test
    void fewerThanTwoResponsesIsRejectedForPairFormats() throws IOException {
        Path openai = write("openai.jsonl", "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}, "
                + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hello\"}], \"non_preferred_output\": []}\n");
        assertNames(only(rejected(openai)), openai, 1, "non_preferred_output");

        Path nativeNone = write("none.jsonl", "{\"id\": \"q\", \"prompt\": \"P\", \"responses\": []}\n");
        assertNames(only(rejected(nativeNone)), nativeNone, 1, "responses");

        Path uf = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus")).resolve("pref_ultrafeedback.jsonl");
        assertNames(only(rejected(uf)), uf, 1, "completions");
    }

    @Test
    void singlePathPrm800kIsAccepted() throws IOException {
        Path f = write("prm1.jsonl", "{\"question\": {\"problem\": \"1+1?\", \"ground_truth_answer\": \"2\"}, \"label\": {\"steps\": "
                + "[{\"completions\": [{\"text\": \"1+1=2.\", \"rating\": 1}], \"chosen_completion\": 0}], \"finish_reason\": \"solution\"}}\n");
        ImportResult r = importer.importFile(f, ImportOptions.detect());
        assertThat(r.ok()).isTrue();
        assertThat(store.items().batch("prm1")).singleElement().satisfies(i -> assertThat(i.a().steps()).containsExactly("1+1=2."));
    }

    @Test
    void nonStringContentIsRejected() throws IOException {
        Path f = write("numbers.jsonl", trl(1) + "\n{\"prompt\": \"Q\", \"chosen\": 42, \"rejected\": \"b\"}\n"
                + "{\"prompt\": [{\"role\": \"user\", \"content\": \"Q\"}], \"chosen\": [{\"role\": \"assistant\", \"content\": {\"text\": \"a\"}}], "
                + "\"rejected\": [{\"role\": \"assistant\", \"content\": \"b\"}]}\n");
        ImportResult r = rejected(f);
        assertThat(r.errors()).hasSize(2);
        assertNames(r.errors().get(0), f, 2, "chosen");
        assertThat(r.errors().get(0).expected()).contains("found a number");
        assertNames(r.errors().get(1), f, 3, "chosen[0].content");
        assertThat(r.errors().get(1).expected()).contains("a string, found an object");
    }

    @Test
    void oneBadLineAmongNinetyNineGoodImportsNothing() throws IOException {
        importer.importFile(Path.of("resources/demo/demo.jsonl"), ImportOptions.detect());
        int before = store.items().count();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) lines.add(i == 57 ? "{\"prompt\": \"Q\", \"chosen\": \"A\"}" : trl(i));
        Path f = write("hundred.jsonl", String.join("\n", lines) + "\n");
        ImportResult r = rejected(f);
        assertNames(only(r), f, 57, "rejected");
        assertThat(store.items().count()).isEqualTo(before);
        assertThat(store.items().batches()).doesNotContain("hundred");
    }

    @Test
    void everyBadLineIsListed() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) lines.add(i == 2 || i == 5 || i == 9 ? "{\"prompt\": \"Q" + i + "\", \"chosen\": \"A\", \"rejected\": 1}" : trl(i));
        Path f = write("three.jsonl", String.join("\n", lines));
        ImportResult r = rejected(f);
        assertThat(r.errorCount()).isEqualTo(3);
        assertThat(r.errors()).extracting(ImportError::line).containsExactly(2L, 5L, 9L);
        assertThat(r.errors()).extracting(ImportError::field).containsOnly("rejected");
    }

    @Test
    void errorsAreCappedButCounted() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 80; i++) lines.add("not json " + i);
        Path f = write("garbage.jsonl", String.join("\n", lines));
        ImportResult r = rejected(f);
        assertThat(r.errorCount()).isEqualTo(80);
        assertThat(r.errors()).hasSize(Importer.ERROR_CAP);
        assertThat(r.errors().get(49).line()).isEqualTo(50);
    }

    @Test
    void unknownFormatIsReportedOnce() throws IOException {
        Path f = write("mystery.jsonl", "{\"foo\": 1}\n{\"foo\": 2}\n");
        ImportError e = only(rejected(f));
        assertNames(e, f, 1, "(record)");
        assertThat(e.expected()).contains("--format").contains("[foo]");
    }

    @Test
    void missingFileIsAnError() {
        Path f = dir.resolve("nowhere.jsonl");
        ImportResult r = importer.importFile(f, ImportOptions.detect());
        assertThat(r.ok()).isFalse();
        assertThat(only(r).toString()).isEqualTo(f + ": (file): expected an existing file, found none");
    }

    @Test
    void bomCrlfAndBlankLinesAreAccepted() throws IOException {
        Path f = dir.resolve("windows.jsonl");
        String text = "\uFEFF" + trl(1) + "\r\n\r\n" + trl(2) + "\r\n   \r\n" + trl(3) + "\r\n\r\n";
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        ImportResult r = importer.importFile(f, ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.imported()).isEqualTo(3);
        List<Item> items = store.items().batch("windows");
        assertThat(items).extracting(i -> i.prompt().markdown()).containsExactly("Question 1?", "Question 2?", "Question 3?");
        assertThat(items.get(2).responses()).extracting(x -> x.content()).containsExactlyInAnyOrder("Good answer 3.", "Bad answer 3.");
    }

    @Test
    void errorLinesCountBlankLinesAndCrlf() throws IOException {
        Path f = dir.resolve("crlf_bad.jsonl");
        Files.write(f, ("\uFEFF" + trl(1) + "\r\n\r\n{oops\r\n").getBytes(StandardCharsets.UTF_8));
        assertNames(only(rejected(f)), f, 3, "(json)");
    }

    @Test
    void reimportSkipsItemsAlreadyPresent() throws IOException {
        Path f = write("again.jsonl", trl(1) + "\n" + trl(2) + "\n");
        ImportResult first = importer.importFile(f, ImportOptions.detect());
        assertThat(first.imported()).isEqualTo(2);
        Files.writeString(f, trl(1) + "\n" + trl(2) + "\n" + trl(3) + "\n");
        ImportResult second = importer.importFile(f, ImportOptions.detect());
        assertThat(second.imported()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.summary()).isEqualTo(f + ": 1 imported, 2 skipped (already present), batch again, format trl");
        assertThat(store.items().batch("again")).hasSize(3);
    }

    @Test
    void brokenJsonArrayIsRejectedAtItsLine() throws IOException {
        Path f = write("arr.json", "[\n" + trl(1) + ",\n" + trl(2) + ",\n{\"prompt\": \"x\", \n");
        ImportResult r = rejected(f);
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.errors().get(0).field()).isEqualTo("(json)");
        assertThat(r.errors().get(0).line()).isGreaterThanOrEqualTo(4);

        Path g = write("arr2.json", "[\n" + trl(1) + ",\n42,\n" + trl(3) + "\n]\n");
        assertNames(only(rejected(g)), g, 3, "(element)");
    }
}

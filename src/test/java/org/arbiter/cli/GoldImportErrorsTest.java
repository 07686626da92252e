package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.server.GoldSeedingContract;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad gold input is refused with file, line and field, and nothing of the import is stored. */
class GoldImportErrorsTest {
    @TempDir
    Path dir;
    String url;
    Path items;

    @BeforeEach
    void setUp() throws Exception {
        url = "jdbc:sqlite:" + dir.resolve("server.db");
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ana");
        }
        items = write("items.jsonl", GoldSeedingContract.regular(10));
    }

    Path write(String name, List<Item> list) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Item i : list) sb.append(Json.write(ItemJson.write(i))).append('\n');
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("server", "--db", url));
        all.addAll(List.of(args));
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    int storedItems() {
        try (ServerStore store = ServerStore.open(url)) {
            return store.status().items();
        }
    }

    @Test
    void aGoldLineWithoutAScorableAnswerNamesFileLineAndField() throws Exception {
        Path gold = write("gold.jsonl", List.of(GoldSeedingContract.item("q90", Map.of("preference", "A>B")),
                GoldSeedingContract.item("q91", Map.of("answer", "42"))));
        String[] r = run("import", items.toString(), "--batch", "wk", "--gold", gold.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains(gold + ":2: gold: expected").contains("\"answer\":\"42\"");
        assertThat(storedItems()).isZero();
    }

    @Test
    void aGoldIdThatIsAlsoARegularIdIsRefused() throws Exception {
        Path gold = write("gold.jsonl", List.of(GoldSeedingContract.item("q03", Map.of("direction", "A"))));
        String[] r = run("import", items.toString(), "--batch", "wk", "--gold", gold.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("gold item id q03 is also the id of a regular item");
        assertThat(storedItems()).isZero();
    }

    @Test
    void aRateTheGoldFileCannotFillIsRefused() throws Exception {
        Path gold = write("gold.jsonl", List.of(GoldSeedingContract.item("q90", Map.of("direction", "A"))));
        String[] r = run("import", items.toString(), "--batch", "wk", "--gold", gold.toString(), "--gold-rate", "0.5");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("needs at least 5 different gold items").contains("the gold file has 1");
        assertThat(storedItems()).isZero();
        r = run("import", items.toString(), "--batch", "wk", "--gold", gold.toString(), "--gold-rate", "0");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("--gold-rate: expected a share above 0 and at most 1, found 0.0");
        assertThat(storedItems()).isZero();
    }

    @Test
    void aRateWithoutAGoldFileIsAUsageError() {
        String[] r = run("import", items.toString(), "--batch", "wk", "--gold-rate", "0.1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--gold-rate needs --gold GOLD_FILE");
        assertThat(storedItems()).isZero();
    }

    @Test
    void goldThatSaysGoldWhereAnnotatorsLookIsImportedWithAWarning() throws Exception {
        Path gold = write("gold.jsonl", List.of(GoldSeedingContract.item("gold-1", Map.of("direction", "A"))));
        String[] r = run("import", items.toString(), "--batch", "wk", "--gold", gold.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[2]).contains("warning: gold item gold-1 shows the word \"gold\" to annotators");
        assertThat(r[1]).contains("wk-001: ana (1 gold)");
        assertThat(storedItems()).isEqualTo(11);
    }
}

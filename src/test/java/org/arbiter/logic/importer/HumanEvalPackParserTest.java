package org.arbiter.logic.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HumanEvalPack-style files read as they are, with their tests and known truth. */
class HumanEvalPackParserTest {
    @TempDir
    Path dir;

    @Test
    void readsTheCorpusCodePairsWithTheirTests() {
        ItemReader.Read read = ItemReader.read(Path.of("src/test/resources/corpus/code_pairs.jsonl"), ImportOptions.detect());
        assertThat(read.ok()).isTrue();
        assertThat(read.items()).hasSize(98);
        Item modp = read.items().stream().filter(i -> i.id().equals("Python/49")).findFirst().orElseThrow();
        assertThat(modp.domain()).isEqualTo(Domain.CODE);
        assertThat(modp.reference().language()).isEqualTo("python");
        assertThat(modp.reference().entryPoint()).isEqualTo("modp");
        assertThat(modp.reference().tests()).contains("check(modp)");
        assertThat(modp.meta().get("truth")).isEqualTo(Map.of("a", true, "b", false));
        assertThat(read.items().stream().filter(i -> "cpp".equals(i.reference().language()))).isNotEmpty();
    }

    @Test
    void aHumanEvalPackRowBecomesCanonicalVersusBuggy() throws Exception {
        Path f = dir.resolve("humanevalpack.jsonl");
        Files.writeString(f, "{\"task_id\": \"Go/0\", \"instruction\": \"Write F\", \"prompt\": \"p\", \"import\": \"import (\\n  \\\"math\\\"\\n)\\n\","
                + " \"declaration\": \"func F() float64 {\\n\", \"canonical_solution\": \"    return math.Pi\\n}\\n\","
                + " \"buggy_solution\": \"    return 3\\n}\\n\", \"test\": \"func TestF(t *testing.T) {}\", \"entry_point\": \"F\","
                + " \"test_setup\": \"package main\\n\"}\n");
        ItemReader.Read read = ItemReader.read(f, ImportOptions.detect());
        assertThat(read.errors()).isEmpty();
        Item item = read.items().get(0);
        assertThat(item.a().content()).isEqualTo("```go\nimport (\n  \"math\"\n)\nfunc F() float64 {\n    return math.Pi\n}\n```");
        assertThat(item.reference().testSetup()).isEqualTo("package main\n");
        assertThat(item.meta().get("truth")).isEqualTo(Map.of("a", true, "b", false));
    }

    @Test
    void anUnknownLanguageNamesLineAndField() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\": \"x\", \"language\": \"COBOL\", \"prompt\": \"p\", \"response_a\": \"a\", \"response_b\": \"b\","
                + " \"test\": \"t\", \"entry_point\": \"e\"}\n");
        ItemReader.Read read = ItemReader.read(f, ImportOptions.detect());
        assertThat(read.errors()).hasSize(1);
        assertThat(read.errors().get(0).toString()).contains("bad.jsonl").contains(":1").contains("language").contains("COBOL");
    }
}

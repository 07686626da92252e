package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Reference;
import org.junit.jupiter.api.Test;

/** Taking code out of a response and composing it with the tests as HumanEvalPack does. */
class TestProgramTest {
    @Test
    void takesTheBlocksInTheItemsLanguage() {
        String content = "Here:\n```text\nnot code\n```\n```python\ndef f():\n    return 1\n```\nand\n```py\nX = 2\n```\n";
        assertThat(CodeBlocks.extract(content, CodeLanguage.PYTHON)).isEqualTo("def f():\n    return 1\n\nX = 2\n");
        assertThat(CodeBlocks.extract("def f():\n    return 1\n", CodeLanguage.PYTHON)).isEqualTo("def f():\n    return 1\n");
        assertThat(CodeBlocks.extract("```js\nx\n```", CodeLanguage.PYTHON)).isNull();
        assertThat(CodeBlocks.extract("```\nint x;\n```", CodeLanguage.CPP)).isEqualTo("int x;\n");
    }

    @Test
    void javascriptAssertionsThrowAndAreCounted() {
        TestProgram p = TestProgram.compose(CodeLanguage.JAVASCRIPT, "const f = () => 1\n",
                new Reference(null, null, "const t = () => {\n  console.assert(f() === 1)\n  console.assert(f() !== 2)\n}\nt()\n", "javascript", "f", null), Map.of());
        assertThat(p.source()).startsWith("console.assert = ").contains("throw e");
        assertThat(p.assertionLines()).containsExactly(4, 5);
        assertThat(p.line(5)).isEqualTo("console.assert(f() !== 2)");
        assertThat(p.assertionAt(5)).isEqualTo(2);
        assertThat(p.assertionAt(1)).isZero();
    }

    @Test
    void goGetsItsTestSetupFromTheReferenceOrTheMeta() {
        Reference ref = new Reference(null, null, "func TestF(t *testing.T) {\n    assert.Equal(t, 1, F())\n}\n", "go", "F", null);
        String setup = "package main\n\nimport (\n    \"testing\"\n    \"github.com/stretchr/testify/assert\"\n    \"math\"\n)\n";
        TestProgram fromMeta = TestProgram.compose(CodeLanguage.GO, "package main\nfunc F() int { return 1 }\n", ref, Map.of("test_setup", setup));
        assertThat(fromMeta.source()).startsWith(setup).doesNotContain("package main\nfunc");
        TestProgram fallback = TestProgram.compose(CodeLanguage.GO, "func F() int { return 1 }\n", ref, Map.of());
        assertThat(fallback.source()).startsWith(TestProgram.GO_SETUP);
    }

    @Test
    void rustDropsTheUnusedCrateImportsOfHumanEvalPack() {
        String code = "fn main(){}\nuse std::cmp::max;\nuse rand::Rng;\nuse regex::Regex;\nuse md5;\nfn f() -> i32 { 1 }\n";
        TestProgram p = TestProgram.compose(CodeLanguage.RUST, code, new Reference(null, null, "#[cfg(test)]\nmod tests {}\n", "rust", "f", null), Map.of());
        assertThat(p.source()).contains("use std::cmp::max;").doesNotContain("rand").doesNotContain("regex").doesNotContain("md5");
        assertThat(TestProgram.needsRustCrates(code)).isFalse();
        assertThat(TestProgram.needsRustCrates("let re = Regex::new(\"a\");")).isTrue();
    }

    @Test
    void theNativeReferenceKeepsEntryPointAndTestSetup() {
        String line = "{\"id\": \"g\", \"domain\": \"code\", \"prompt\": \"p\", \"responses\": [{\"id\": \"a\", \"content\": \"x\"}],"
                + " \"reference\": {\"language\": \"go\", \"tests\": \"T\", \"entry_point\": \"F\", \"test_setup\": \"package main\"}}";
        Item item = ItemJson.read(Json.parse(line), "b", null);
        assertThat(item.reference().entryPoint()).isEqualTo("F");
        assertThat(item.reference().testSetup()).isEqualTo("package main");
        Item again = ItemJson.read(ItemJson.write(item), "b", null);
        assertThat(again.reference()).isEqualTo(item.reference());
        assertThat(new Reference("2", null, null, null).entryPoint()).isNull();
        assertThat(List.of(item.reference().hasTests())).containsExactly(true);
    }
}

package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.junit.jupiter.api.Test;

/** HumanEvalPack Rust code that really uses its crates builds with cargo against Debian's packaged sources. */
class RustCratesTest {
    static final String HEADER = "fn main(){}\nuse std::collections::HashMap;\nuse rand::Rng;\nuse regex::Regex;\nuse md5;\n";
    static final String TESTS = "#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn test_f() {\n"
            + "        assert!(vowels(\"banana\") == 3);\n        assert!(digest(\"\") == \"d41d8cd98f00b204e9800998ecf8427e\");\n"
            + "        assert!(roll() < 6);\n    }\n}\n";

    @Test
    void codeUsingRandRegexAndMd5Runs() throws Exception {
        String good = HEADER + "fn vowels(s: &str) -> usize { Regex::new(\"[aeiou]\").unwrap().find_iter(s).count() }\n"
                + "fn digest(s: &str) -> String { format!(\"{:x}\", md5::compute(s.as_bytes())) }\n"
                + "fn roll() -> u32 { rand::thread_rng().gen_range(0..6) }\n";
        String bad = good.replace("[aeiou]", "[eiou]");
        Item item = new Item("rust-crates", "t", Domain.CODE, Prompt.text("p"),
                List.of(new Response("a", null, "```rust\n" + good + "```"), new Response("b", null, "```rust\n" + bad + "```")),
                new Reference(null, null, TESTS, "rust", "vowels", null), null, Map.of(), List.of());
        try (CodeCheck check = CodeCheck.forThisMachine(CodeCorpusVerdictsTest.DEBIAN_PATH, Path.of(System.getProperty("java.io.tmpdir")))) {
            CheckResult a = check.run(item, item.a());
            assertThat(a.verdict()).as(a.detail()).isEqualTo("passed");
            assertThat(a.testsTotal()).isEqualTo(3);
            CheckResult b = check.run(item, item.b().orElseThrow());
            assertThat(b.verdict()).as(b.detail()).isEqualTo("failed");
            assertThat(b.detail()).startsWith("test 1 of 3 failed: assert!(vowels(\"banana\") == 3);");
            assertThat(b.ms()).isLessThan(a.ms() + 60_000);
        }
    }
}

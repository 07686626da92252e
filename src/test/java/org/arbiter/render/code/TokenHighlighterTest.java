package org.arbiter.render.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenHighlighterTest {
    private final CodeHighlighter highlighter = new TokenHighlighter();

    /** The class of the span whose whole text is {@code token} on that line, or "plain". */
    static String classOf(String htmlLine, String token) {
        String escaped = SourceLines.escape(token);
        Matcher m = Pattern.compile("<span class=\"([\\w-]+)\">" + Pattern.quote(escaped) + "</span>")
                .matcher(htmlLine);
        if (m.find()) return m.group(1);
        String text = htmlLine.replaceAll("<span class=\"[\\w-]+\">[^<]*</span>", "\u0000");
        return text.contains(escaped) ? "plain" : "absent";
    }

    private HighlightedCode hl(String code, String lang) {
        HighlightedCode h = highlighter.highlight(code, lang);
        assertThat(h.ok()).isTrue();
        return h;
    }

    @Test
    void pythonTripleQuotedDocstringColoursEveryLineAsString() throws Exception {
        String code = CodeCorpus.load().byId("Python/49").a();
        HighlightedCode h = hl(code, "python");
        assertThat(h.language()).isEqualTo("python");
        assertThat(h.label()).isEqualTo("Python");
        List<String> lines = h.lines();
        assertThat(classOf(lines.get(0), "def")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(0), "modp")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(0), "int")).isEqualTo("t-type");
        for (int k = 1; k <= 12; k++) {
            assertThat(lines.get(k).strip()).as("docstring line %d", k).startsWith("<span class=\"t-str\">")
                    .endsWith("</span>").doesNotContain("t-num");
        }
        assertThat(classOf(lines.get(13), "1")).isEqualTo("t-num");
        assertThat(classOf(lines.get(14), "for")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(14), "range")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(15), "%")).isEqualTo("t-op");
    }

    @Test
    void rustLifetimesAreNeitherErrorsNorStrings() {
        String code = "fn longest<'a>(x: &'a str, y: &'a str) -> &'a str {\n"
                + "    let c = 'x';\n"
                + "    let s = \"str\"; // pick one\n"
                + "    let r = r#\"raw \"quoted\"\"#;\n"
                + "    if x.len() > y.len() { x } else { y }\n"
                + "}\n";
        List<String> lines = hl(code, "rs").lines();
        assertThat(classOf(lines.get(0), "fn")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(0), "longest")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(0), "'a")).isEqualTo("t-type");
        assertThat(lines.get(0)).doesNotContain("t-err").doesNotContain("t-str");
        assertThat(classOf(lines.get(0), "str")).isEqualTo("t-type");
        assertThat(classOf(lines.get(1), "'x'")).isEqualTo("t-str");
        assertThat(classOf(lines.get(2), "\"str\"")).isEqualTo("t-str");
        assertThat(classOf(lines.get(2), "// pick one")).isEqualTo("t-com");
        assertThat(classOf(lines.get(3), "r#\"raw \"quoted\"\"#")).isEqualTo("t-str");
        assertThat(classOf(lines.get(4), "if")).isEqualTo("t-kw");
    }

    @Test
    void rustFromTheCorpusColoursMacrosNumbersAndTypes() throws Exception {
        String code = CodeCorpus.load().byId("Rust/98").a();
        List<String> lines = hl(code, "Rust").lines();
        assertThat(classOf(lines.get(0), "use")).isEqualTo("t-kw");
        String fnLine = lines.stream().filter(l -> l.contains("count_upper")).findFirst().orElseThrow();
        assertThat(classOf(fnLine, "count_upper")).isEqualTo("t-fn");
        assertThat(classOf(fnLine, "i32")).isEqualTo("t-type");
        String uvowel = lines.stream().filter(l -> l.contains("AEIOU")).findFirst().orElseThrow();
        assertThat(classOf(uvowel, "\"AEIOU\"")).isEqualTo("t-str");
        assertThat(String.join("\n", lines)).doesNotContain("t-err");
    }

    @Test
    void cAndCppPreprocessorStringsAndRawStrings() throws Exception {
        List<String> c = hl("#include <stdio.h>\n/* sum of\n   two */\nint add(int a, int b) { return a + b; }\n"
                + "char q = '\\'';\nlong big = 0xFFul;\n", "c").lines();
        assertThat(classOf(c.get(0), "#include &lt;stdio.h&gt;".replace("&lt;", "<").replace("&gt;", ">")))
                .isEqualTo("t-pre");
        assertThat(classOf(c.get(1), "/* sum of")).isEqualTo("t-com");
        assertThat(classOf(c.get(2), "   two */")).isEqualTo("t-com");
        assertThat(classOf(c.get(3), "add")).isEqualTo("t-fn");
        assertThat(classOf(c.get(3), "return")).isEqualTo("t-kw");
        assertThat(classOf(c.get(4), "'\\''")).isEqualTo("t-str");
        assertThat(classOf(c.get(5), "0xFFul")).isEqualTo("t-num");

        String corpus = CodeCorpus.load().byId("CPP/33").a();
        List<String> cpp = hl(corpus, "C++").lines();
        assertThat(hl(corpus, "C++").label()).isEqualTo("C++");
        assertThat(classOf(cpp.get(0), "#include<stdio.h>")).isEqualTo("t-pre");
        assertThat(classOf(cpp.get(4), "using")).isEqualTo("t-kw");
        assertThat(classOf(cpp.get(4), "namespace")).isEqualTo("t-kw");
        assertThat(classOf(cpp.get(6), "vector")).isEqualTo("t-type");

        List<String> raw = hl("auto s = R\"x(a \"quoted\"\nline)x\";\nint n = 1'000'000;\n", "cpp").lines();
        assertThat(classOf(raw.get(0), "R\"x(a \"quoted\"")).isEqualTo("t-str");
        assertThat(classOf(raw.get(1), "line)x\"")).isEqualTo("t-str");
        assertThat(classOf(raw.get(2), "1'000'000")).isEqualTo("t-num");
    }

    @Test
    void javaAnnotationsKeywordsAndTypes() throws Exception {
        List<String> lines = hl(CodeCorpus.load().byId("Java/109").a(), "java").lines();
        assertThat(classOf(lines.get(0), "import")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(3), "class")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(3), "Solution")).isEqualTo("t-type");
        assertThat(classOf(lines.get(4), "public")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(4), "boolean")).isEqualTo("t-type");
        assertThat(classOf(lines.get(4), "moveOneBall")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(6), "true")).isEqualTo("t-lit");
        List<String> ann = hl("@Override\npublic String toString() { return \"x\"; }\n", "java").lines();
        assertThat(classOf(ann.get(0), "@Override")).isEqualTo("t-pre");
    }

    @Test
    void javaScriptTemplatesRegexAndPrivateFields() throws Exception {
        List<String> corpus = hl(CodeCorpus.load().byId("JavaScript/84").a(), "js").lines();
        assertThat(classOf(corpus.get(0), "const")).isEqualTo("t-kw");
        assertThat(classOf(corpus.get(0), "=&gt;".replace("&gt;", ">"))).isEqualTo("t-op");
        assertThat(classOf(corpus.get(6), "toString")).isEqualTo("t-fn");
        String code = "class C {\n  #count = 0;\n  inc() { return this.#count++; }\n}\n"
                + "const re = /\"[a-z]+\"/g;\nconst t = `multi\nline ${x}`;\n";
        List<String> lines = hl(code, "javascript").lines();
        assertThat(String.join("\n", lines)).doesNotContain("t-err");
        assertThat(classOf(lines.get(4), "/\"[a-z]+\"/g")).isEqualTo("t-str");
        assertThat(classOf(lines.get(5), "`multi")).isEqualTo("t-str");
        assertThat(classOf(lines.get(6), "line ${x}`")).isEqualTo("t-str");
        List<String> division = hl("let r = a / b / c;\n", "js").lines();
        assertThat(division.get(0)).doesNotContain("t-str");
    }

    @Test
    void typeScriptTypesAndInterfaces() {
        String code = "interface User {\n  name: string;\n  age?: number;\n}\n"
                + "export function greet(u: User): string {\n  return `hi ${u.name}`;\n}\n";
        List<String> lines = hl(code, "ts").lines();
        assertThat(classOf(lines.get(0), "interface")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(0), "User")).isEqualTo("t-type");
        assertThat(classOf(lines.get(1), "string")).isEqualTo("t-type");
        assertThat(classOf(lines.get(2), "number")).isEqualTo("t-type");
        assertThat(classOf(lines.get(4), "export")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(4), "greet")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(5), "`hi ${u.name}`")).isEqualTo("t-str");
    }

    @Test
    void goRawStringsRunesAndShortDeclarations() throws Exception {
        List<String> corpus = hl(CodeCorpus.load().byId("Go/80").a(), "golang").lines();
        assertThat(classOf(corpus.get(0), "func")).isEqualTo("t-kw");
        assertThat(classOf(corpus.get(0), "IsHappy")).isEqualTo("t-fn");
        assertThat(classOf(corpus.get(0), "string")).isEqualTo("t-type");
        assertThat(classOf(corpus.get(1), "len")).isEqualTo("t-fn");
        assertThat(classOf(corpus.get(2), "false")).isEqualTo("t-lit");
        assertThat(classOf(corpus.get(4), ":=")).isEqualTo("t-op");
        List<String> raw = hl("s := `a \"b\"\nc`\nr := 'x'\n", "go").lines();
        assertThat(classOf(raw.get(0), "`a \"b\"")).isEqualTo("t-str");
        assertThat(classOf(raw.get(1), "c`")).isEqualTo("t-str");
        assertThat(classOf(raw.get(2), "'x'")).isEqualTo("t-str");
    }

    @Test
    void sqlKeywordsAnyCaseCommentsAndQuotedQuotes() {
        String code = "-- adults only\nselect name, COUNT(*) AS n\nFROM users u\nWHERE u.note = 'it''s ok'"
                + " AND age > 21\nGROUP BY name;\n";
        List<String> lines = hl(code, "postgres").lines();
        assertThat(classOf(lines.get(0), "-- adults only")).isEqualTo("t-com");
        assertThat(classOf(lines.get(1), "select")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(1), "COUNT")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(1), "AS")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(2), "FROM")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(3), "'it''s ok'")).isEqualTo("t-str");
        assertThat(classOf(lines.get(3), "21")).isEqualTo("t-num");
    }

    @Test
    void bashVariablesCommentsAndStrings() {
        String code = "#!/bin/bash\n# count files\nfor f in \"$DIR\"/*.txt; do\n  n=$(wc -l < \"$f\")\n"
                + "  echo 'no $expansion' ${n} $# x#y\ndone\n";
        List<String> lines = hl(code, "sh").lines();
        assertThat(classOf(lines.get(1), "# count files")).isEqualTo("t-com");
        assertThat(classOf(lines.get(2), "for")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(2), "\"$DIR\"")).isEqualTo("t-str");
        assertThat(classOf(lines.get(3), "wc")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(4), "echo")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(4), "'no $expansion'")).isEqualTo("t-str");
        assertThat(classOf(lines.get(4), "${n}")).isEqualTo("t-pre");
        assertThat(classOf(lines.get(4), "$#")).isEqualTo("t-pre");
        assertThat(lines.get(4)).doesNotContain("t-com");
        assertThat(classOf(lines.get(5), "done")).isEqualTo("t-kw");
    }

    @Test
    void haskellNestedCommentsSignaturesAndPrimes() {
        String code = "{- outer {- inner -} still comment -}\nmodule Main where\n\n"
                + "fact :: Integer -> Integer\nfact 0 = 1\nfact n = n * fact (n - 1) -- recursion\n"
                + "go' xs = foldl' (+) 0 xs\nc = 'a'\n";
        List<String> lines = hl(code, "hs").lines();
        assertThat(lines.get(0)).isEqualTo("<span class=\"t-com\">{- outer {- inner -} still comment -}</span>");
        assertThat(classOf(lines.get(1), "module")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(3), "fact")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(3), "::")).isEqualTo("t-op");
        assertThat(classOf(lines.get(3), "Integer")).isEqualTo("t-type");
        assertThat(classOf(lines.get(5), "-- recursion")).isEqualTo("t-com");
        assertThat(classOf(lines.get(6), "go'")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(6), "foldl'")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(7), "'a'")).isEqualTo("t-str");
    }

    @Test
    void leanTheoremsTacticsAndNestedComments() {
        String code = "/- a /- nested -/ comment -/\ntheorem foo (a b : ℕ) : a + b = b + a := by simp [Nat.add_comm]\n"
                + "@[simp] lemma h₁' : (2 : ℕ) + 2 = 4 := rfl\n-- done\ndef twice (f : Nat → Nat) := fun x => f (f x)\n";
        List<String> lines = hl(code, "lean4").lines();
        assertThat(hl(code, "lean4").label()).isEqualTo("Lean");
        assertThat(lines.get(0)).isEqualTo("<span class=\"t-com\">/- a /- nested -/ comment -/</span>");
        assertThat(classOf(lines.get(1), "theorem")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(1), "foo")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(1), "ℕ")).isEqualTo("t-type");
        assertThat(classOf(lines.get(1), ":=")).isEqualTo("t-op");
        assertThat(classOf(lines.get(1), "by")).isEqualTo("t-kw");
        assertThat(classOf(lines.get(1), "simp")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(2), "@[simp]")).isEqualTo("t-pre");
        assertThat(classOf(lines.get(2), "h₁'")).isEqualTo("t-fn");
        assertThat(classOf(lines.get(2), "rfl")).isEqualTo("t-lit");
        assertThat(classOf(lines.get(3), "-- done")).isEqualTo("t-com");
        assertThat(classOf(lines.get(4), "→")).isEqualTo("t-op");
        assertThat(classOf(lines.get(4), "twice")).isEqualTo("t-fn");
    }

    @Test
    void everyRealResponseKeepsItsLineCount() throws Exception {
        for (CodeCorpus.Pair p : CodeCorpus.load().pairs()) {
            for (String response : List.of(p.a(), p.b())) {
                for (String lang : new String[] {p.language(), null}) {
                    HighlightedCode h = highlighter.highlight(response, lang);
                    assertThat(h.ok()).isTrue();
                    assertThat(h.lines()).as(p.id()).hasSize(SourceLines.split(response).size());
                    assertThat(String.join("\n", h.lines())).as(p.id()).doesNotContain("t-err");
                    // removing the spans and unescaping gives back exactly the source lines
                    List<String> src = SourceLines.split(response);
                    for (int k = 0; k < src.size(); k++) {
                        assertThat(unescape(h.lines().get(k).replaceAll("</?span[^>]*>", "")))
                                .as("%s line %d", p.id(), k).isEqualTo(src.get(k));
                    }
                }
            }
        }
    }

    @Test
    void concurrentCallsGiveTheSameLinesAsSequentialOnes() throws Exception {
        List<CodeCorpus.Pair> pairs = CodeCorpus.load().pairs();
        List<HighlightedCode> sequential = pairs.stream().map(p -> highlighter.highlight(p.a(), null)).toList();
        for (int round = 0; round < 3; round++) {
            List<HighlightedCode> parallel = pairs.parallelStream()
                    .map(p -> highlighter.highlight(p.a(), null)).toList();
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void markupInCodeIsEscaped() {
        String code = "s = \"<script>alert('x')</script>\" # a & b\nx = 1 < 2 > 0\n";
        HighlightedCode h = hl(code, "python");
        String all = String.join("\n", h.lines());
        assertThat(all).doesNotContain("<script>").contains("&lt;script&gt;").contains("a &amp; b")
                .contains("1</span> <span class=\"t-op\">&lt;</span>");
        HighlightedCode text = highlighter.highlight("<b>&</b>\n", "fortran");
        assertThat(text.lines()).containsExactly("&lt;b&gt;&amp;&lt;/b&gt;");
    }

    @Test
    void unknownLanguagesArePlainTextLabelledWithTheirName() {
        HighlightedCode h = highlighter.highlight("      PROGRAM HELLO\n      END\n", "fortran");
        assertThat(h.language()).isEqualTo("text");
        assertThat(h.label()).isEqualTo("text (fortran)");
        assertThat(h.guessed()).isFalse();
        assertThat(h.ok()).isTrue();
        assertThat(h.lines()).containsExactly("      PROGRAM HELLO", "      END");
        HighlightedCode scss = highlighter.highlight("print(1)\n", "scss title=\"x\"");
        assertThat(scss.label()).isEqualTo("text (scss)");
    }

    @Test
    void missingLanguageIsGuessedAndFlagged() throws Exception {
        HighlightedCode h = highlighter.highlight(CodeCorpus.load().byId("Go/80").a(), null);
        assertThat(h.language()).isEqualTo("go");
        assertThat(h.label()).isEqualTo("Go");
        assertThat(h.guessed()).isTrue();
        assertThat(highlighter.highlight("fn main() { let mut x = 1; }\n", "  ").language()).isEqualTo("rust");
    }

    @Test
    void lineEndingsAndEmptyCode() {
        assertThat(highlighter.highlight("", "python").lines()).isEmpty();
        assertThat(highlighter.highlight("a = 1\r\nb = 2\r\n", "python").lines()).hasSize(2);
        assertThat(highlighter.highlight("x\n\n\ny", "python").lines()).containsExactly("x", "", "", "y");
        assertThat(highlighter.highlight("\"unterminated\n", "java").lines()).hasSize(1);
    }

    @Test
    void pathologicalInputStaysLinearAndReadable() {
        String line = "(/".repeat(50_000) + "#[" .repeat(20_000) + "${".repeat(20_000);
        for (String lang : new String[] {"js", "rust", "bash", "lean", "cpp", "sql", "haskell", null}) {
            long t0 = System.nanoTime();
            HighlightedCode h = highlighter.highlight(line + "\n" + line, lang);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(h.lines()).as(lang).hasSize(2);
            assertThat(ms).as(lang).isLessThan(5_000);
        }
        HighlightedCode unclosed = highlighter.highlight("/* never closed\nx = 1\n", "c");
        assertThat(unclosed.lines()).hasSize(2).allMatch(l -> l.contains("t-com"));
    }
}

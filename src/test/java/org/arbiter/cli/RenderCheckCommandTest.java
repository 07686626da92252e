package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.arbiter.json.Json;
import org.arbiter.render.Fx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code arbiter render-check} end to end, through the real pipeline in a headless WebView. */
class RenderCheckCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        Fx.katex();
    }

    private record Run(int code, List<String> out, String err) {
        JsonNode summary() {
            return Json.MAPPER.readTree(out.get(out.size() - 1));
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString().lines().toList(), err.toString());
    }

    @Test
    void corpusTextsRenderAndTheSummaryIsTheLastLine() throws Exception {
        Path f = dir.resolve("texts.jsonl");
        Files.write(f, Files.readAllLines(Fx.corpus("math_latex.jsonl")).subList(0, 15));
        Run r = run("render-check", f.toString(), "--format", "texts");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.summary();
        assertThat(s.path("items").asInt()).isEqualTo(15);
        assertThat(s.path("texts").asInt()).isEqualTo(15);
        assertThat(s.path("formulas").asInt()).isGreaterThan(100);
        assertThat(s.path("formula_failures").asInt()).isZero();
        assertThat(s.has("ms_per_formula_p50") && s.has("ms_per_formula_p95") && s.has("code_blocks") && s.has("code_failures")).isTrue();
    }

    @Test
    void aBrokenFormulaFailsWithDetails() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"ok\",\"text\":\"Fine $x^2$ and $5 and $10.\"}\n"
                + "{\"id\":\"bad\",\"text\":\"Broken $\\\\legendre{3}{p}$ here\\n```python\\nprint(1)\\n```\"}\n");
        Run r = run("render-check", f.toString(), "--details");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).hasSize(3);
        JsonNode first = Json.MAPPER.readTree(r.out().get(0));
        assertThat(first.path("id").asString()).isEqualTo("ok");
        assertThat(first.path("formulas")).hasSize(1);
        JsonNode bad = Json.MAPPER.readTree(r.out().get(1));
        assertThat(bad.path("formulas").get(0).path("tex").asString()).isEqualTo("\\legendre{3}{p}");
        assertThat(bad.path("formulas").get(0).path("ok").asBoolean()).isFalse();
        assertThat(bad.path("formulas").get(0).path("error").asString()).contains("Undefined control sequence");
        assertThat(bad.path("code_blocks").get(0).path("lines").asInt()).isEqualTo(1);
        assertThat(r.summary().path("formula_failures").asInt()).isEqualTo(1);
        assertThat(r.summary().path("code_blocks").asInt()).isEqualTo(1);
    }

    @Test
    void nativeItemsAndPrm800kAreRead() throws Exception {
        Path f = dir.resolve("prm.jsonl");
        Files.write(f, Files.readAllLines(Fx.corpus("prm800k_sample.jsonl")).subList(0, 2));
        Run r = run("render-check", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.summary().path("texts").asInt()).isGreaterThan(2);
        Path n = dir.resolve("native.jsonl");
        Files.writeString(n, "{\"id\":\"n1\",\"domain\":\"code\",\"prompt\":\"Sum $a+b$\",\"reference\":{\"language\":\"python\"},"
                + "\"responses\":[{\"content\":\"```\\nprint(a+b)\\n```\"},{\"content\":\"$a+b$\"}]}\n");
        Run rn = run("render-check", n.toString(), "--format", "arbiter");
        assertThat(rn.code()).as(rn.err()).isZero();
        assertThat(rn.summary().path("texts").asInt()).isEqualTo(3);
        // the prompt is prose; a code response without fences is all code
        assertThat(rn.summary().path("formulas").asInt()).isEqualTo(1);
        assertThat(rn.summary().path("code_blocks").asInt()).isEqualTo(2);
    }

    @Test
    void inputErrorsExitTwoNamingFileAndLine() throws Exception {
        Run missing = run("render-check", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl").contains("no such file");
        Path f = dir.resolve("broken.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"x\"}\n{not json\n");
        Run broken = run("render-check", f.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.jsonl:2");
        Path g = dir.resolve("field.jsonl");
        Files.writeString(g, "{\"id\":\"a\",\"text\":5}\n");
        Run field = run("render-check", g.toString(), "--format", "texts");
        assertThat(field.code()).isEqualTo(2);
        assertThat(field.err()).contains("field.jsonl:1").contains("text");
        assertThat(run("render-check").code()).isEqualTo(2);
        assertThat(run("render-check", f.toString(), "--format", "nonsense").code()).isEqualTo(2);
    }
}

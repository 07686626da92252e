package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code arbiter verify} as a user runs it, with the real sandbox and Debian's toolchains. */
class VerifyCommandTest {
    static final String DEBIAN_PATH = "/usr/local/bin:/usr/bin:/bin";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() {
            List<JsonNode> out = new ArrayList<>();
            for (String l : out().split("\n")) if (!l.isBlank()) out.add(Json.parse(l));
            return out;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path items(String... lines) throws IOException {
        Path f = dir.resolve("items.jsonl");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    static String pythonItem(String id, String codeA, String codeB) {
        String tests = "def check(f):\n    assert f(1) == 2\n    assert f(2) == 3\n    assert f(5) == 6\n\ncheck(f)\n";
        return Json.write(Json.toNode(java.util.Map.of("id", id, "domain", "code", "prompt", "add one",
                "responses", List.of(java.util.Map.of("id", "a", "content", "```python\n" + codeA + "\n```"),
                        java.util.Map.of("id", "b", "content", "```python\n" + codeB + "\n```")),
                "reference", java.util.Map.of("language", "python", "tests", tests, "entry_point", "f"))));
    }

    @Test
    void printsOneJsonLinePerResponseThenTheSummary() throws Exception {
        Path f = items(pythonItem("inc", "def f(x):\n    return x + 1", "def f(x):\n    return 2 if x == 1 else x"),
                Json.write(Json.toNode(java.util.Map.of("id", "plain", "prompt", "hi", "responses",
                        List.of(java.util.Map.of("id", "a", "content", "hello"))))));
        Run r = run("verify", "--json", "--toolchain-path", DEBIAN_PATH, f.toString());
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        JsonNode a = lines.get(0);
        assertThat(a.get("item").asString()).isEqualTo("inc");
        assertThat(a.get("response").asString()).isEqualTo("a");
        assertThat(a.get("kind").asString()).isEqualTo("code");
        assertThat(a.get("verdict").asString()).isEqualTo("passed");
        assertThat(a.get("tests_passed").asInt()).isEqualTo(3);
        assertThat(a.get("tests_total").asInt()).isEqualTo(3);
        assertThat(a.get("ms").asLong()).isPositive();
        JsonNode b = lines.get(1);
        assertThat(b.get("verdict").asString()).isEqualTo("failed");
        assertThat(b.get("tests_passed").asInt()).isEqualTo(1);
        assertThat(b.get("detail").asString()).startsWith("test 2 of 3 failed: assert f(2) == 3");
        JsonNode summary = lines.get(2);
        assertThat(summary.get("items").asInt()).isEqualTo(1);
        assertThat(summary.get("checks").asInt()).isEqualTo(2);
        assertThat(summary.get("verdicts").get("passed").asInt()).isEqualTo(1);
        assertThat(summary.get("verdicts").get("failed").asInt()).isEqualTo(1);
        assertThat(summary.has("ms_p50")).isTrue();
        assertThat(summary.has("ms_p95")).isTrue();
    }

    @Test
    void mathItemsGetAnAnswerLineEachCountedInTheSameSummary() throws Exception {
        String math = "{\"id\": \"m1\", \"domain\": \"math\", \"prompt\": \"What is 3/4 of 1?\", "
                + "\"responses\": [{\"id\": \"a\", \"content\": \"So the answer is $\\\\boxed{\\\\dfrac{3}{4}}$.\"}, "
                + "{\"id\": \"b\", \"content\": \"The final answer is 0.8.\"}], \"reference\": {\"answer\": \"\\\\frac34\"}}";
        Path f = items(math);
        Run r = run("verify", "--json", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.out().lines().map(Json::parse).toList();
        assertThat(lines).hasSize(3);
        JsonNode a = lines.stream().filter(l -> l.path("response").asString().equals("a")).findFirst().orElseThrow();
        JsonNode b = lines.stream().filter(l -> l.path("response").asString().equals("b")).findFirst().orElseThrow();
        assertThat(a.path("kind").asString()).isEqualTo("math");
        assertThat(a.path("verdict").asString()).isEqualTo("match");
        assertThat(a.path("answer").asString()).isEqualTo("\\dfrac{3}{4}");
        assertThat(a.path("reference").asString()).isEqualTo("\\frac34");
        assertThat(a.path("rule").asString()).isNotBlank();
        assertThat(b.path("verdict").asString()).isEqualTo("mismatch");
        assertThat(b.path("answer").asString()).isEqualTo("0.8");
        JsonNode summary = lines.get(2);
        assertThat(summary.path("items").asInt()).isEqualTo(1);
        assertThat(summary.path("checks").asInt()).isEqualTo(2);
        assertThat(summary.path("verdicts").path("match").asInt()).isEqualTo(1);
        assertThat(summary.path("verdicts").path("mismatch").asInt()).isEqualTo(1);
    }

    @Test
    void exitsOneWhenACheckCouldNotRun() throws Exception {
        Path f = items(pythonItem("inc", "def f(x):\n    return x + 1", "def f(x):\n    return x + 1"));
        Run r = run("verify", "--json", "--toolchain-path", dir.toString(), f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines().get(0).get("verdict").asString()).isEqualTo("not_run");
        assertThat(r.lines().get(0).get("detail").asString()).contains("apt-get install python3");
        assertThat(r.lines().get(2).get("verdicts").get("not_run").asInt()).isEqualTo(2);
    }

    @Test
    void exitsTwoOnABadFileOrUsage() throws Exception {
        Path f = items("{\"id\": \"x\", \"prompt\": \"p\", \"responses\": \"oops\"}");
        Run r = run("verify", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":1").contains("responses");
        assertThat(run("verify", "--format", "nope", f.toString()).exit()).isEqualTo(2);
        assertThat(run("verify").exit()).isEqualTo(2);
    }

    @Test
    void readsHumanEvalPackPairsAsTheyAre() throws Exception {
        Path corpus = Path.of("src/test/resources/corpus/code_pairs.jsonl");
        String first = Files.readAllLines(corpus).stream().filter(l -> l.contains("\"Python/49\"")).findFirst().orElseThrow();
        Run r = run("verify", "--json", "--toolchain-path", DEBIAN_PATH, items(first).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines().get(0).get("verdict").asString()).isEqualTo("passed");
        assertThat(r.lines().get(1).get("verdict").asString()).isEqualTo("failed");
    }

    /**
     * A separate arbiter process with a secret in its environment and a home directory holding a secret file
     * and a folder: the sandboxed code prints its environment, reads the file and deletes the folder.
     */
    @Test
    void secretsOfTheCallerNeverReachTheOutput() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("secret.txt"), "HOME-SECRET-4711");
        Path keep = Files.createDirectories(home.resolve(".local/share/arbiter"));
        Files.writeString(keep.resolve("arbiter.db"), "store");
        String hostile = "import os, shutil\nprint(dict(os.environ))\n"
                + "for p in ['" + home.resolve("secret.txt") + "', os.path.expanduser('~/secret.txt')]:\n"
                + "    try:\n        print(open(p).read())\n    except OSError as e:\n        print(e)\n"
                + "shutil.rmtree('" + keep + "', ignore_errors=True)\n"
                + "def f(x):\n    raise AssertionError(str(os.environ))";
        Path f = items(pythonItem("hostile", hostile, hostile));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher",
                "verify", "--json", "--toolchain-path", DEBIAN_PATH, f.toString());
        pb.environment().put("ARBITER_TEST_SECRET", "ENV-SECRET-0815");
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("\"verdict\":\"failed\"").contains("No such file");
        assertThat(output).doesNotContain("ENV-SECRET-0815").doesNotContain("HOME-SECRET-4711");
        assertThat(keep.resolve("arbiter.db")).hasContent("store");
    }
}

package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code arbiter server verify --batch NAME} on a real server SQLite file, with the real sandbox and Debian's toolchains. */
class ServerVerifyCommandTest {
    @TempDir
    Path dir;

    private static VerifyCommandTest.Run run(String... args) {
        return VerifyCommandTest.run(args);
    }

    private String serverWithOneBatch() {
        String url = "jdbc:sqlite:" + dir.resolve("server.db");
        Item inc = ItemJson.read(Json.parse(VerifyCommandTest.pythonItem("inc", "def f(x):\n    return x + 1",
                "def f(x):\n    return 2 if x == 1 else x")), "lab", null);
        Item plain = ItemJson.read(Json.parse(Json.write(Json.toNode(Map.of("id", "plain", "prompt", "hi",
                "responses", List.of(Map.of("id", "a", "content", "hello")))))), "lab", null);
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
            assertThat(store.importItems("lab", List.of(inc, plain), 1, 10).keySet()).containsExactly("lab-001");
        }
        return url;
    }

    @Test
    void printsWhatVerifyPrintsAndTheReportCountsIt() {
        String url = serverWithOneBatch();
        VerifyCommandTest.Run r = run("server", "--db", url, "verify", "--batch", "lab", "--json", "--toolchain-path", VerifyCommandTest.DEBIAN_PATH);
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("item").asString()).isEqualTo("inc");
        assertThat(lines.get(0).get("response").asString()).isEqualTo("a");
        assertThat(lines.get(0).get("kind").asString()).isEqualTo("code");
        assertThat(lines.get(0).get("verdict").asString()).isEqualTo("passed");
        assertThat(lines.get(0).get("tests_passed").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("tests_total").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("verdict").asString()).isEqualTo("failed");
        assertThat(lines.get(1).get("detail").asString()).startsWith("test 2 of 3 failed: assert f(2) == 3");
        JsonNode summary = lines.get(2);
        assertThat(summary.get("items").asInt()).isEqualTo(1);
        assertThat(summary.get("checks").asInt()).isEqualTo(2);
        assertThat(summary.get("verdicts").get("passed").asInt()).isEqualTo(1);
        assertThat(summary.get("verdicts").get("failed").asInt()).isEqualTo(1);

        // A second run replaces the first: the report counts each response once.
        assertThat(run("server", "--db", url, "verify", "--batch", "lab-001", "--toolchain-path", VerifyCommandTest.DEBIAN_PATH).exit()).isZero();

        VerifyCommandTest.Run report = run("server", "--db", url, "report", "--json");
        assertThat(report.exit()).as(report.err()).isZero();
        List<JsonNode> rl = report.lines();
        JsonNode pre = rl.get(rl.size() - 1).get("precomputed_evidence").get("lab-001");
        assertThat(pre.get("responses").asInt()).isEqualTo(2);
        assertThat(pre.get("verdicts").get("passed").asInt()).isEqualTo(1);
        assertThat(pre.get("verdicts").get("failed").asInt()).isEqualTo(1);

        VerifyCommandTest.Run text = run("server", "--db", url, "report");
        assertThat(text.out()).contains("Precomputed evidence (arbiter server verify)")
                .contains("lab-001: 2 responses checked; 1 failed, 1 passed");
    }

    @Test
    void aMissingToolchainIsNotRunAndExitsOne() {
        String url = serverWithOneBatch();
        VerifyCommandTest.Run r = run("server", "--db", url, "verify", "--batch", "lab", "--json", "--toolchain-path", dir.resolve("empty").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines().get(0).get("verdict").asString()).isEqualTo("not_run");
        VerifyCommandTest.Run report = run("server", "--db", url, "report", "--json");
        List<JsonNode> rl = report.lines();
        assertThat(rl.get(rl.size() - 1).get("precomputed_evidence").get("lab-001").get("verdicts").get("not_run").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownBatchExitsTwoAndSaysSo() {
        String url = serverWithOneBatch();
        VerifyCommandTest.Run r = run("server", "--db", url, "verify", "--batch", "nope");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--batch nope: no batch and no import of that name");
    }
}

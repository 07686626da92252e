package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * What {@code server verify} keeps in the server database and {@code server report} counts, on each backend:
 * the migration, the upsert that replaces an earlier run, and the per-batch counts.
 */
public abstract class PrecomputedEvidenceContract {
    @TempDir
    Path dir;

    abstract boolean postgres();

    private static Item python(String id) {
        String tests = "def check(f):\n    assert f(1) == 2\n    assert f(2) == 3\n\ncheck(f)\n";
        return ItemJson.read(Json.parse(Json.write(Json.toNode(Map.of("id", id, "domain", "code", "prompt", "add one",
                "responses", List.of(Map.of("id", "a", "content", "```python\ndef f(x):\n    return x + 1\n```"),
                        Map.of("id", "b", "content", "```python\ndef f(x):\n    return x\n```")),
                "reference", Map.of("language", "python", "tests", tests, "entry_point", "f"))))), "in", null);
    }

    @Test
    void resultsAreKeptReplacedAndCountedPerBatch() throws Exception {
        String url = SyncTestKit.jdbcUrl(dir, postgres());
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
            assertThat(store.importItems("lab", List.of(python("p1"), python("p2"), python("p3")), 1, 2).keySet())
                    .containsExactly("lab-001", "lab-002");
            PrecomputedEvidence e = new PrecomputedEvidence(store);
            assertThat(e.batchExists("lab-001")).isTrue();
            assertThat(e.batchExists("lab")).isFalse();
            assertThat(e.items("lab-001")).extracting(Item::id).containsExactly("p1", "p2");
            // The lab's view keeps the tests.
            assertThat(e.items("lab-002").get(0).reference().tests()).contains("check(f)");
            assertThat(e.perBatch()).isEmpty();

            e.save("lab-001", "p1", "a", "code", "timeout", "{}");
            e.save("lab-001", "p1", "a", "code", "passed", "{\"verdict\":\"passed\"}");
            e.save("lab-001", "p1", "b", "code", "failed", "{}");
            e.save("lab-001", "p2", "a", "code", "passed", "{}");
            e.save("lab-002", "p3", "a", "code", "not_run", "{}");
            Map<String, PrecomputedEvidence.OfBatch> per = e.perBatch();
            assertThat(per.keySet()).containsExactly("lab-001", "lab-002");
            assertThat(per.get("lab-001").responses()).isEqualTo(3);
            assertThat(per.get("lab-001").verdicts()).isEqualTo(Map.of("passed", 2, "failed", 1));
            assertThat(per.get("lab-002").verdicts()).isEqualTo(Map.of("not_run", 1));
        }
    }

    @Test
    void serverVerifyRunsTheSandboxAndTheReportCountsIt() throws Exception {
        String url = SyncTestKit.jdbcUrl(dir, postgres());
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
            store.importItems("lab", List.of(python("p1")), 1, 10);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "server", "--db", url, "verify",
                "--batch", "lab", "--json", "--toolchain-path", "/usr/local/bin:/usr/bin:/bin");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"verdict\":\"passed\"").contains("\"verdict\":\"failed\"");

        StringWriter report = new StringWriter();
        assertThat(ArbiterCommand.run(new PrintWriter(report, true), new PrintWriter(new StringWriter(), true), "server", "--db", url,
                "report", "--json")).isZero();
        String[] lines = report.toString().strip().split("\n");
        JsonNode pre = Json.parse(lines[lines.length - 1]).get("precomputed_evidence").get("lab-001");
        assertThat(pre.get("responses").asInt()).isEqualTo(2);
        assertThat(pre.get("verdicts").get("passed").asInt()).isEqualTo(1);
        assertThat(pre.get("verdicts").get("failed").asInt()).isEqualTo(1);
    }
}

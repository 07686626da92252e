package org.arbiter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.arbiter.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench --peer} follows the peer's own protocol: setup.sh prints the run command as its last line, the run
 * prints its figures as the last line; the ratios are Arbiter ÷ peer. The peer here is a real script that speaks
 * that protocol with known numbers (the real one needs Chromium and takes a minute; its numbers are the bench's).
 */
class PeerBenchTest {
    @Test
    void thePeersLastLineBecomesItsFiguresAndTheRatios(@TempDir Path dir) throws Exception {
        Path peer = Files.createDirectories(dir.resolve("peer"));
        Files.writeString(peer.resolve("run.sh"), "echo 'warming up'\n"
                + "echo '{\"switch_p50_ms\": 17.0, \"switch_p95_ms\": 50.0, \"work_p95_ms\": 40.0, \"cold_start_ms\": 800, \"pss_mb\": 530.5}'\n");
        Files.writeString(peer.resolve("setup.sh"), "mkdir -p \"$1\"\necho 'installing'\necho \"bash " + peer.resolve("run.sh") + "\"\n");
        ObjectNode report = Json.object();
        report.put("switch_p95_ms", 25.0);
        report.put("cold_start_ms", 2000);
        PeerBench.addTo(report, new PeerBench(peer, dir.resolve("work")).run());
        assertThat(report.path("peer_switch_p95_ms").asDouble()).isEqualTo(50.0);
        assertThat(report.path("peer_cold_start_ms").asDouble()).isEqualTo(800.0);
        assertThat(report.path("peer_pss_mb").asDouble()).isEqualTo(530.5);
        assertThat(report.path("switch_p95_ratio").asDouble()).isEqualTo(0.5);
        assertThat(report.path("cold_start_ratio").asDouble()).isEqualTo(2.5);
        assertThat(report.path("peer_work_p95_ms").asDouble()).as("the peer's switch without its frame wait").isEqualTo(40.0);
        assertThat(report.path("switch_p95_work_ratio").asDouble()).isEqualTo(0.63);
        assertThat(Files.isDirectory(dir.resolve("work"))).as("setup got the work folder").isTrue();
    }
}

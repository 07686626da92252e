package org.arbiter.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.arbiter.bench.AppBenchmark;
import org.arbiter.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code arbiter bench}: the performance report (cold start, switch time, throughput, memory, sync). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure what an expert feels: cold start, submit-to-next-pair time with prefetch, formulas and code",
        "lines per second, memory after 1,000 items, sync throughput. Runs in a window, or headless (Monocle)",
        "without a display. The last line is one JSON object."})
public final class BenchCommand implements Runnable {
    @Option(names = "--quick", description = "Fewer switches and items, 20,000 sync judgments (about a minute).")
    boolean quick;

    @Option(names = "--peer", paramLabel = "DIR", description = {
            "Also run the web peer benchmark in DIR (shared/peerbench: its setup.sh installs Chromium and its npm",
            "packages) right after, and add peer_switch_p95_ms, peer_cold_start_ms, peer_pss_mb, switch_p95_ratio",
            "and cold_start_ratio (Arbiter ÷ peer) to the last line."})
    Path peer;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path dir = Files.createTempDirectory("arbiter-bench");
            ObjectNode report = new AppBenchmark(dir, quick, out).run();
            if (peer != null) AppBenchmark.addPeer(report, peer, dir, out);
            out.println(Json.write(report));
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        } finally {
            javafx.application.Platform.exit();
        }
    }
}

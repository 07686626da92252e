package org.arbiter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web peer (a browser-based annotation tool's pair view: marked + KaTeX + highlight.js in headless Chromium,
 * shared/peerbench) run in the same invocation as {@code arbiter bench}, so both sides are measured in the same
 * minute: absolute times on a shared machine move from run to run, their ratio much less.
 *
 * <p>The peer's own {@code setup.sh} installs what it needs and prints its run command; its run prints one JSON
 * object as the last line. Nothing here re-implements the peer.
 */
final class PeerBench {
    /** The peer's figures this report compares with, and everything it printed. */
    record Result(double switchP95Ms, double coldStartMs, double pssMb, JsonNode raw) {
        /** The peer's switch without its wait for the next frame (renderPair + forced layout): like Arbiter's switch. */
        double workP95Ms() {
            return raw.path("work_p95_ms").asDouble(Double.NaN);
        }
    }

    private final Path peerDir;
    private final Path workDir;

    /**
     * @param peerDir the peer's folder (holding setup.sh and run.mjs)
     * @param workDir where setup puts the runnable copy and its npm packages
     */
    PeerBench(Path peerDir, Path workDir) {
        this.peerDir = peerDir;
        this.workDir = workDir;
    }

    Result run() throws IOException, InterruptedException {
        Path setup = peerDir.resolve("setup.sh");
        if (!Files.isRegularFile(setup)) throw new IOException("no peer benchmark at " + peerDir + " (setup.sh missing)");
        List<String> setupOut = lines(List.of("bash", setup.toString(), workDir.toString()), 900);
        if (setupOut.isEmpty()) throw new IOException(setup + " printed no run command");
        // setup.sh's last line is the command to run, e.g. "node DIR/run.mjs --json --corpus CORPUS" (no spaces
        // inside its paths: the peer's own README shows it that way)
        List<String> command = new ArrayList<>(Arrays.asList(setupOut.get(setupOut.size() - 1).strip().split("\\s+")));
        command.addAll(List.of("--out", ""));
        List<String> runOut = lines(command, 900);
        if (runOut.isEmpty()) throw new IOException("the peer benchmark printed nothing");
        JsonNode r = Json.parse(runOut.get(runOut.size() - 1));
        return new Result(r.path("switch_p95_ms").asDouble(Double.NaN), r.path("cold_start_ms").asDouble(Double.NaN),
                r.path("pss_mb").asDouble(Double.NaN), r);
    }

    /** Adds the peer's figures and the ratios (Arbiter ÷ peer: below 1 means Arbiter is faster) to the report. */
    static void addTo(ObjectNode report, Result peer) {
        report.put("peer_switch_p95_ms", round(peer.switchP95Ms()));
        report.put("peer_cold_start_ms", round(peer.coldStartMs()));
        report.put("peer_pss_mb", round(peer.pssMb()));
        report.put("switch_p95_ratio", round(report.path("switch_p95_ms").asDouble(Double.NaN) / peer.switchP95Ms()));
        report.put("cold_start_ratio", round(report.path("cold_start_ms").asDouble(Double.NaN) / peer.coldStartMs()));
        // Like for like: Arbiter's switch ends when the pair is laid out (painted on the next pulse), the peer's
        // switch_p95 after its next frame; its work_p95 stops, as Arbiter's does, at the forced layout.
        if (!Double.isNaN(peer.workP95Ms())) {
            report.put("peer_work_p95_ms", round(peer.workP95Ms()));
            report.put("switch_p95_work_ratio", round(report.path("switch_p95_ms").asDouble(Double.NaN) / peer.workP95Ms()));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static List<String> lines(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " exited " + p.exitValue());
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}

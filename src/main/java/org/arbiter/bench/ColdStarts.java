package org.arbiter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.json.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * Cold starts of {@code arbiter app} in child JVMs, from JVM start to the first pair drawn, each on a new store (so
 * the demo batch loads, as on a first start). Two ways of starting, median of three each:
 * <ul>
 *   <li><b>as installed</b>: the JVM options the installed app runs with and its start-up class-data-sharing archive,
 *   made here the way the package's install script makes it (one untimed run of the app with
 *   {@code -XX:ArchiveClassesAtExit});</li>
 *   <li><b>plain jar</b>: {@code java -cp arbiter.jar}, nothing else (what {@code java -jar} gives).</li>
 * </ul>
 */
final class ColdStarts {
    /**
     * The installed window's JVM options (installer/jpackage/image.cfg and arbiter-cli.sh; {@code InstalledOptionsTest}
     * keeps the three in step), without the archive, which differs per install. The bench's own JVM should run with
     * them too: its switches and memory are measured in-process ({@link #WINDOW_OPTIONS}).
     */
    static final List<String> INSTALLED_OPTIONS = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
            "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC", "-Xmn12m", "-XX:TieredStopAtLevel=1", "-XX:TrimNativeHeapInterval=1000",
            "-Xms64m", "-Xmx2g", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Dprism.disableRegionCaching=true");
    /** What the window runs with beyond class loading and logging: the bench checks its own JVM against these. */
    static final List<String> WINDOW_OPTIONS = INSTALLED_OPTIONS.subList(4, INSTALLED_OPTIONS.size());
    /** The environment the installed launchers set (glibc's malloc arenas; see arbiter-cli.sh). */
    static final String MALLOC_ARENAS = "2";

    /** Median time to the first pair drawn and the phases of that run, ms since JVM start; -1 when no run drew. */
    record Result(long medianMs, ObjectNode phases) {
    }

    private final Path dir;

    ColdStarts(Path dir) {
        this.dir = dir;
    }

    /** Makes the start-up archive (untimed), then three starts with it and the installed options. */
    Result asInstalled() throws IOException, InterruptedException {
        Path archive = dir.resolve("arbiter.jsa");
        Files.deleteIfExists(archive);
        List<String> training = new ArrayList<>(INSTALLED_OPTIONS);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        start(training, "training");
        List<String> options = new ArrayList<>(INSTALLED_OPTIONS);
        // Without the archive (the training run failed) this still measures the installed options, as an install
        // whose archive could not be made would start.
        if (Files.isRegularFile(archive)) options.add("-XX:SharedArchiveFile=" + archive);
        return median(options, "installed");
    }

    /** Three starts of the plain jar. */
    Result plainJar() throws IOException, InterruptedException {
        return median(List.of(), "jar");
    }

    private Result median(List<String> options, String name) throws IOException, InterruptedException {
        List<ObjectNode> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode phases = start(options, name + "-" + i);
            if (phases.has("first_pair_drawn")) runs.add(phases);
        }
        if (runs.isEmpty()) return new Result(-1, Json.object());
        runs.sort(Comparator.comparingLong(o -> o.path("first_pair_drawn").asLong()));
        ObjectNode mid = runs.get(runs.size() / 2);
        return new Result(mid.path("first_pair_drawn").asLong(), mid);
    }

    /** One start on a new store; the phases it printed ({@link ColdStartTrace}). */
    private ObjectNode start(List<String> options, String name) throws IOException, InterruptedException {
        Path db = dir.resolve("cold-" + name + ".db");
        Files.deleteIfExists(db);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher", "app", "--db", db.toString(),
                "--annotator", "bench", "--exit-when-ready"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ARBITER_CONFIG", dir.resolve("config").toString());
        if (!options.isEmpty()) pb.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        ObjectNode phases = Json.object();
        for (String line : text.split("\n")) {
            if (line.startsWith("phase ")) {
                String[] kv = line.substring(6).strip().split("=");
                phases.put(kv[0], Long.parseLong(kv[1]));
            }
            if (line.startsWith("ready_ms=")) phases.put("first_pair_drawn", Long.parseLong(line.substring(9).strip()));
        }
        return phases;
    }
}

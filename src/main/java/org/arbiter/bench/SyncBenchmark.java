package org.arbiter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.server.ArbiterServer;
import org.arbiter.server.ServerStore;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncResult;
import org.arbiter.sync.SyncService;

/**
 * Sync throughput: judgment versions pushed per second from a local store to a server on loopback with
 * SQLite on the server. Only the push is timed; setup (import, pull, local saves) is not.
 */
public final class SyncBenchmark {
    public static final int CHUNK = 10_000;

    public record Result(int judgments, double seconds, double perSecond) {
        public String summary() {
            return String.format("sync push: %,d judgment versions in %.2f s = %,.0f per second (SQLite server, loopback, chunks of %d)",
                    judgments, seconds, perSecond, CHUNK);
        }
    }

    /**
     * The JVM options the installed {@code arbiter} gives every command but the window (arbiter-cli.sh; checked by
     * {@code InstalledOptionsTest}): {@code arbiter sync} and the lab server run with the default compilers and G1.
     */
    static final List<String> COMMAND_OPTIONS = List.of("-Xms64m", "-Xmx2g", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:G1PeriodicGCInterval=30000");

    private SyncBenchmark() {
    }

    /** The push measured in a child JVM started as the installed {@code arbiter sync} is, not in the bench's own. */
    static Result inCommandJvm(int judgments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(COMMAND_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncBenchmark.class.getName(), String.valueOf(judgments)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        for (String line : out.split("\n")) {
            if (line.startsWith("sync_result ")) {
                String[] f = line.split(" ");
                double seconds = Double.parseDouble(f[2]);
                return new Result(Integer.parseInt(f[1]), seconds, Integer.parseInt(f[1]) / seconds);
            }
        }
        throw new IOException("the sync benchmark's JVM printed no result (exit " + p.exitValue() + ")");
    }

    /** The child JVM of {@link #inCommandJvm}: one line, {@code sync_result JUDGMENTS SECONDS}. */
    public static void main(String[] args) {
        Result r = run(Integer.parseInt(args[0]));
        System.out.println("sync_result " + r.judgments() + " " + r.seconds());
    }

    public static Result run(int judgments) {
        Path dir;
        try {
            dir = Files.createTempDirectory("arbiter-sync-bench");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary folder: " + e.getMessage(), e);
        }
        try {
            return run(dir, judgments);
        } finally {
            deleteTree(dir);
        }
    }

    static Result run(Path dir, int judgments) {
        int itemCount = Math.max(1, Math.min(judgments, 10_000));
        List<Item> items = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            items.add(new Item("b" + i, "bench", Domain.GENERAL, Prompt.text("Prompt " + i),
                    List.of(new Response("a", null, "Answer A " + i), new Response("b", null, "Answer B " + i)),
                    null, null, Map.of(), List.of()));
        }
        try (ServerStore serverStore = ServerStore.open("jdbc:sqlite:" + dir.resolve("server.db"));
             LocalStore local = LocalStore.open(dir.resolve("local.db"))) {
            String token = serverStore.addAnnotator("bench");
            serverStore.importItems("bench", items, 1, 1000);
            ArbiterServer server = new ArbiterServer(serverStore, "127.0.0.1", 0, null).start();
            try {
                SyncClient client = new SyncClient(server.url(), token, null, Duration.ofMinutes(2));
                SyncService sync = new SyncService(local, () -> client, CHUNK);
                org.arbiter.store.AnnotatorName.setByServer(local.settings(), "bench", server.url());
                sync.syncNow(); // pull the batches
                List<Item> pulled = local.items().all();
                Preference[] prefs = Preference.values();
                Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
                local.inTransaction(c -> {
                    UUID[] ids = new UUID[pulled.size()];
                    for (int n = 0; n < judgments; n++) {
                        int k = n % pulled.size();
                        Item item = pulled.get(k);
                        if (ids[k] == null) ids[k] = UUID.randomUUID();
                        int version = n / pulled.size() + 1;
                        local.judgments().save(c, new Judgment(ids[k], item.id(), item.batch(), "bench", version, prefs[n % prefs.length],
                                Set.of(), Map.of(), "bench rationale " + n, List.of(), "a", t0, t0.plusSeconds(n), 1000));
                    }
                    return null;
                });
                long start = System.nanoTime();
                SyncResult r = sync.syncNow();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (r.pushed() != judgments || r.pending() != 0) {
                    throw new IllegalStateException("bench pushed " + r.pushed() + " of " + judgments + ", " + r.pending() + " pending");
                }
                return new Result(judgments, seconds, judgments / seconds);
            } finally {
                server.stop();
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}

package org.arbiter.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.base.Percentile;
import org.arbiter.app.UserSettings;
import org.arbiter.gui.WindowProbe;
import org.arbiter.gui.Workstation;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.render.MathScanner;
import org.arbiter.render.MathSpan;
import org.arbiter.render.TexEngine;
import org.arbiter.render.TexPreprocessor;
import org.arbiter.render.code.TokenHighlighter;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.KatexEngine;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code arbiter bench}: what an expert feels, measured in the real window (on the Monocle virtual screen
 * when there is no display). A report with numbers, not a test: it asserts nothing.
 *
 * <p>A switch is Enter on a judged pair until the next pair is in both web views with its layout done
 * (every formula typeset, code highlighted), measured on the JavaFX thread; the frame is painted on the
 * pulse after that. Between switches the benchmark waits for the app's own prefetch, as an expert's reading
 * time would.
 */
public final class AppBenchmark {
    public static final String CORPUS = "/arbiter/bench/bench.jsonl";
    /** Idle time before the settled memory reading: longer than the installed window's native-heap trim interval. */
    private static final long SETTLE_MS = 6_000;

    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    public AppBenchmark(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    public ObjectNode run() throws Exception {
        ObjectNode report = Json.object();
        report.put("platform", FxToolkitInfo.platform());
        // Switches and memory are measured in this JVM, so its options are part of the figures.
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        report.put("jvm_options", String.join(" ", jvm));
        if (!jvm.containsAll(ColdStarts.WINDOW_OPTIONS)) {
            say("note: this JVM lacks the installed window's options, so switches and memory are not measured as an annotator"
                    + " runs the app; run: MALLOC_ARENA_MAX=%s java %s -jar arbiter.jar bench", ColdStarts.MALLOC_ARENAS,
                    String.join(" ", ColdStarts.WINDOW_OPTIONS));
        }
        ColdStarts starts = new ColdStarts(dir);
        ColdStarts.Result installed = starts.asInstalled();
        report.put("cold_start_ms", installed.medianMs());
        report.set("cold_start_phases", installed.phases());
        say("cold start to first pair drawn as installed (child JVM with the installed app's options and start-up archive,"
                + " new store, median of 3): %d ms", installed.medianMs());
        say("  phases of that run, ms since JVM start: %s", installed.phases().toString());
        ColdStarts.Result jar = starts.plainJar();
        report.put("cold_start_jar_ms", jar.medianMs());
        report.set("cold_start_jar_phases", jar.phases());
        say("the same started as a plain jar (java -cp arbiter.jar, no options): %d ms; phases %s", jar.medianMs(),
                jar.phases().toString());

        FxToolkit.ensureStarted();
        Path db = dir.resolve("bench.db");
        Files.deleteIfExists(db);
        try (LocalStore store = LocalStore.open(db)) {
            int n = DemoBatch.load(store, CORPUS, "bench");
            List<Item> items = store.items().batch("bench");
            say("bench corpus: %d items (math pairs from MATH/PRM800K/ProofNet/GSM8K texts, code pairs in 6 languages)", n);

            Workstation w = Workstation.open(store, "bench", "bench", UserSettings.load(dir.resolve("settings.json")),
                    Clock.systemUTC(), new Keymap.Loaded(Keymap.defaults(), Optional.empty()));
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                w.show(stage);
                w.window().firstPairShown().thenRun(() -> shown.complete(null));
            });
            shown.get(120, TimeUnit.SECONDS);

            // The target is a p95 over at least 200 switches, so even the quick run makes 200.
            int switches = Math.min(quick ? 200 : 240, items.size() - 10);
            double[][] split = switches(w, switches);
            double[] times = split[0];
            report.put("switches", times.length);
            report.put("switch_p50_ms", round(Percentile.of(times, 50)));
            report.put("switch_p95_ms", round(Percentile.of(times, 95)));
            report.put("switch_max_ms", round(Percentile.of(times, 100)));
            say("submit → next pair drawn, %d switches with prefetch: p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                    times.length, Percentile.of(times, 50), Percentile.of(times, 95), Percentile.of(times, 100));
            String[] parts = {"session", "dom", "layout", "draw_rest"};
            for (int k = 0; k < parts.length; k++) {
                report.put("switch_" + parts[k] + "_p50_ms", round(Percentile.of(split[k + 1], 50)));
                report.put("switch_" + parts[k] + "_p95_ms", round(Percentile.of(split[k + 1], 95)));
            }
            say("  of which session (judgment committed, fsync) p50 %.2f / p95 %.2f ms; DOM swap p50 %.2f / p95 %.2f ms;"
                    + " rest of the window's drawing p50 %.2f / p95 %.2f ms; layout p50 %.2f / p95 %.2f ms",
                    Percentile.of(split[1], 50), Percentile.of(split[1], 95), Percentile.of(split[2], 50), Percentile.of(split[2], 95),
                    Percentile.of(split[4], 50), Percentile.of(split[4], 95), Percentile.of(split[3], 50), Percentile.of(split[3], 95));

            double[] unprefetched = unprefetched(w, items.subList(items.size() - (quick ? 10 : 30), items.size()));
            report.put("unprefetched_p50_ms", round(Percentile.of(unprefetched, 50)));
            report.put("unprefetched_p95_ms", round(Percentile.of(unprefetched, 95)));
            say("the same without prefetch (draw on demand, cold caches): p50 %.1f ms, p95 %.1f ms",
                    Percentile.of(unprefetched, 50), Percentile.of(unprefetched, 95));

            // RSS at several points tells growth (WebKit keeping swapped-out DOMs) from a plateau. Measured
            // before the KaTeX throughput test, whose second KaTeX engine the app does not have.
            int done = 0;
            for (int target : quick ? new int[] {100, 300} : new int[] {100, 300, 1000}) {
                double[] mem = memoryAfter(w, items, done, target);
                done = target;
                report.put("rss_mb_" + target + "_items", Math.round(mem[0]));
                report.put("heap_used_mb_" + target + "_items", Math.round(mem[1]));
                report.put("heap_committed_mb_" + target + "_items", Math.round(mem[2]));
                say("after %d items shown: RSS %.0f MB, Java heap used %.0f MB of %.0f MB committed (max %.0f MB)",
                        target, mem[0], mem[1], mem[2], mem[3]);
                java.util.Map<String, Double> nmt = NativeMemory.committedMb();
                if (!nmt.isEmpty()) {
                    say("  native memory tracking: %s", NativeMemory.summary(nmt, mem[0]));
                    nmt.forEach((k, v) -> {
                        if (v >= 1) report.put("nmt_mb_" + target + "_" + k.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), Math.round(v));
                    });
                }
            }
            // The same window a few seconds later, idle as while the expert reads the item: what the JVM and the
            // native libraries give back once nothing is drawn (the installed window returns glibc's free memory every
            // 5 s). Reported beside the figure above, which is taken 0.2 s after the last item.
            Thread.sleep(SETTLE_MS);
            double settled = rssMb();
            report.put("rss_settled_mb_" + done + "_items", Math.round(settled));
            say("  the same after %.0f s idle (reading): RSS %.0f MB", SETTLE_MS / 1000.0, settled);

            double fps = formulasPerSecond(items);
            report.put("formulas_per_s", Math.round(fps));
            double lps = codeLinesPerSecond(items);
            report.put("code_lines_per_s", Math.round(lps));
            say("KaTeX: %.0f formulas/s (cache off); highlighter: %.0f code lines/s", fps, lps);

            Platform.runLater(() -> w.window().stage().close());
            w.close();
        }
        SwitchesDuringChecks.Result duringChecks = new SwitchesDuringChecks(dir, quick ? 40 : 100).run();
        duringChecks.addTo(report);
        say("%s", duringChecks.summary());
        SyncBenchmark.Result sync = SyncBenchmark.inCommandJvm(quick ? 20_000 : 100_000);
        report.put("sync_judgments", sync.judgments());
        report.put("sync_seconds", round(sync.seconds()));
        report.put("sync_per_s", Math.round(sync.perSecond()));
        say("sync: %d judgment versions pushed to a local server (SQLite) in %.2f s = %.0f/s (in a JVM started as the installed arbiter sync is)",
                sync.judgments(), sync.seconds(), sync.perSecond());
        return report;
    }

    /** Runs the web peer in the same invocation and adds its figures and the ratios to the report. */
    public static void addPeer(ObjectNode report, Path peerDir, Path workDir, PrintWriter out) throws IOException, InterruptedException {
        PeerBench.Result peer = new PeerBench(peerDir, workDir.resolve("peerbench")).run();
        PeerBench.addTo(report, peer);
        out.println(String.format(java.util.Locale.ROOT,
                "web peer (same minute): switch p95 %.1f ms (without its frame wait %.1f ms), cold start %.0f ms, PSS %.0f MB;"
                        + " Arbiter ÷ peer: switch p95 %.2f (%.2f against the peer's without frame wait), cold start %.2f",
                peer.switchP95Ms(), peer.workP95Ms(), peer.coldStartMs(), peer.pssMb(), report.path("switch_p95_ratio").asDouble(),
                report.path("switch_p95_work_ratio").asDouble(Double.NaN), report.path("cold_start_ratio").asDouble()));
        out.flush();
    }

    /**
     * Totals, then the session's part (commit included), the DOM swap, the forced layout and the rest of the
     * window's drawing (step focus, which lays out too, scale, status), in ms.
     */
    private double[][] switches(Workstation w, int count) throws Exception {
        double[][] t = new double[5][count + 5];
        DrawClock clock = new DrawClock();
        onFx(() -> {
            w.window().observeDrawing(clock);
            return 0.0;
        });
        for (int i = 0; i < t[0].length; i++) {
            w.window().prefetched().get(60, TimeUnit.SECONDS);
            int at = i;
            onFx(() -> {
                boolean pair = w.session().state().open().isPair();
                w.session().handle(KeyStroke.plain(pair ? "3" : "C"));
                long t0 = System.nanoTime();
                w.session().handle(KeyStroke.plain("ENTER"));
                long t1 = System.nanoTime();
                w.window().forceLayout();
                long t2 = System.nanoTime();
                long draw = clock.drawNanos();
                long swap = clock.swapNanos();
                t[0][at] = (t2 - t0) / 1e6;
                t[1][at] = (t1 - t0 - draw) / 1e6;
                t[2][at] = swap / 1e6;
                t[3][at] = (t2 - t1) / 1e6;
                t[4][at] = (draw - swap) / 1e6;
                return 0.0;
            });
        }
        onFx(() -> {
            w.window().observeDrawing(null);
            return 0.0;
        });
        double[][] r = new double[5][];
        for (int k = 0; k < 5; k++) r[k] = Arrays.copyOfRange(t[k], 5, t[k].length); // the first switches warm the JIT
        return r;
    }

    /** The clock readings of the last draw: all of it, and the swap to a new item within it (0 when none). */
    private static final class DrawClock implements WindowProbe.DrawObserver {
        private long drawStart;
        private long drawEnd;
        private long swapStart;
        private long swapEnd;

        @Override
        public void drawStarted() {
            drawStart = System.nanoTime();
            swapStart = 0;
            swapEnd = 0;
        }

        @Override
        public void itemSwapStarted() {
            swapStart = System.nanoTime();
        }

        @Override
        public void itemSwapEnded() {
            swapEnd = System.nanoTime();
        }

        @Override
        public void drawEnded() {
            drawEnd = System.nanoTime();
        }

        long drawNanos() {
            return drawEnd - drawStart;
        }

        long swapNanos() {
            return swapEnd - swapStart;
        }
    }

    private double[] unprefetched(Workstation w, List<Item> items) throws Exception {
        double[] t = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            t[i] = onFx(() -> {
                long t0 = System.nanoTime();
                w.window().drawUncached(item);
                return (System.nanoTime() - t0) / 1e6;
            });
        }
        return t;
    }

    private static double formulasPerSecond(List<Item> items) {
        List<TexEngine.Request> requests = new ArrayList<>();
        for (Item item : items) {
            for (Response r : item.responses()) {
                for (MathSpan s : MathScanner.scan(r.content())) {
                    requests.add(new TexEngine.Request(TexPreprocessor.forKatex(s.tex(), s.display()), s.display()));
                }
            }
        }
        KatexEngine engine = KatexEngine.start(0);
        engine.renderAll(requests.subList(0, Math.min(200, requests.size())), Long.MAX_VALUE / 2_000_000L);
        long t0 = System.nanoTime();
        engine.renderAll(requests, Long.MAX_VALUE / 2_000_000L);
        return requests.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double codeLinesPerSecond(List<Item> items) {
        List<CodeBench.Sample> samples = new ArrayList<>();
        for (Item item : items) {
            if (item.domain() != Domain.CODE) continue;
            String lang = item.reference() == null ? null : item.reference().language();
            for (Response r : item.responses()) samples.add(new CodeBench.Sample(r.content(), lang));
        }
        return new CodeBench(new TokenHighlighter()).run(samples, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)).linesPerSecond();
    }

    private double[] memoryAfter(Workstation w, List<Item> items, int from, int shows) throws Exception {
        for (int i = from; i < shows; i++) {
            String id = items.get(i % items.size()).id();
            onFx(() -> {
                w.session().jumpTo(id);
                return 0.0;
            });
        }
        System.gc();
        Thread.sleep(200);
        double rss = rssMb();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new double[] {rss, heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0, heap.getMax() / 1048576.0};
    }

    /** This process's resident memory in MB; -1 where there is no /proc. */
    private static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        } catch (IOException e) {
            return -1; // not Linux
        }
        return -1;
    }

    static double onFx(java.util.concurrent.Callable<Double> work) throws Exception {
        CompletableFuture<Double> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }

    /** Which glass platform the numbers come from. */
    private static final class FxToolkitInfo {
        static String platform() {
            String p = System.getProperty("glass.platform");
            return p != null ? p.toLowerCase() : (System.getenv("DISPLAY") == null ? "monocle" : "gtk");
        }
    }
}

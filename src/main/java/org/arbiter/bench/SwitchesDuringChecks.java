package org.arbiter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.app.UserSettings;
import org.arbiter.base.Percentile;
import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.gui.Workstation;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;

import tools.jackson.databind.node.ObjectNode;

/**
 * The window's frame time while sandbox runs go on: code items with tests (the demo's, in five languages,
 * repeated under new ids) judged one after another in a window whose evidence checks are the machine's real
 * sandbox, so both responses of the item on screen and of the next one compile and run on the same cores the
 * window draws with. Each switch is Enter until the next pair is laid out, as in the main switch figures; a
 * short reading pause before it lets the runs get going. Pulse intervals over the whole run give the frame time.
 */
final class SwitchesDuringChecks {
    /** Long enough for the sandboxes of this item and the next to be starting or compiling, short enough that they rarely end. */
    private static final long READING_PAUSE_MS = 150;

    private final Path dir;
    private final int switches;

    SwitchesDuringChecks(Path dir, int switches) {
        this.dir = dir;
        this.switches = switches;
    }

    /**
     * @param switchMs   Enter → next pair laid out, per switch (the first five dropped: JIT warm-up)
     * @param inFlight   checks running at each Enter
     * @param frameMs    intervals between pulses over the whole run
     */
    record Result(double[] switchMs, double[] inFlight, double[] frameMs) {
        void addTo(ObjectNode report) {
            report.put("switches_during_checks", switchMs.length);
            report.put("switch_p50_ms_during_checks", round(Percentile.of(switchMs, 50)));
            report.put("switch_p95_ms_during_checks", round(Percentile.of(switchMs, 95)));
            report.put("checks_in_flight_at_switch_p50", round(Percentile.of(inFlight, 50)));
            report.put("frames_during_checks", frameMs.length);
            report.put("frame_p50_ms_during_checks", round(Percentile.of(frameMs, 50)));
            report.put("frame_p95_ms_during_checks", round(Percentile.of(frameMs, 95)));
            report.put("frame_max_ms_during_checks", round(Percentile.of(frameMs, 100)));
        }

        String summary() {
            return String.format(java.util.Locale.ROOT,
                    "the same while sandbox checks run (%d code switches, median %.0f checks in flight at Enter): switch p50 %.2f ms, "
                            + "p95 %.2f ms; over %d frames, pulse interval p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                    switchMs.length, Percentile.of(inFlight, 50), Percentile.of(switchMs, 50), Percentile.of(switchMs, 95),
                    frameMs.length, Percentile.of(frameMs, 50), Percentile.of(frameMs, 95), Percentile.of(frameMs, 100));
        }
    }

    Result run() throws Exception {
        Path db = dir.resolve("bench-checks.db");
        java.nio.file.Files.deleteIfExists(db);
        try (LocalStore store = LocalStore.open(db)) {
            List<Item> items = codeItemsWithTests(switches + 10);
            store.inTransaction(c -> {
                for (Item i : items) store.items().insertIfAbsent(c, i);
                return null;
            });
            AtomicInteger inFlight = new AtomicInteger();
            List<Check> checks = new ArrayList<>();
            for (Check c : Workstation.machineChecks()) checks.add(new Counted(c, inFlight));
            Workstation w = Workstation.open(store, "bench", "bench-checks", UserSettings.load(dir.resolve("settings-checks.json")),
                    Clock.systemUTC(), new Keymap.Loaded(Keymap.defaults(), Optional.empty()), checks);
            try {
                CompletableFuture<Void> shown = new CompletableFuture<>();
                Platform.runLater(() -> {
                    w.show(new Stage());
                    w.window().firstPairShown().thenRun(() -> shown.complete(null));
                });
                shown.get(120, TimeUnit.SECONDS);
                return measure(w, inFlight);
            } finally {
                Platform.runLater(() -> w.window().stage().close());
                w.close();
            }
        }
    }

    private Result measure(Workstation w, AtomicInteger inFlight) throws Exception {
        double[] t = new double[switches + 5];
        double[] running = new double[switches + 5];
        List<Double> frames = new ArrayList<>();
        AnimationTimer pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) frames.add((now - last) / 1e6);
                last = now;
            }
        };
        AppBenchmark.onFx(() -> {
            pulses.start();
            return 0.0;
        });
        for (int i = 0; i < t.length; i++) {
            w.window().prefetched().get(60, TimeUnit.SECONDS);
            Thread.sleep(READING_PAUSE_MS);
            running[i] = inFlight.get();
            t[i] = AppBenchmark.onFx(() -> {
                w.session().handle(KeyStroke.plain("3"));
                long t0 = System.nanoTime();
                w.session().handle(KeyStroke.plain("ENTER"));
                w.window().forceLayout();
                return (System.nanoTime() - t0) / 1e6;
            });
        }
        // Frames are added on the JavaFX thread only; once the timer is stopped there, this thread may read them.
        AppBenchmark.onFx(() -> {
            pulses.stop();
            return 0.0;
        });
        double[] frameMs = frames.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(java.util.Arrays.copyOfRange(t, 5, t.length), java.util.Arrays.copyOfRange(running, 5, running.length),
                frameMs.length == 0 ? new double[] {0} : frameMs);
    }

    /** The demo's code items that carry tests, repeated under new ids until there are {@code n}. */
    private static List<Item> codeItemsWithTests(int n) {
        List<ObjectNode> templates = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SwitchesDuringChecks.class.getResourceAsStream(DemoBatch.RESOURCE), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                ObjectNode o = (ObjectNode) Json.parse(line);
                if ("code".equals(o.path("domain").asString()) && o.path("reference").has("tests")) templates.add(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the demo batch resource " + DemoBatch.RESOURCE + " is unreadable", e);
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            ObjectNode o = templates.get(i % templates.size()).deepCopy();
            o.put("id", o.get("id").asString() + "#" + i);
            out.add(ItemJson.read(o, "bench-checks", "bench-checks"));
        }
        return out;
    }

    /** A check that counts how many of its runs are going at any moment. */
    private record Counted(Check check, AtomicInteger inFlight) implements Check, AutoCloseable {
        @Override
        public String kind() {
            return check.kind();
        }

        @Override
        public boolean appliesTo(Item item) {
            return check.appliesTo(item);
        }

        @Override
        public CheckResult run(Item item, Response response) throws InterruptedException {
            inFlight.incrementAndGet();
            try {
                return check.run(item, response);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void close() throws Exception {
            if (check instanceof AutoCloseable c) c.close();
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

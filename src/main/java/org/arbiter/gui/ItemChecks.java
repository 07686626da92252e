package org.arbiter.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.evidence.ShownEvidenceOf;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.Item;
import org.arbiter.review.ReviewSession;

/**
 * Runs the checks of the item on screen in the background and hands each result to the session on the
 * JavaFX thread, so the session stays single-threaded and nothing waits for a sandbox. Leaving an item
 * cancels its checks that have not ended (their sandboxes are killed). Also keeps each result's detail (the
 * failing test, why a check did not run), which the recorded evidence does not carry, for the badges.
 */
final class ItemChecks implements AutoCloseable {
    /**
     * What the window needs to run checks: the runner, a background executor for turning a result into what is
     * recorded (asking a toolchain its version may take a moment), and that toolchain's version for an item.
     */
    record Sources(EvidenceRunner runner, Executor background, Toolchain toolchain) {
    }

    /** The toolchain that runs an item's code, e.g. "python3 3.11.2"; blank when none or not code. */
    interface Toolchain {
        String of(Item item) throws InterruptedException;
    }

    /** Set on the JavaFX thread when the window closes; results arriving later are dropped. */
    private boolean closed;
    private record Arrived(CheckResult result, ShownEvidence shown) {
    }

    private final EvidenceRunner runner;
    private final Executor background;
    private final Toolchain toolchain;
    private final ReviewSession session;
    /** Runs a task on the JavaFX thread (Platform::runLater; tests may pass another). */
    private final Consumer<Runnable> fxThread;
    private final Runnable changed;
    private String itemId;
    private List<CompletableFuture<CheckResult>> running = List.of();
    private final Map<String, String> details = new HashMap<>();
    /** The checks of the item expected next, started while the expert reads this one (one item ahead). */
    private final Map<String, List<CompletableFuture<CheckResult>>> ahead = new HashMap<>();
    private int pending;

    /** @param changed told on the JavaFX thread whenever pending() or a detail changes */
    ItemChecks(Sources sources, ReviewSession session, Consumer<Runnable> fxThread, Runnable changed) {
        this.runner = sources.runner();
        this.background = sources.background();
        this.toolchain = sources.toolchain();
        this.session = session;
        this.fxThread = fxThread;
        this.changed = changed;
    }

    /**
     * The executor the checks run on: at most two threads (the expert's machine is also drawing), daemon, so a
     * long code run never holds the app open. Whoever makes it shuts it down.
     *
     * <p>Its threads take no task before {@code startAfter} completes: checks are queued (and counted as
     * "checking…") from the first frame, but a sandbox start and a compiler competing with the window's first
     * draw for the CPU cost the cold start 0.1–0.6 s on 2 cores (measured with {@code arbiter bench}).
     */
    static ExecutorService executor(CompletableFuture<?> startAfter) {
        int n = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(() -> {
                try {
                    startAfter.get();
                } catch (InterruptedException e) {
                    // shutdownNow while waiting: the worker still runs, sees the pool stopped and ends
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    // the gate failed (the window never drew): run the checks anyway
                }
                r.run();
            }, "evidence");
            t.setDaemon(true);
            return t;
        });
    }

    /** On the JavaFX thread: the item on screen is this one; starts its checks if it was not already. */
    void itemShown(Item item) {
        if (item.id().equals(itemId)) return;
        running.forEach(f -> f.cancel(true));
        itemId = item.id();
        details.clear();
        List<CompletableFuture<CheckResult>> started = ahead.remove(item.id());
        if (started == null) started = runner.checkItem(item);
        running = started;
        pending = started.size();
        String forItem = item.id();
        for (CompletableFuture<CheckResult> f : new ArrayList<>(started)) {
            f.thenApplyAsync(r -> new Arrived(r, recorded(toolchain, item, r)), background)
                    .whenComplete((a, e) -> fxThread.accept(() -> arrived(forItem, a)));
        }
        changed.run();
    }

    /**
     * On the JavaFX thread: starts the checks of the item likely shown next, so its badges are there when it
     * opens. The executor runs tasks in order, so these queue behind the checks of the item on screen. Only one
     * item is kept ahead: another one cancels it.
     */
    void prefetch(Item item) {
        if (item.id().equals(itemId) || ahead.containsKey(item.id())) return;
        ahead.values().forEach(l -> l.forEach(f -> f.cancel(true)));
        ahead.clear();
        ahead.put(item.id(), runner.checkItem(item));
    }

    /** Off the JavaFX thread: the result as it is recorded, with the toolchain that ran it. */
    static ShownEvidence recorded(Toolchain toolchain, Item item, CheckResult r) {
        String tool = "";
        if (r.ran() && CodeCheck.KIND.equals(r.kind())) {
            try {
                tool = toolchain.of(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ShownEvidenceOf.results(List.of(r), tool).get(0);
    }

    /** A check ended (or failed, or was cancelled: then {@code a} is null and only the count changes). */
    private void arrived(String forItem, Arrived a) {
        // A result posted before the window closed can run after it: the session and its store are gone then.
        if (closed || !forItem.equals(itemId)) return;
        pending = Math.max(0, pending - 1);
        if (a != null) {
            details.put(a.result().response() + "/" + a.result().kind(), a.result().detail());
            session.evidenceShown(forItem, a.shown());
        }
        changed.run();
    }

    /** Checks of the item on screen that have not ended. */
    int pending() {
        return pending;
    }

    /** What a check said beyond its verdict (the failing test, why it did not run); empty when nothing. */
    String detail(String responseId, String kind) {
        String d = details.get(responseId + "/" + kind);
        return d == null ? "" : d;
    }

    /** Cancels the checks still running (the window closes). */
    @Override
    public void close() {
        closed = true;
        running.forEach(f -> f.cancel(true));
        ahead.values().forEach(l -> l.forEach(f -> f.cancel(true)));
    }
}

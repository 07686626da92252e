package org.arbiter.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.evidence.ShownEvidenceOf;
import org.arbiter.model.Item;
import org.arbiter.review.ReviewSession;

/**
 * Runs the checks of the item on screen in the background and hands each result to the session on the
 * JavaFX thread, so the session stays single-threaded and nothing waits for a sandbox. Leaving an item
 * cancels its checks that have not ended (their sandboxes are killed). Also keeps each result's detail (the
 * failing test, why a check did not run), which the recorded evidence does not carry, for the badges.
 */
final class ItemChecks implements AutoCloseable {
    private final EvidenceRunner runner;
    private final ReviewSession session;
    /** Runs a task on the JavaFX thread (Platform::runLater; tests may pass another). */
    private final Consumer<Runnable> fxThread;
    private final Runnable changed;
    private String itemId;
    private List<CompletableFuture<CheckResult>> running = List.of();
    private final Map<String, String> details = new HashMap<>();
    private int pending;

    /** @param changed told on the JavaFX thread whenever pending() or a detail changes */
    ItemChecks(EvidenceRunner runner, ReviewSession session, Consumer<Runnable> fxThread, Runnable changed) {
        this.runner = runner;
        this.session = session;
        this.fxThread = fxThread;
        this.changed = changed;
    }

    /**
     * The executor the checks run on: at most two threads (the expert's machine is also drawing), daemon, so a
     * long code run never holds the app open. Whoever makes it shuts it down.
     */
    static ExecutorService executor() {
        int n = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1));
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "evidence");
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
        List<CompletableFuture<CheckResult>> started = runner.checkItem(item);
        running = started;
        pending = started.size();
        String forItem = item.id();
        for (CompletableFuture<CheckResult> f : new ArrayList<>(started)) {
            f.whenComplete((r, e) -> fxThread.accept(() -> arrived(forItem, r, e)));
        }
        changed.run();
    }

    private void arrived(String forItem, CheckResult r, Throwable e) {
        if (!forItem.equals(itemId)) return;
        pending = Math.max(0, pending - 1);
        if (r != null) {
            details.put(r.response() + "/" + r.kind(), r.detail());
            session.evidenceShown(forItem, ShownEvidenceOf.results(List.of(r), "").get(0));
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
        running.forEach(f -> f.cancel(true));
    }
}

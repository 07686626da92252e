package org.arbiter.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.review.ReviewSession;

/**
 * Runs the expert's own test against every response of the item on screen in the background (the same sandbox
 * and limits as the item's checks) and hands each outcome to the session on the JavaFX thread. A new run, or
 * another item, cancels the runs still going (their sandboxes are killed). Keeps each outcome's detail (the
 * failing assertion and output excerpt) for the panel, as {@link ItemChecks} does for the badges.
 */
final class ExpertTestRuns implements AutoCloseable {
    /** Starts one response's run of a test source; null where this window has no code runner. */
    interface Runner {
        CompletableFuture<CheckResult> start(Item item, Response response, String source);
    }

    private final Runner runner;
    private final Executor background;
    private final ItemChecks.Toolchain toolchain;
    private final ReviewSession session;
    private final Consumer<Runnable> fxThread;
    private final Runnable changed;
    private final Map<String, String> details = new HashMap<>();
    private List<CompletableFuture<CheckResult>> running = List.of();
    private String itemId;
    private String source;
    private int pending;
    private boolean closed;

    ExpertTestRuns(Runner runner, Executor background, ItemChecks.Toolchain toolchain, ReviewSession session,
                   Consumer<Runnable> fxThread, Runnable changed) {
        this.runner = runner;
        this.background = background;
        this.toolchain = toolchain;
        this.session = session;
        this.fxThread = fxThread;
        this.changed = changed;
    }

    /** Whether this window can run code at all (the benchmark and some tests open it without checks). */
    boolean available() {
        return runner != null;
    }

    /** On the JavaFX thread: the item on screen; runs of another item are cancelled. */
    void itemShown(Item item) {
        if (item.id().equals(itemId)) return;
        cancel();
        itemId = item.id();
        details.clear();
    }

    /** On the JavaFX thread, after the session took {@code text} as the run's source. */
    void run(Item item, String text) {
        cancel();
        itemId = item.id();
        source = text;
        details.clear();
        List<CompletableFuture<CheckResult>> started = new ArrayList<>();
        for (Response r : item.responses()) {
            CompletableFuture<CheckResult> f = runner.start(item, r, text);
            started.add(f);
            String forItem = item.id();
            f.thenApplyAsync(result -> new Arrived(result, ItemChecks.recorded(toolchain, item, result)), background)
                    .whenComplete((a, e) -> fxThread.accept(() -> arrived(forItem, text, a)));
        }
        running = started;
        pending = started.size();
        changed.run();
    }

    private record Arrived(CheckResult result, ShownEvidence shown) {
    }

    private void arrived(String forItem, String forSource, Arrived a) {
        if (closed || !forItem.equals(itemId) || !forSource.equals(source)) return;
        pending = Math.max(0, pending - 1);
        if (a != null) {
            details.put(a.result().response(), a.result().detail());
            session.expertTestOutcome(forItem, forSource, a.shown());
        }
        changed.run();
    }

    /** Responses of the last run still going. */
    boolean running() {
        return pending > 0;
    }

    /** What the last run of {@code forSource} said beyond its verdict on a response; empty when nothing. */
    String detail(String responseId, String forSource) {
        if (!forSource.equals(source)) return "";
        String d = details.get(responseId);
        return d == null ? "" : d;
    }

    private void cancel() {
        running.forEach(f -> f.cancel(true));
        running = List.of();
        pending = 0;
    }

    @Override
    public void close() {
        closed = true;
        cancel();
    }
}

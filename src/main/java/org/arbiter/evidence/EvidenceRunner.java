package org.arbiter.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.arbiter.model.Item;
import org.arbiter.model.Response;

/**
 * Runs checks in the background on an executor it is given (its size is the parallelism). Each result is a
 * future; cancelling it interrupts the check, which ends its sandbox. No JavaFX: a window hands results to
 * its own thread.
 */
public final class EvidenceRunner {
    private final List<Check> checks;
    private final ExecutorService executor;

    public EvidenceRunner(List<Check> checks, ExecutorService executor) {
        this.checks = List.copyOf(checks);
        this.executor = executor;
    }

    /** Every applicable check of every response of the item, started now. */
    public List<CompletableFuture<CheckResult>> checkItem(Item item) {
        List<CompletableFuture<CheckResult>> out = new ArrayList<>();
        for (Check check : checks) {
            if (!check.appliesTo(item)) continue;
            for (Response r : item.responses()) out.add(submit(check, item, r));
        }
        return out;
    }

    public CompletableFuture<CheckResult> submit(Check check, Item item, Response response) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Future<?> task = executor.submit(() -> {
            if (result.isDone()) return;
            try {
                result.complete(check.run(item, response));
            } catch (InterruptedException e) {
                result.cancel(false);
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) task.cancel(true);
        });
        return result;
    }
}

package org.arbiter.dashboard;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.arbiter.quality.QualityInput;
import org.arbiter.quality.QualityReport;
import org.arbiter.server.DashboardQueries;
import org.arbiter.server.ServerStore;

/**
 * The quality report the dashboard shows, the same one {@code arbiter server report} computes, made again
 * in the background whenever the database changed. Computing it reads every current judgment, so no request
 * waits for it except the very first; a page sees the new figures on its next poll after the computation.
 */
final class QualitySnapshots implements AutoCloseable {
    /** The report, the input it came from (for the adjudication download) and what it cost. */
    record Snapshot(String stamp, QualityInput input, QualityReport report, Instant computedAt, long millis) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QualitySnapshots.class);
    private final ServerStore store;
    private final DashboardQueries queries;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "arbiter-dashboard-report");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Snapshot latest;
    private final CompletableFuture<Snapshot> warmUp;

    QualitySnapshots(ServerStore store, DashboardQueries queries) {
        this.store = store;
        this.queries = queries;
        // At lab scale the report takes tens of seconds: start it with the server, so the first page waits less.
        this.warmUp = CompletableFuture.supplyAsync(() -> compute(queries.changeStamp()), worker);
    }

    /** The newest report; starts a new one in the background when the database moved on since. */
    Snapshot current() {
        String stamp = queries.changeStamp();
        Snapshot s = latest;
        if (s == null) {
            synchronized (this) {
                if (latest == null) {
                    Snapshot warm = warmed();
                    // the first answer shows every push made before it, as it did before the warm-up
                    latest = warm != null && warm.stamp().equals(stamp) ? warm : compute(stamp);
                }
                return latest;
            }
        }
        if (!s.stamp().equals(stamp) && running.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    latest = compute(queries.changeStamp());
                } catch (RuntimeException e) {
                    // the page keeps the last report; the next poll tries again
                    LOG.warn("dashboard: the quality report could not be computed: {}", e.toString(), e);
                } finally {
                    running.set(false);
                }
            });
        }
        return s;
    }

    private Snapshot warmed() {
        try {
            return warmUp.join();
        } catch (RuntimeException e) {
            LOG.warn("dashboard: the quality report could not be computed at start: {}", e.toString(), e);
            return null;
        }
    }

    private Snapshot compute(String stamp) {
        long t0 = System.nanoTime();
        QualityInput in = new QualityInput(store.allItems(), store.currentJudgments());
        QualityReport r = QualityReport.build(in, QualityReport.Options.defaults());
        return new Snapshot(stamp, in, r, Instant.now(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.arbiter.app.DemoBatch;
import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.review.ActiveClock;
import org.arbiter.review.Keymap;
import org.arbiter.review.ReviewSession;
import org.arbiter.review.ReviewState;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of the item on screen reach the session; those of the next item run ahead, once. */
class ItemChecksTest {
    @TempDir
    Path dir;

    /** Counts its runs; every response "passes 1/1". */
    private static final class CountingCheck implements Check {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String kind() {
            return "code";
        }

        @Override
        public boolean appliesTo(Item item) {
            return true;
        }

        @Override
        public CheckResult run(Item item, Response response) {
            runs.incrementAndGet();
            return new CheckResult(item.id(), response.id(), "code", "passed", 1, 1, "", 1);
        }
    }

    @Test
    void resultsReachTheSessionAndTheNextItemIsCheckedAheadOnce() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.open(dir.resolve("arbiter.db"))) {
            DemoBatch.loadIfEmpty(store);
            ReviewSession session = ReviewSession.open(store, "ada", null, Keymap.defaults(), new ActiveClock(Clock.systemUTC()));
            List<Item> items = store.items().batch(session.state().queue().batch());
            CountingCheck check = new CountingCheck();
            ItemChecks checks = new ItemChecks(new ItemChecks.Sources(new EvidenceRunner(List.of(check), pool), Runnable::run, item -> ""),
                    session, Runnable::run, () -> { });
            Item first = session.state().open().item();
            Item next = items.stream().filter(i -> !i.id().equals(first.id())).findFirst().orElseThrow();

            checks.itemShown(first);
            checks.prefetch(next);
            pool.submit(() -> { }).get(10, TimeUnit.SECONDS); // the single thread has run everything before it
            ReviewState st = session.state();
            assertThat(st.open().evidence()).hasSize(first.responses().size()).allMatch(e -> e.verdict().equals("passed"));
            assertThat(checks.pending()).isZero();
            int afterAhead = check.runs.get();
            assertThat(afterAhead).isEqualTo(first.responses().size() + next.responses().size());

            // Opening the next item uses the runs made ahead: nothing runs again.
            checks.itemShown(next);
            pool.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(check.runs.get()).isEqualTo(afterAhead);
            assertThat(checks.pending()).isZero();
            checks.close();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resultsThatArriveAfterTheWindowClosedAreDropped() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.open(dir.resolve("arbiter.db"))) {
            DemoBatch.loadIfEmpty(store);
            ReviewSession session = ReviewSession.open(store, "ada", null, Keymap.defaults(), new ActiveClock(Clock.systemUTC()));
            java.util.List<Runnable> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
            ItemChecks checks = new ItemChecks(new ItemChecks.Sources(new EvidenceRunner(List.of(new CountingCheck()), pool), Runnable::run, item -> ""),
                    session, posted::add, () -> { });
            checks.itemShown(session.state().open().item());
            pool.submit(() -> { }).get(10, TimeUnit.SECONDS); // every check has ended and posted its result
            assertThat(posted).isNotEmpty();
            checks.close(); // the window closes before the JavaFX thread gets to the results
            posted.forEach(Runnable::run);
            // once closed, the session (and the store behind it, soon closed too) is never touched again
            assertThat(session.state().open().evidence()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void checksQueuedBeforeTheFirstPairIsDrawnWaitForItThenRun() throws Exception {
        java.util.concurrent.CompletableFuture<Void> firstPairDrawn = new java.util.concurrent.CompletableFuture<>();
        ExecutorService pool = ItemChecks.executor(firstPairDrawn);
        try (LocalStore store = LocalStore.open(dir.resolve("arbiter.db"))) {
            DemoBatch.loadIfEmpty(store);
            ReviewSession session = ReviewSession.open(store, "ada", null, Keymap.defaults(), new ActiveClock(Clock.systemUTC()));
            CountingCheck check = new CountingCheck();
            ItemChecks checks = new ItemChecks(new ItemChecks.Sources(new EvidenceRunner(List.of(check), pool), Runnable::run, item -> ""),
                    session, Runnable::run, () -> { });
            Item first = session.state().open().item();
            checks.itemShown(first);
            Thread.sleep(300);
            // The badges say "checking…" from the first frame, but no sandbox competes with that frame's drawing.
            assertThat(checks.pending()).isEqualTo(first.responses().size());
            assertThat(check.runs.get()).isZero();

            firstPairDrawn.complete(null);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (checks.pending() > 0 && System.nanoTime() < until) Thread.sleep(10);
            assertThat(checks.pending()).isZero();
            assertThat(session.state().open().evidence()).hasSize(first.responses().size());
            checks.close();
        } finally {
            pool.shutdownNow();
        }
    }
}

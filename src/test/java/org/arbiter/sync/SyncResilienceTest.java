package org.arbiter.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.JudgmentKey;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once under a hostile network and a server that dies mid-push. */
class SyncResilienceTest {
    @TempDir
    Path dir;
    SyncTestKit.Lab lab;
    LocalStore local;
    final List<Judgment> made = new ArrayList<>();
    final Random random = new Random(42);

    @BeforeEach
    void start() throws Exception {
        lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana"));
        lab.store.importItems("math", SyncTestKit.items(60), 1, 20);
        local = LocalStore.open(dir.resolve("ana.db"));
        org.arbiter.store.AnnotatorName.setByServer(local.settings(), "ana", lab.url());
    }

    @AfterEach
    void stop() {
        local.close();
        lab.close();
    }

    SyncService service(String url, int chunk) {
        SyncClient client = new SyncClient(url, lab.tokens.get("ana"), null, Duration.ofSeconds(5));
        return new SyncService(local, () -> client, chunk);
    }

    /** Saves {@code n} new versions: new judgments or revisions of earlier ones. */
    void judge(int n) {
        List<Item> items = new ArrayList<>();
        for (String b : local.items().batches()) items.addAll(local.items().batch(b));
        for (int k = 0; k < n; k++) {
            Item item = items.get(random.nextInt(items.size()));
            Judgment j = local.judgments().latest(item.batch(), item.id(), "ana")
                    .map(prev -> SyncTestKit.judgment(item, "ana", prev.judgmentId(), prev.version() + 1))
                    .orElseGet(() -> SyncTestKit.judgment(item, "ana", UUID.randomUUID(), 1));
            local.judgments().save(j);
            made.add(j);
        }
    }

    Set<JudgmentKey> madeKeys() {
        Set<JudgmentKey> out = new HashSet<>();
        for (Judgment j : made) out.add(new JudgmentKey(j.judgmentId(), j.version()));
        return out;
    }

    void assertSyncedRowsAreOnTheServer() {
        Map<JudgmentKey, String> server = lab.store.judgmentKeys();
        assertThat(server.keySet()).containsAll(local.outbox().synced());
    }

    void assertExactlyOnce() {
        Map<JudgmentKey, String> server = lab.store.judgmentKeys();
        assertThat(server.keySet()).as("0 lost, nothing extra").containsExactlyInAnyOrderElementsOf(madeKeys());
        assertThat(lab.store.status().versions()).as("0 duplicated").isEqualTo(made.size());
        assertThat(local.outbox().pendingCount()).isZero();
        assertThat(local.outbox().synced()).hasSize(made.size());
    }

    @Test
    void aServerKilledMidPushAndRestartedResumesWhereItStopped() {
        SyncService sync = service(lab.url(), 100);
        sync.syncNow();
        judge(1000);
        AtomicBoolean killed = new AtomicBoolean();
        sync.addListener(s -> {
            // after the first acknowledged chunk, the server goes down
            if (!killed.get() && s.pending() < 1000 && s.pending() > 0) {
                killed.set(true);
                lab.server.stop();
            }
        });
        assertThatThrownBy(sync::syncNow).isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.UNREACHABLE));
        // The push after the acknowledged chunk was already under way (SyncService.PIPELINE): it may have
        // been stored, with or without its receipt reaching the client. Nothing else can have moved.
        int pending = local.outbox().pendingCount();
        assertThat(pending).isIn(900, 800);
        int acknowledged = 1000 - pending;
        int stored = lab.store.status().versions();
        assertThat(stored).isBetween(acknowledged, acknowledged + 100);
        assertSyncedRowsAreOnTheServer();

        lab.server.start();
        SyncResult r = sync.syncNow();
        assertThat(r.pushed()).isEqualTo(pending);
        assertThat(r.duplicates()).as("stored without a receipt comes back as a duplicate, not a second copy")
                .isEqualTo(stored - acknowledged);
        assertExactlyOnce();
    }

    @Test
    void aLostReceiptMakesTheNextPushADuplicateNotASecondCopy() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(lab.server.port(), 1, 0)) {
            SyncService sync = service(proxy.url(), 500);
            sync.syncNow();
            judge(50);
            proxy.cutNextPushResponse.set(true);
            assertThatThrownBy(sync::syncNow).isInstanceOf(SyncException.class);
            assertThat(proxy.responseCuts.get()).isEqualTo(1);
            // the server stored the push, the client could not know: nothing marked yet
            assertThat(lab.store.status().versions()).isEqualTo(50);
            assertThat(local.outbox().pendingCount()).isEqualTo(50);
            SyncResult r = sync.syncNow();
            assertThat(r.pushed()).isEqualTo(50);
            assertThat(r.duplicates()).isEqualTo(50);
            assertExactlyOnce();
        }
    }

    @Test
    void theBackgroundLoopBacksOffWhileTheServerIsDownAndCatchesUpWhenItReturns() throws Exception {
        SyncService sync = service(lab.url(), 200).backoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(30));
        sync.syncNow();
        lab.server.stop();
        judge(30);
        CountDownLatch caughtUp = new CountDownLatch(1);
        List<SyncStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        sync.addListener(s -> {
            seen.add(s);
            if (s.pending() == 0 && s.lastError() == null && !s.running()) caughtUp.countDown();
        });
        try {
            sync.start();
            Thread.sleep(1200);
            assertThat(seen).anySatisfy(s -> assertThat(s.lastError()).contains("cannot reach"));
            assertThat(sync.status().pending()).isEqualTo(30);
            assertThat(sync.currentBackoff()).isEqualTo(Duration.ofMillis(400));
            lab.server.start();
            assertThat(caughtUp.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(sync.status().lastSync()).isNotNull();
            assertThat(sync.currentBackoff()).isEqualTo(Duration.ofMillis(50));
        } finally {
            sync.close();
        }
        assertExactlyOnce();
    }

    @Test
    void twoHundredRandomFaultsLoseAndDuplicateNothing() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(lab.server.port(), 7, 0.9)) {
            SyncService sync = service(proxy.url(), 20);
            int attempts = 0;
            int failures = 0;
            int kills = 0;
            while (proxy.faults() + kills < 200 || made.size() < 400) {
                attempts++;
                if (!local.items().batches().isEmpty()) judge(1 + random.nextInt(6));
                Thread killer = null;
                if (attempts % 20 == 0) {
                    // the server dies at a random moment of this sync
                    int delay = random.nextInt(30);
                    killer = new Thread(() -> {
                        try {
                            Thread.sleep(delay);
                        } catch (InterruptedException ignored) {
                            return;
                        }
                        lab.server.stop();
                    });
                    killer.start();
                    kills++;
                }
                try {
                    sync.syncNow();
                } catch (SyncException e) {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(SyncException.Kind.UNREACHABLE);
                    failures++;
                }
                if (killer != null) {
                    killer.join();
                    lab.server.start();
                }
                assertSyncedRowsAreOnTheServer();
                assertThat(attempts).as("the loop should end").isLessThan(5000);
            }
            proxy.faultRate = 0;
            sync.syncNow();
            assertExactlyOnce();
            System.out.printf("fault loop: %d attempts, %d failed, %d resets, %d request cuts, %d response cuts, %d delays, "
                            + "%d server kills, %d versions%n", attempts, failures, proxy.resets.get(), proxy.requestCuts.get(),
                    proxy.responseCuts.get(), proxy.delays.get(), kills, made.size());
            assertThat(proxy.faults() + kills).isGreaterThanOrEqualTo(200);
            assertThat(failures).isGreaterThan(50);
        }
    }
}

package org.arbiter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.arbiter.server.ServerStore;
import org.arbiter.store.LocalStore;
import org.arbiter.store.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync figure in {@code arbiter bench} is only worth reading if the push it times delivered everything:
 * after the run the server holds every version exactly once and the laptop has nothing left to send.
 */
class SyncBenchmarkTest {
    @Test
    void theTimedPushDeliversEveryVersionExactlyOnce(@TempDir Path dir) {
        int n = 3 * SyncBenchmark.CHUNK / 2; // more than one chunk, so the pipelined pushes are part of it
        SyncBenchmark.Result r = SyncBenchmark.run(dir, n);
        assertThat(r.judgments()).isEqualTo(n);
        try (ServerStore server = ServerStore.open("jdbc:sqlite:" + dir.resolve("server.db"));
             LocalStore local = LocalStore.open(dir.resolve("local.db"))) {
            assertThat(server.judgmentKeys()).hasSize(n);
            assertThat(local.outbox().pendingCount()).isZero();
        }
    }
}

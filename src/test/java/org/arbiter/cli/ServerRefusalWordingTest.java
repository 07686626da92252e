package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.arbiter.server.Refusal;
import org.arbiter.server.ServerStore;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's store refuses in the lab's words; the terminal names the options a user typed. */
class ServerRefusalWordingTest {
    @TempDir
    Path dir;

    @Test
    void theStoreSaysOverlapAndTheTerminalSaysDashDashOverlap() {
        try (ServerStore store = ServerStore.open("jdbc:sqlite:" + dir.resolve("server.db"))) {
            store.addAnnotator("ana");
            Refusal zero = catchThrowableOfType(Refusal.class, () -> store.importItems("wk", SyncTestKit.items(3), 0, 10));
            assertThat(zero.reason()).isEqualTo(Refusal.Reason.INVALID);
            assertThat(zero.getMessage()).isEqualTo("overlap: expected at least 1, found 0");
            assertThat(ServerCommand.worded(zero)).isEqualTo("--overlap: expected at least 1, found 0");

            Refusal name = catchThrowableOfType(Refusal.class, () -> store.importItems("week 1", SyncTestKit.items(3), 1, 10));
            assertThat(name.getMessage()).startsWith("batch name: expected 1–64 letters");
            assertThat(ServerCommand.worded(name)).startsWith("--batch: expected 1–64 letters");

            Refusal few = catchThrowableOfType(Refusal.class, () -> store.importItems("wk", SyncTestKit.items(3), 2, 10));
            assertThat(few.reason()).isEqualTo(Refusal.Reason.TOO_FEW_ANNOTATORS);
            assertThat(few.getMessage()).isEqualTo("overlap 2 needs 2 active annotators, the server has 1");
            assertThat(ServerCommand.worded(few))
                    .isEqualTo("--overlap 2 needs 2 active annotators, the server has 1 (add them with: arbiter server annotator add NAME)");

            Refusal twice = catchThrowableOfType(Refusal.class, () -> store.addAnnotator("ana"));
            assertThat(twice.reason()).isEqualTo(Refusal.Reason.CONFLICT);
            assertThat(ServerCommand.worded(twice)).isEqualTo(twice.getMessage()).isEqualTo("annotator ana already exists");

            Refusal notHers = catchThrowableOfType(Refusal.class, () -> store.itemsFor("ana", "nope-001"));
            assertThat(notHers.reason()).isEqualTo(Refusal.Reason.FORBIDDEN);
            assertThat(store.status().items()).isZero();
            assertThat(List.of(zero, name, few, twice, notHers)).allSatisfy(r -> assertThat(r.getMessage()).doesNotContain("--"));
        }
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.arbiter.sync.SyncStatus;
import org.junit.jupiter.api.Test;

/** Issue 10, case 1: the status bar's sync line does not hide judgments stamped with another name. */
class SyncStatusTextTest {
    @Test
    void strandedJudgmentsAreCountedNamedAndGivenTheRemedy() {
        SyncStatus one = new SyncStatus(Instant.parse("2026-01-01T10:00:00Z"), 0, Map.of("chris", 3), "alice", null, null, false, null);
        assertThat(Workstation.syncText(one)).contains("0 pending")
                .contains("3 judgment versions stamped chris not sent").contains("arbiter sync --adopt chris");

        Map<String, Integer> two = new LinkedHashMap<>();
        two.put("chris", 2);
        two.put("dan", 1);
        SyncStatus both = new SyncStatus(null, 4, two, "alice", null, null, false, null);
        assertThat(Workstation.syncText(both)).contains("4 pending")
                .contains("3 judgment versions not sent (2 stamped chris, 1 stamped dan): run arbiter sync to see why");

        SyncStatus clean = new SyncStatus(null, 1, Map.of(), "alice", null, null, false, null);
        assertThat(Workstation.syncText(clean)).isEqualTo("sync: never synced · 1 pending");
    }
}

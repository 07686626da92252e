package org.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed settings in the store's table: values come back as their type, unset ones as their default. */
class SettingTest {
    @TempDir
    Path dir;

    @Test
    void typedValuesSurviveReopeningTheStoreAndUnsetOnesGiveTheirDefault() {
        Path db = dir.resolve("arbiter.db");
        Setting<Boolean> on = Setting.flag("test.on", true);
        Instant last = Instant.parse("2026-03-01T09:00:00Z");
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.settings().get(Setting.SYNC_LAST)).as("unset, no default").isEmpty();
            assertThat(s.settings().valueOf(on)).as("unset gives the default").isTrue();
            s.settings().put(Setting.SYNC_LAST, last);
            s.settings().put(on, false);
            s.settings().put(Setting.reviewPosition("ada"), "demo\0item-3");
        }
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.settings().get(Setting.SYNC_LAST)).contains(last);
            assertThat(s.settings().valueOf(on)).isFalse();
            assertThat(s.settings().get("sync.last")).as("the text kept is what earlier versions wrote").contains(last.toString());
            assertThat(s.settings().get(Setting.reviewPosition("ada"))).contains("demo\0item-3");
            assertThat(s.settings().get(Setting.reviewPosition("bob"))).isEmpty();
            s.settings().remove(on);
            assertThat(s.settings().valueOf(on)).isTrue();
        }
    }
}

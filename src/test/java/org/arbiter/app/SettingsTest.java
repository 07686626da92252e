package org.arbiter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.arbiter.store.LocalStore;
import org.arbiter.store.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one settings service: a display key goes to the user's settings file and a store key to the store's
 * table, each back at the next start, and an unset key gives its default.
 */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void eachKeyIsKeptWhereItBelongsAndComesBackAfterARestart() throws Exception {
        Path db = dir.resolve("arbiter.db");
        Path file = dir.resolve("config").resolve("settings.json");
        Instant last = Instant.parse("2026-03-01T09:00:00Z");
        try (LocalStore store = LocalStore.open(db)) {
            Settings s = new Settings(UserSettings.load(file), store.settings());
            assertThat(s.get(UserSettings.ZOOM)).as("unset display key: its default").isEqualTo(1.0);
            assertThat(s.get(UserSettings.SYNC_SCROLL)).isTrue();
            assertThat(s.find(Setting.SYNC_LAST)).as("unset store key without a default").isEmpty();
            assertThat(s.set(UserSettings.ZOOM, 1.5)).isEmpty();
            assertThat(s.set(Setting.SYNC_LAST, last)).isEmpty();
            assertThat(s.set(Setting.reviewPosition("ada"), "demo\0item-3")).isEmpty();
        }
        assertThat(Files.readString(file)).as("the display key is in the user's file").contains("\"zoom\"").doesNotContain("sync.last");
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.settings().get("zoom")).as("not in the store's table").isEmpty();
            Settings again = new Settings(UserSettings.load(file), store.settings());
            assertThat(again.get(UserSettings.ZOOM)).isEqualTo(1.5);
            assertThat(again.get(Setting.SYNC_LAST)).isEqualTo(last);
            assertThat(again.find(Setting.reviewPosition("ada"))).contains("demo\0item-3");
            assertThat(again.reset(Setting.SYNC_LAST)).isEmpty();
            assertThat(again.reset(UserSettings.ZOOM)).isEmpty();
        }
        try (LocalStore store = LocalStore.open(db)) {
            Settings third = new Settings(UserSettings.load(file), store.settings());
            assertThat(third.find(Setting.SYNC_LAST)).isEmpty();
            assertThat(third.get(UserSettings.ZOOM)).isEqualTo(1.0);
        }
    }

    @Test
    void aDisplaySettingThatCannotBeSavedSaysSoAndStaysForThisRun() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the settings folder should be");
        try (LocalStore store = LocalStore.open(dir.resolve("arbiter.db"))) {
            Settings s = new Settings(UserSettings.load(blocker.resolve("settings.json")), store.settings());
            assertThat(s.set(UserSettings.DARK, true)).hasValueSatisfying(p -> assertThat(p).contains(blocker.toString()));
            assertThat(s.get(UserSettings.DARK)).isTrue();
        }
    }
}

package org.arbiter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The display settings file: problems come back to the caller, which words them; nothing is printed here. */
class UserSettingsTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableFileGivesTheDefaultsAndSaysWhichFile() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        UserSettings s = UserSettings.load(file);
        assertThat(s.dark()).isFalse();
        assertThat(s.zoom()).isEqualTo(1.0);
        assertThat(s.syncScroll()).isTrue();
        assertThat(s.loadProblem()).hasValueSatisfying(p -> assertThat(p).contains(file.toString()));
    }

    @Test
    void aMissingFileIsNoProblemAndSavedSettingsComeBack() {
        Path file = dir.resolve("sub").resolve("settings.json");
        UserSettings s = UserSettings.load(file);
        assertThat(s.loadProblem()).isEmpty();
        s.setDark(true);
        s.setZoom(1.3);
        s.setSyncScroll(false);
        assertThat(s.save()).isEmpty();
        UserSettings again = UserSettings.load(file);
        assertThat(again.loadProblem()).isEmpty();
        assertThat(again.dark()).isTrue();
        assertThat(again.zoom()).isEqualTo(1.3);
        assertThat(again.syncScroll()).isFalse();
    }

    @Test
    void aSaveThatCannotWriteReturnsTheProblemInsteadOfPrinting() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the settings folder should be");
        UserSettings s = UserSettings.load(blocker.resolve("settings.json"));
        s.setDark(true);
        assertThat(s.save()).hasValueSatisfying(p -> assertThat(p).contains("cannot save settings").contains(blocker.toString()));
        assertThat(s.dark()).as("the choice stays in effect for this run").isTrue();
    }

    @Test
    void typedKeysGiveTheirDefaultsAndAValueThatDoesNotParseKeepsOnlyThatOneAtItsDefault() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"dark\": true, \"zoom\": \"big\", \"sync_scroll\": false}");
        UserSettings s = UserSettings.load(file);
        assertThat(s.loadProblem()).isEmpty();
        assertThat(s.get(UserSettings.DARK)).isTrue();
        assertThat(s.get(UserSettings.ZOOM)).isEqualTo(UserSettings.ZOOM.defaultValue()).isEqualTo(1.0);
        assertThat(s.get(UserSettings.SYNC_SCROLL)).isFalse();
        s.set(UserSettings.ZOOM, 9.0);
        assertThat(s.zoom()).as("zoom is clamped however it is set").isEqualTo(3.0);
    }
}

package org.arbiter.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.arbiter.app.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeymapTest {
    @Test
    void keyTextRoundTripsAndReadsLikeTheIssue() {
        assertThat(KeyStroke.parse("G")).isEqualTo(new KeyStroke("G", false, true, false));
        assertThat(KeyStroke.parse("g")).isEqualTo(KeyStroke.plain("G"));
        assertThat(KeyStroke.parse("Ctrl+Shift+Z")).isEqualTo(new KeyStroke("Z", true, true, false));
        assertThat(KeyStroke.parse("Ctrl+Z")).isEqualTo(KeyStroke.ctrl("Z"));
        assertThat(KeyStroke.parse("?")).isEqualTo(KeyStroke.shift("SLASH"));
        // What a JavaFX view hands over for Shift+1 and for the Backspace key.
        assertThat(KeyStroke.of("DIGIT1", false, true, false)).isEqualTo(KeyStroke.parse("Shift+1"));
        assertThat(KeyStroke.of("BACK_SPACE", false, false, false)).isEqualTo(KeyStroke.parse("Backspace"));
        for (String t : List.of("G", "g", "Ctrl+Shift+Z", "?", "Shift+1", "Tab", "Down", "F1", "[", "]", "Enter", "Backspace", "Ctrl+Q")) {
            KeyStroke k = KeyStroke.parse(t);
            assertThat(KeyStroke.parse(k.toString())).as(t).isEqualTo(k);
        }
        assertThatThrownBy(() -> KeyStroke.parse("Hyper+x")).hasMessageContaining("Hyper");
        assertThatThrownBy(() -> KeyStroke.parse("Ctrl+Banana")).hasMessageContaining("Banana");
    }

    @Test
    void defaultsFollowTheIssueAndTheHelpListsEveryAction() {
        Keymap k = Keymap.defaults();
        assertThat(k.actionFor(KeyStroke.parse("1"))).contains(Action.PREFER_LEFT_MUCH);
        assertThat(k.actionFor(KeyStroke.parse("5"))).contains(Action.PREFER_RIGHT_MUCH);
        assertThat(k.actionFor(KeyStroke.parse("Down"))).contains(Action.NEXT_STEP);
        assertThat(k.actionFor(KeyStroke.parse("G"))).contains(Action.LAST_STEP);
        assertThat(k.actionFor(KeyStroke.parse("g"))).contains(Action.FIRST_STEP);
        assertThat(k.actionFor(KeyStroke.parse("F1"))).contains(Action.HELP);
        assertThat(k.actionFor(KeyStroke.parse("?"))).contains(Action.HELP);
        assertThat(k.actionFor(KeyStroke.parse("Ctrl+Shift+Z"))).contains(Action.REDO);
        assertThat(k.actionFor(KeyStroke.parse("Shift+3"))).contains(Action.RUBRIC_3);
        List<Keymap.HelpRow> help = k.describe();
        for (Action a : Action.values()) {
            assertThat(help).anySatisfy(r -> assertThat(r.description()).isEqualTo(a.description()));
        }
        assertThat(help).anySatisfy(r -> {
            assertThat(r.keys()).isEqualTo("j / Down");
            assertThat(r.group()).isEqualTo("Steps");
        });
    }

    @Test
    void settingsFileRemapsAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\": {\"RATE_CORRECT\": [\"y\"], \"SUBMIT\": \"Ctrl+Enter\"}}");
        Keymap.Loaded loaded = load(file);
        assertThat(loaded.error()).isEmpty();
        Keymap k = loaded.keymap();
        assertThat(k.actionFor(KeyStroke.parse("y"))).contains(Action.RATE_CORRECT);
        assertThat(k.actionFor(KeyStroke.parse("c"))).isEmpty();
        assertThat(k.actionFor(KeyStroke.parse("Ctrl+Enter"))).contains(Action.SUBMIT);
        assertThat(k.actionFor(KeyStroke.parse("Enter"))).isEmpty();
        assertThat(k.actionFor(KeyStroke.parse("x"))).contains(Action.RATE_INCORRECT);

        Path saved = dir.resolve("sub/keys.json");
        assertThat(settingsFor(saved).saveKeys(k)).isEmpty();
        Keymap back = load(saved).keymap();
        for (Action a : Action.values()) assertThat(back.keysFor(a)).as(a.name()).isEqualTo(k.keysFor(a));
    }

    @Test
    void badFileNamesFileAndKeyAndFallsBackToDefaults(@TempDir Path dir) throws Exception {
        Path unknownAction = dir.resolve("a.json");
        Files.writeString(unknownAction, "{\"keys\": {\"LAUNCH_ROCKET\": [\"y\"]}}");
        Keymap.Loaded a = load(unknownAction);
        assertThat(a.error()).hasValueSatisfying(e -> assertThat(e).contains(unknownAction.toString()).contains("LAUNCH_ROCKET"));
        assertThat(a.keymap().actionFor(KeyStroke.parse("c"))).contains(Action.RATE_CORRECT);

        Path badKey = dir.resolve("b.json");
        Files.writeString(badKey, "{\"keys\": {\"UNDO\": [\"Ctrl+Zed\"]}}");
        assertThat(load(badKey).error()).hasValueSatisfying(e -> assertThat(e).contains(badKey.toString()).contains("UNDO").contains("Zed"));

        Path conflict = dir.resolve("c.json");
        Files.writeString(conflict, "{\"keys\": {\"SKIP\": [\"x\"]}}");
        assertThat(load(conflict).error()).hasValueSatisfying(e -> assertThat(e).contains(conflict.toString())
                .contains("x").contains("RATE_INCORRECT").contains("SKIP"));

        Path notJson = dir.resolve("d.json");
        Files.writeString(notJson, "{keys: ");
        assertThat(load(notJson).error()).hasValueSatisfying(e -> assertThat(e).contains(notJson.toString()));
        assertThat(load(notJson).keymap().actionFor(KeyStroke.parse("Enter"))).contains(Action.SUBMIT);

        assertThat(load(dir.resolve("missing.json")).error()).isEmpty();
    }

    /** The key bindings file as the app reads it: through the settings that own it. */
    private static Keymap.Loaded load(Path file) {
        return settingsFor(file).loadKeys();
    }

    private static UserSettings settingsFor(Path keysFile) {
        UserSettings s = UserSettings.load(keysFile.resolveSibling("settings.json"));
        s.setKeysFile(keysFile);
        return s;
    }
}

package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;

import org.arbiter.app.DemoBatch;
import org.arbiter.store.LocalStore;
import org.arbiter.store.StoreFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10, case 13: both themes as the eye sees them. Snapshots of the real scene (web pages included) are
 * read pixel by pixel: the prompt and response areas have the theme's background with no band of the other
 * one, pane titles, the status line and the dialogs (help, note editor, the NOT SAVED bar) have readable text
 * (WCAG contrast of at least 4.5), and the prompt area is as tall as its content, at most a third of the window.
 * The PNGs are kept in target/screenshots for a person to look at.
 */
class ThemeScreenshotTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    /** A demo item whose prompt is one line. */
    static final String SHORT_PROMPT = "math-test-algebra-1072.json";
    static final double READABLE = 4.5;

    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void bothThemesAreReadableWithoutBandsAndThePromptFitsItsContent() throws Exception {
        LocalStore store = LocalStore.open(dir.resolve("arbiter.db"));
        DemoBatch.loadIfEmpty(store);
        Workstation w = fx.open(store, "ada", dir.resolve("settings.json"));
        Scene scene = w.window().scene();
        String longPrompt = w.session().state().open().item().id();

        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            if (dark) fx.ctrl(KeyCode.T);
            onFx(() -> w.session().jumpTo(longPrompt));
            settle();
            SceneShot shot = shot(scene, theme + "-long-prompt");
            Bounds prompt = bounds(scene, "#pane-prompt");
            double third = onFx(scene::getHeight) / 3;
            assertThat(prompt.getHeight()).as(theme + ": a long prompt takes a third of the window, then scrolls")
                    .isBetween(third - 2, third + 2);
            assertAreas(shot, scene, dark, theme);

            onFx(() -> w.session().jumpTo(SHORT_PROMPT));
            settle();
            shot = shot(scene, theme + "-short-prompt");
            prompt = bounds(scene, "#pane-prompt");
            assertThat(prompt.getHeight()).as(theme + ": a one-line prompt gets about one line").isLessThan(80);
            assertAreas(shot, scene, dark, theme);

            fx.robot().type(KeyCode.F1);
            settle();
            shot = shot(scene, theme + "-help");
            Bounds card = onFx(() -> SceneShot.sceneBounds(scene.lookup("#help-overlay").lookup(".overlay-card")));
            Bounds helpTitle = onFx(() -> SceneShot.sceneBounds(scene.lookup("#help-overlay").lookup(".help-title")));
            assertBackground(shot, card.getMaxX() - 30, card.getMinY() + 12, dark, theme + " help card");
            assertThat(shot.textContrast(helpTitle, card.getMaxX() - 30, card.getMinY() + 12))
                    .as(theme + ": help title readable").isGreaterThan(READABLE);
            fx.robot().type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();

            fx.robot().type(KeyCode.M);
            settle();
            shot = shot(scene, theme + "-note-editor");
            Bounds field = bounds(scene, "#text-entry-field");
            assertBackground(shot, field.getMinX() + 12, field.getMaxY() - 12, dark, theme + " note editor field");
            fx.robot().type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();

            w.window().setKeysFile(dir.resolve("keys.json"));
            fx.ctrl(KeyCode.K);
            settle();
            Scene keys = onFx(() -> w.window().keysDialog().stage().getScene());
            shot = shot(keys, theme + "-key-bindings");
            Bounds table = bounds(keys, "#keys-table");
            Bounds row = onFx(() -> SceneShot.sceneBounds(keys.lookup("#keys-table").lookup(".table-row-cell:odd")));
            Bounds cell = onFx(() -> {
                Node c = keys.lookup("#keys-table").lookupAll(".table-row-cell").stream()
                        .filter(r -> !r.getPseudoClassStates().toString().contains("selected"))
                        .filter(r -> r.getPseudoClassStates().toString().contains("odd"))
                        .findFirst().orElseThrow().lookupAll(".table-cell").stream()
                        .skip(1).findFirst().orElseThrow(); // the Action column: never empty
                return SceneShot.sceneBounds(c);
            });
            assertBackground(shot, table.getMaxX() - 30, table.getMaxY() - 30, dark, theme + " key bindings table");
            assertThat(shot.textContrast(cell, cell.getMaxX() - 3, cell.getCenterY()))
                    .as(theme + ": key bindings rows readable").isGreaterThan(READABLE);
            assertThat(row).isNotNull();
            onFx(() -> {
                w.window().keysDialog().stage().close();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }

        // The NOT SAVED bar stays red with white text in the dark theme too.
        readOnly(store, true);
        fx.robot().type(KeyCode.DIGIT2);
        settle();
        SceneShot shot = shot(scene, "dark-not-saved");
        Bounds bar = bounds(scene, ".notification-bar");
        int red = shot.at(bar.getMaxX() - 8, bar.getMinY() + 4);
        assertThat((red >> 16) & 0xff).as("the bar is red").isGreaterThan(150);
        assertThat((red >> 8) & 0xff).isLessThan(60);
        Bounds barText = onFx(() -> SceneShot.sceneBounds(scene.lookup(".notification-bar").lookup(".label")));
        assertThat(shot.textContrast(barText, bar.getMaxX() - 8, bar.getMinY() + 4)).isGreaterThan(READABLE);
        readOnly(store, false);

        fx.close(w);
        store.close();
    }

    /** Prompt and response areas in the theme's background, no band of the other; title and status line readable. */
    private void assertAreas(SceneShot shot, Scene scene, boolean dark, String theme) throws Exception {
        Bounds prompt = bounds(scene, "#pane-prompt");
        Bounds right = bounds(scene, "#pane-right");
        for (Bounds area : new Bounds[] {prompt, right}) {
            assertBackground(shot, area.getMinX() + 3, area.getMaxY() - 3, dark, theme + " page bottom");
            int bands = dark ? shot.brightRows(area, 0.5) : 0;
            assertThat(bands).as(theme + ": rows of light band in " + area).isZero();
        }
        Bounds titleBar = onFx(() -> SceneShot.sceneBounds(scene.lookup("#prompt-box").lookup(".title")));
        Bounds titleText = onFx(() -> SceneShot.sceneBounds(scene.lookup("#prompt-box").lookup(".title").lookup(".text")));
        assertThat(shot.textContrast(titleText, titleBar.getMaxX() - 20, titleBar.getCenterY()))
                .as(theme + ": the prompt pane's title is readable").isGreaterThan(READABLE);
        Bounds status = bounds(scene, ".status-bar");
        Bounds progress = bounds(scene, "#status-progress");
        assertBackground(shot, status.getMinX() + 3, status.getCenterY(), dark, theme + " status line");
        assertThat(shot.textContrast(progress, status.getMinX() + 3, status.getCenterY()))
                .as(theme + ": the status line is readable").isGreaterThan(READABLE);
    }

    private static void assertBackground(SceneShot shot, double x, double y, boolean dark, String what) {
        double l = SceneShot.luminance(shot.at(x, y));
        if (dark) assertThat(l).as(what + " is dark").isLessThan(0.06);
        else assertThat(l).as(what + " is light").isGreaterThan(0.75);
    }

    private static SceneShot shot(Scene scene, String name) throws Exception {
        SceneShot s = SceneShot.of(scene);
        s.save(SHOTS.resolve(name + ".png"));
        return s;
    }

    private static Bounds bounds(Scene scene, String selector) throws Exception {
        return onFx(() -> {
            Node n = scene.lookup(selector);
            Bounds b = SceneShot.sceneBounds(n);
            return new BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        });
    }

    private static void readOnly(LocalStore store, boolean on) {
        StoreFaults.readOnly(store, on);
    }

    /** Web pages paint on the pulses after a change, and the prompt is measured after its page has laid out. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

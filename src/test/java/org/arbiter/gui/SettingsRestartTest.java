package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.input.KeyCode;

import org.arbiter.app.DemoBatch;
import org.arbiter.json.Json;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.Side;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import tools.jackson.databind.JsonNode;

/**
 * Issue 10, case 10: every setting the window saves is in force after a restart — theme, zoom and synchronized
 * scrolling from the settings file, the place in the batch from the store. Each is changed by its key, the
 * window closed, a new window opened on the same files, and the setting checked where the user would see it.
 */
class SettingsRestartTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void themeZoomSyncScrollingAndPlaceSurviveARestart() throws Exception {
        Path db = dir.resolve("arbiter.db");
        Path settingsFile = dir.resolve("settings.json");
        try (LocalStore store = LocalStore.open(db)) {
            DemoBatch.loadIfEmpty(store);
        }

        Workstation w = open(db, settingsFile);
        assertThat(w.session().state().status().syncScroll()).as("on by default, as the README says").isTrue();
        assertThat(isDark(w)).isFalse();
        fx.ctrl(KeyCode.T);
        fx.ctrl(KeyCode.EQUALS);
        fx.ctrl(KeyCode.EQUALS);
        fx.type(KeyCode.S);
        assertThat(w.session().state().status().syncScroll()).isFalse();
        fx.type(KeyCode.DIGIT2, KeyCode.ENTER);
        String place = w.session().state().open().item().id();
        fx.close(w);

        JsonNode saved = Json.parse(Files.readString(settingsFile));
        assertThat(saved.get("dark").asBoolean()).isTrue();
        assertThat(saved.get("zoom").asDouble()).isEqualTo(1.2);
        assertThat(saved.get("sync_scroll").asBoolean()).isFalse();

        Workstation again = open(db, settingsFile);
        assertThat(isDark(again)).as("dark theme after restart").isTrue();
        assertThat(onFx(() -> again.window().scene().getRoot().getStyle())).contains("-fx-font-size: 15.6px");
        assertThat(onFx(() -> pageIsDark(again.window().pane(Side.LEFT)))).as("the response pages are dark too").isTrue();
        assertThat(again.session().state().status().syncScroll()).as("synchronized scrolling stays off after restart").isFalse();
        assertThat(again.session().state().open().item().id()).as("the same place in the batch").isEqualTo(place);
        // Off means off: scrolling the left response leaves the right one where it is.
        assertThat(scrollLeftAndReadRight(again)).isZero();
        fx.type(KeyCode.S);
        fx.close(again);

        Workstation third = open(db, settingsFile);
        assertThat(third.session().state().status().syncScroll()).as("switched back on, and kept").isTrue();
        assertThat(scrollLeftAndReadRight(third)).as("the right response follows the left").isPositive();
        fx.close(third);
    }

    private static boolean isDark(Workstation w) throws Exception {
        return onFx(() -> w.window().scene().getRoot().getStyleClass().contains("dark"));
    }

    private static boolean pageIsDark(ResponsePane p) {
        return Boolean.TRUE.equals(p.executeScript("document.body.classList.contains('dark')"));
    }

    /** Scrolls the left page to its end as a wheel would (the page reports it), then reads the right page's offset. */
    private static double scrollLeftAndReadRight(Workstation w) throws Exception {
        onFx(() -> w.window().pane(Side.LEFT).executeScript(
                "document.body.style.minHeight = '5000px'; window.scrollTo(0, 100000);"));
        onFx(() -> w.window().pane(Side.RIGHT).executeScript("document.body.style.minHeight = '5000px'; 0"));
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> ((Number) w.window().pane(Side.RIGHT).executeScript("window.pageYOffset")).doubleValue());
    }

    private Workstation open(Path db, Path settingsFile) throws Exception {
        return fx.open(LocalStore.open(db), "ada", settingsFile);
    }
}

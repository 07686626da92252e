package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.app.UserSettings;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class ThemeScreenshotTest {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() {
        FxToolkit.ensureStarted();
    }

    @Test
    void shots() throws Exception {
        Path db = dir.resolve("arbiter.db");
        LocalStore store = LocalStore.open(db);
        DemoBatch.loadIfEmpty(store);
        Workstation w = open(store);
        settle();
        SceneShot.of(w.window().scene()).save(SHOTS.resolve("light.png"));
        ctrl(KeyCode.T);
        settle();
        SceneShot.of(w.window().scene()).save(SHOTS.resolve("dark.png"));
        robot.type(KeyCode.F1);
        settle();
        SceneShot.of(w.window().scene()).save(SHOTS.resolve("dark-help.png"));
        robot.type(KeyCode.ESCAPE);
        Platform.runLater(() -> w.session().jumpTo("math-test-algebra-1072.json"));
        settle();
        SceneShot.of(w.window().scene()).save(SHOTS.resolve("dark-short.png"));
        Platform.runLater(() -> w.window().stage().close());
        WaitForAsyncUtils.waitForFxEvents();
        w.close();
        store.close();
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Workstation open(LocalStore store) throws Exception {
        Workstation w = Workstation.open(store, "ada", null, UserSettings.load(dir.resolve("settings.json")), Clock.systemUTC(),
                new Keymap.Loaded(Keymap.defaults(), Optional.empty()));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            w.show(stage);
            stage.requestFocus();
            w.window().firstPairShown().thenRun(() -> shown.complete(null));
        });
        shown.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return w;
    }

    private void ctrl(KeyCode k) {
        robot.press(KeyCode.CONTROL).type(k).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

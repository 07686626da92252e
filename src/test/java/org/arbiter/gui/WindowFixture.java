package org.arbiter.gui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.arbiter.app.UserSettings;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every window test does the same way: a real workstation window on a new stage under Monocle, opened on a
 * store and a settings file, typed at with a robot, closed. One instance per test; it starts the toolkit itself.
 */
final class WindowFixture {
    private final FxRobot robot = new FxRobot();

    WindowFixture() {
        FxToolkit.ensureStarted();
    }

    FxRobot robot() {
        return robot;
    }

    /** The window on {@code store} for {@code annotator} with the default keys, once its first item is on screen. */
    Workstation open(LocalStore store, String annotator, Path settingsFile) throws Exception {
        return show(Workstation.open(store, annotator, null, UserSettings.load(settingsFile), Clock.systemUTC(),
                new Keymap.Loaded(Keymap.defaults(), Optional.empty())));
    }

    /** Waits until the window has the next pair prefetched and laid out ahead in its panes. */
    static void awaitNextPairLaidOut(Workstation w) throws Exception {
        w.window().prefetched().get(30, TimeUnit.SECONDS);
        onFx(() -> 0); // the preload runs on the JavaFX thread after the prefetch
    }

    /** Shows {@code w} on a new focused stage and waits until its first item is drawn. */
    Workstation show(Workstation w) throws Exception {
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

    /** Closes the window's stage, as the user would, then the workstation. */
    void close(Workstation w) {
        Platform.runLater(() -> w.window().stage().close());
        WaitForAsyncUtils.waitForFxEvents();
        w.close();
    }

    /** Types each key in turn, letting the window handle one before the next. */
    void type(KeyCode... keys) {
        for (KeyCode k : keys) {
            robot.type(k);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    void ctrl(KeyCode k) {
        robot.press(KeyCode.CONTROL).type(k).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code work} on the FX thread, its result (or failure) here. */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.complete(work.call());
            } catch (Exception e) {
                r.completeExceptionally(e);
            }
        });
        return r.get(10, TimeUnit.SECONDS);
    }
}

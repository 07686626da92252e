package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.app.UserSettings;
import org.arbiter.model.Item;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The A/B code diff is built only when asked for, and then shows the item on screen, also after a switch. */
class DiffPaneTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() {
        FxToolkit.ensureStarted();
    }

    @Test
    void diffShowsTheCurrentCodePairWhenToggled() throws Exception {
        Path db = dir.resolve("arbiter.db");
        List<Item> items;
        try (LocalStore store = LocalStore.open(db)) {
            DemoBatch.loadIfEmpty(store);
            items = store.items().batch(DemoBatch.NAME);
        }
        Item first = items.get(0); // demo order: a C++ pair first
        try (LocalStore store = LocalStore.open(db)) {
            Workstation w = Workstation.open(store, "expert-1", null, UserSettings.load(dir.resolve("settings.json")),
                    Clock.systemUTC(), new Keymap.Loaded(Keymap.defaults(), Optional.empty()));
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                w.show(stage);
                stage.requestFocus();
                w.window().firstPairShown().thenRun(() -> shown.complete(null));
            });
            shown.get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff"))).as("no diff pane before it is asked for").isNull();

            robot.type(KeyCode.D);
            WaitForAsyncUtils.waitForFxEvents();
            String firstLine = first.a().content().lines().filter(l -> l.strip().length() > 8 && !l.contains("`"))
                    .findFirst().orElseThrow().strip();
            assertThat(diffText(w)).contains(firstLine);
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff").isVisible())).isTrue();

            robot.type(KeyCode.D);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff").isVisible())).isFalse();
            Platform.runLater(() -> w.window().stage().close());
            w.close();
        }
    }

    private static String diffText(Workstation w) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = onFx(() -> {
                ResponsePane p = (ResponsePane) w.window().scene().lookup("#pane-diff");
                return p != null && p.isLoaded() ? (String) p.executeScript("document.getElementById('drawn').textContent") : "";
            });
            if (!text.isEmpty()) return text;
            Thread.sleep(50);
        }
        return "";
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}

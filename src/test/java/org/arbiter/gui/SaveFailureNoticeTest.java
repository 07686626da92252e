package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.store.LocalStore;
import org.arbiter.store.StoreFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10, case 5 in a real window: when the store stops taking writes, the keys still work on screen but a red
 * "NOT SAVED" bar says what and why, the status line never claims a save, Enter stays on the item, and the
 * first write that works again takes the bar away.
 */
class SaveFailureNoticeTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void aReadOnlyStoreShowsALastingNoticeAndEnterDoesNotMoveOn() throws Exception {
        Path db = dir.resolve("arbiter.db");
        LocalStore store = LocalStore.open(db);
        DemoBatch.loadIfEmpty(store);
        Workstation w = fx.open(store, "ada", dir.resolve("settings.json"));
        Stage stage = w.window().stage();
        String first = w.session().state().open().item().id();

        fx.type(KeyCode.DIGIT2);
        assertThat(w.window().saveNotice().isShowing()).isFalse();
        assertThat(text(w, "#status-saved")).startsWith("saved ");

        readOnly(store, true);
        fx.type(KeyCode.C);
        settle();
        SaveNotice notice = w.window().saveNotice();
        assertThat(notice.isShowing()).isTrue();
        assertThat(notice.text()).startsWith("NOT SAVED: the labels of this item").contains("read-only").contains(db.toString());
        assertThat(barOnScreen(w)).as("the bar is laid out and visible, not merely requested").isTrue();
        assertThat(text(w, "#status-saved")).isEqualTo("NOT SAVED");

        fx.type(KeyCode.ENTER);
        settle();
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 1 of 20");
        assertThat(notice.isShowing()).as("the notice lasts while nothing can be written").isTrue();
        assertThat(notice.text()).contains("the judgment of this item");
        assertThat(store.judgments().latest("demo", first, w.session().state().queue().annotator())).isEmpty();

        readOnly(store, false);
        fx.type(KeyCode.DIGIT1);
        settle();
        assertThat(notice.isShowing()).as("the first save that works clears the notice").isFalse();
        assertThat(text(w, "#status-saved")).startsWith("saved ");
        fx.type(KeyCode.ENTER);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 2 of 20");
        assertThat(store.judgments().latest("demo", first, w.session().state().queue().annotator())).isPresent();

        fx.close(w);
        store.close();
    }

    private static void readOnly(LocalStore store, boolean on) {
        StoreFaults.readOnly(store, on);
    }

    private static boolean barOnScreen(Workstation w) throws Exception {
        CompletableFuture<Boolean> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            Node bar = w.window().scene().lookup(".notification-bar");
            r.complete(bar != null && bar.isVisible() && bar.getLayoutBounds().getHeight() > 10
                    && bar.localToScene(bar.getLayoutBounds()).getMinY() >= -1);
        });
        return r.get(10, TimeUnit.SECONDS);
    }

    private static String text(Workstation w, String selector) throws Exception {
        CompletableFuture<String> r = new CompletableFuture<>();
        Platform.runLater(() -> r.complete(((Label) w.window().scene().lookup(selector)).getText()));
        return r.get(10, TimeUnit.SECONDS);
    }

    /** The bar slides in over a few hundred milliseconds. */
    private static void settle() throws InterruptedException {
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

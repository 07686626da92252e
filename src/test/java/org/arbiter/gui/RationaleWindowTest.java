package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.arbiter.app.DemoBatch;
import org.arbiter.model.Item;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The rationale written by keys only in a real window: refused without one where the batch needs it, then stored. */
class RationaleWindowTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void aRationaleWrittenByKeysIsStoredWithTheJudgment() throws Exception {
        LocalStore store = LocalStore.open(dir.resolve("arbiter.db"));
        DemoBatch.loadIfEmpty(store);
        // The evidence question is off so a background check's verdict cannot come between Enter and the submit.
        store.batchConfigs().setConfig(DemoBatch.NAME, "{\"rationale_required\": true, \"evidence_warning\": false}");
        Item first = store.items().batch(DemoBatch.NAME).get(0);
        Workstation w = fx.open(store, "ada", dir.resolve("settings.json"));
        try {
            assertThat(text(w, "#status-rationale")).isEqualTo("rationale needed");
            fx.type(KeyCode.DIGIT2, KeyCode.ENTER);
            assertThat(text(w, "#status-message")).isEqualTo("Cannot submit: this batch needs a rationale; press w to write why");
            assertThat(store.judgments().latest(DemoBatch.NAME, first.id(), "ada")).isEmpty();

            fx.type(KeyCode.W);
            fx.robot().write("left checks the bounds; right reads past the end");
            fx.type(KeyCode.ENTER);
            assertThat(text(w, "#status-rationale")).isEqualTo("rationale ✓");
            assertThat(w.session().state().queue().position()).isEqualTo(1);

            // Reopening the editor shows what was kept; Esc leaves it unchanged.
            fx.type(KeyCode.W);
            fx.robot().write(" (draft)");
            fx.type(KeyCode.ESCAPE);
            assertThat(w.session().state().labels().rationale()).isEqualTo("left checks the bounds; right reads past the end");

            fx.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.session().state().queue().position() == 2);
            assertThat(store.judgments().latest(DemoBatch.NAME, first.id(), "ada").orElseThrow().rationale())
                    .isEqualTo("left checks the bounds; right reads past the end");
        } finally {
            fx.close(w);
            store.close();
        }
    }

    private static String text(Workstation w, String id) throws Exception {
        return WindowFixture.onFx(() -> w.window().scene().lookup(id) instanceof Label l ? l.getText() : "");
    }
}

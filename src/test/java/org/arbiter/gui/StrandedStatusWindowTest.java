package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.model.Item;
import org.arbiter.store.AnnotatorName;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, case 1, in a real window: on a logged-in store holding judgments stamped with another name, the
 * status bar's sync line says how many, by whom and what to do, and the window judges as the login's name.
 */
class StrandedStatusWindowTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void theStatusBarNamesJudgmentsStrandedUnderAnotherName() throws Exception {
        try (SyncTestKit.Lab lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("alice"))) {
            lab.store.importItems("math", SyncTestKit.items(4), 1, 4);
            Path db = dir.resolve("laptop.db");
            StringWriter sink = new StringWriter();
            assertThat(ArbiterCommand.run(new PrintWriter(sink, true), new PrintWriter(sink, true),
                    "login", "--server", lab.url(), "--token", lab.tokens.get("alice"), "--db", db.toString())).as(sink.toString()).isZero();
            assertThat(ArbiterCommand.run(new PrintWriter(sink, true), new PrintWriter(sink, true), "sync", "--db", db.toString()))
                    .as(sink.toString()).isZero();
            try (LocalStore s = LocalStore.open(db)) {
                for (Item i : s.items().batch("math-001").subList(0, 3)) {
                    s.judgments().save(SyncTestKit.judgment(i, "chris", UUID.randomUUID(), 1));
                }
            }

            LocalStore store = LocalStore.open(db);
            String name = AnnotatorName.resolve(null, store.settings()).orElseThrow();
            Workstation w = fx.open(store, name, dir.resolve("settings.json"));
            Stage stage = w.window().stage();
            try {
                String text = "";
                for (int i = 0; i < 200 && !text.contains("stamped"); i++) {
                    Thread.sleep(100);
                    text = onFx(() -> ((Label) stage.getScene().lookup("#status-sync")).getText());
                }
                assertThat(text).contains("3 judgment versions stamped chris not sent").contains("arbiter sync --adopt chris")
                        .contains("0 pending");
                assertThat(onFx(() -> ((Label) stage.getScene().getRoot().lookupAll(".label").stream()
                        .filter(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith(name + " · "))
                        .findFirst().orElseThrow()).getText())).startsWith("alice · ");
            } finally {
                fx.close(w);
                store.close();
            }
        }
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.arbiter.app.UserSettings;
import org.arbiter.cli.ArbiterCommand;
import org.arbiter.model.Item;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.store.AnnotatorName;
import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, case 1, in a real window: on a logged-in store holding judgments stamped with another name, the
 * status bar's sync line says how many, by whom and what to do, and the window judges as the login's name.
 */
class StrandedStatusWindowTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        FxToolkit.ensureStarted();
    }

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
            Workstation w = Workstation.open(store, name, null, UserSettings.load(dir.resolve("settings.json")), Clock.systemUTC(),
                    new Keymap.Loaded(Keymap.defaults(), Optional.empty()));
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                w.show(stage);
                w.window().firstPairShown().thenRun(() -> shown.complete(stage));
            });
            Stage stage = shown.get(60, TimeUnit.SECONDS);
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
                Platform.runLater(stage::close);
                w.close();
                store.close();
            }
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> out = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                out.complete(read.call());
            } catch (Exception e) {
                out.completeExceptionally(e);
            }
        });
        return out.get(10, TimeUnit.SECONDS);
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.arbiter.app.UserSettings;
import org.arbiter.evidence.math.MathCheck;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.ShownEvidence;
import org.arbiter.review.Keymap;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A math pair in the real window: the answer checks run in the background as the item opens, each side gets
 * its badge, and preferring the side whose answer is wrong asks once before Enter submits.
 */
class EvidenceWindowTest {
    private static final String ITEM = """
            {"id": "eighth-term", "batch": "evw", "domain": "math",
             "prompt": "What is the eighth term of $\\\\frac{125}{9}, \\\\frac{25}{3}, 5, 3, \\\\ldots$?",
             "responses": [
               {"id": "a", "content": "The ratio is $\\\\frac35$, so the eighth term is $\\\\frac{125}{9}(\\\\frac35)^7 = \\\\boxed{\\\\frac{243}{625}}$."},
               {"id": "b", "content": "The ratio is $\\\\frac35$, so the eighth term is $\\\\frac{125}{9}(\\\\frac35)^6 = \\\\boxed{\\\\frac{81}{625}}$."}],
             "reference": {"answer": "\\\\frac{243}{625}"}}
            """;

    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void badgesShowTheAnswersAndEnterAsksOnceAgainstThem() throws Exception {
        Path db = dir.resolve("arbiter.db");
        Item item = ItemJson.read(Json.parse(ITEM), "evw", null);
        LocalStore store = LocalStore.open(db);
        store.inTransaction(c -> {
            store.items().insertIfAbsent(c, item);
            return null;
        });
        Workstation w = Workstation.open(store, "ada", "evw", UserSettings.load(dir.resolve("settings.json")), Clock.systemUTC(),
                new Keymap.Loaded(Keymap.defaults(), Optional.empty()), List.of(new MathCheck()));
        List<Judgment> submitted = new CopyOnWriteArrayList<>();
        w.session().addSubmitListener(e -> submitted.add(e.judgment()));
        try {
            fx.show(w);
            boolean bOnLeft = SideAssignment.bOnLeft("ada", item);
            String aBadge = bOnLeft ? "#evidence-right" : "#evidence-left";
            String bBadge = bOnLeft ? "#evidence-left" : "#evidence-right";

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(w, aBadge).contains("matches") && text(w, bBadge).contains("reference"));
            assertThat(text(w, aBadge)).isEqualTo("✓ matches · answer \\frac{243}{625}");
            assertThat(text(w, bBadge)).isEqualTo("✗ answer \\frac{81}{625} · reference \\frac{243}{625}");

            // t opens the details: the math check says how it compared.
            fx.type(KeyCode.T);
            assertThat(text(w, bBadge + "-detail")).isNotBlank();
            assertThat(visible(w, bBadge + "-detail")).isTrue();
            fx.type(KeyCode.T);
            assertThat(visible(w, bBadge + "-detail")).isFalse();

            // Prefer B (the wrong answer) much: the first Enter asks, the second submits and records it.
            fx.robot().type(bOnLeft ? KeyCode.DIGIT1 : KeyCode.DIGIT5);
            fx.robot().type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(submitted).isEmpty();
            assertThat(text(w, "#status-message")).endsWith("Enter again to submit anyway").contains("differs from the reference");
            // The reason line is open: what the expert writes there is kept with the confirmation.
            fx.robot().write("the reference is a misprint");
            fx.robot().type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(submitted).hasSize(1);
            assertThat(store.judgments().latest("evw", "eighth-term", "ada")).isPresent();
            List<ShownEvidence> rec = submitted.get(0).evidence();
            assertThat(ShownEvidence.first(rec, ShownEvidence.MATH, "b").confirmedAgainst()).isTrue();
            assertThat(ShownEvidence.first(rec, ShownEvidence.MATH, "b").reason()).isEqualTo("the reference is a misprint");
            assertThat(ShownEvidence.first(rec, ShownEvidence.MATH, "a").verdict()).isEqualTo("match");
        } finally {
            fx.close(w);
            store.close();
        }
    }

    private static boolean visible(Workstation w, String id) throws Exception {
        CompletableFuture<Boolean> t = new CompletableFuture<>();
        Platform.runLater(() -> t.complete(w.window().scene().lookup(id).isVisible()));
        return t.get(10, TimeUnit.SECONDS);
    }

    private static String text(Workstation w, String id) throws Exception {
        CompletableFuture<String> t = new CompletableFuture<>();
        Platform.runLater(() -> {
            Label l = (Label) w.window().scene().lookup(id);
            t.complete(l == null ? "" : l.getText());
        });
        return t.get(10, TimeUnit.SECONDS);
    }
}

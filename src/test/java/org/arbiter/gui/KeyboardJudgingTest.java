package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The whole judging loop in a real window, keyboard only: three items judged (preferences, step ratings,
 * categories, a note, a first error), an undo, a revision of the previous item, quit, reopen — then what
 * {@code arbiter export --format full} holds.
 */
class KeyboardJudgingTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void judgeThreeItemsUndoReviseQuitReopenAndExport() throws Exception {
        Path db = dir.resolve("arbiter.db");
        List<Item> items;
        try (LocalStore store = LocalStore.open(db)) {
            DemoBatch.loadIfEmpty(store);
            items = store.items().batch(DemoBatch.NAME);
        }
        // Demo order: a C++ pair, a single-path proof, a Go pair. Pick an annotator whose side draw swaps
        // exactly one of the two pairs, so the export is checked for both orientations.
        String annotator = annotatorSwappingOneOf(items.get(0), items.get(2));
        assertThat(items.get(1).isPair()).isFalse();

        Workstation w = open(db, annotator);
        Stage stage = w.window().stage();
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 1 of 20");
        assertThat(stepCount(w, "pane-left")).isPositive();
        assertThat(stepCount(w, "pane-right")).isPositive();

        // The raw toggle shows the exact characters in both panes, and comes back.
        fx.type(KeyCode.R);
        assertThat(w.window().pane(org.arbiter.review.Side.LEFT).isRawMode()).isTrue();
        assertThat(w.window().pane(org.arbiter.review.Side.RIGHT).isRawMode()).isTrue();
        fx.type(KeyCode.R);
        assertThat(w.window().pane(org.arbiter.review.Side.LEFT).isRawMode()).isFalse();

        // Item 1 (pair): left better; second step of the left response incorrect with two categories and a note.
        fx.type(KeyCode.DIGIT2, KeyCode.J, KeyCode.X, KeyCode.E, KeyCode.DIGIT1, KeyCode.DIGIT3, KeyCode.ENTER, KeyCode.M);
        fx.robot().write("off by one here");
        fx.type(KeyCode.ENTER);
        assertThat(w.session().state().open().left().mark(1).note()).isEqualTo("off by one here");
        fx.type(KeyCode.ENTER);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 2 of 20");

        // Item 2 (single path): first error at step 3, so steps 1 and 2 become correct.
        fx.type(KeyCode.J, KeyCode.J, KeyCode.F, KeyCode.ENTER);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 3 of 20");

        // Item 3 (pair): right much better, flag both bad, undo the flag, submit.
        fx.type(KeyCode.DIGIT5, KeyCode.B);
        assertThat(w.session().state().labels().flags()).isNotEmpty();
        fx.ctrl(KeyCode.Z);
        assertThat(w.session().state().labels().flags()).isEmpty();
        fx.type(KeyCode.ENTER);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 4 of 20");

        // Back to item 3 and revise: right better instead of much better.
        fx.type(KeyCode.BACK_SPACE);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 3 of 20");
        fx.type(KeyCode.DIGIT4, KeyCode.ENTER);
        assertThat(stage.getTitle()).isEqualTo("Arbiter — demo — item 4 of 20");

        fx.ctrl(KeyCode.Q);
        assertThat(stage.isShowing()).isFalse();
        w.close();

        // Reopen: the same place, nothing lost.
        Workstation again = open(db, annotator);
        assertThat(again.session().state().open().item().id()).isEqualTo(items.get(3).id());
        fx.close(again);

        List<JsonNode> full = exportFull(db);
        assertThat(full).hasSize(4);
        Map<String, List<JsonNode>> byItem = full.stream().collect(Collectors.groupingBy(j -> j.get("item_id").asString()));

        JsonNode first = byItem.get(items.get(0).id()).get(0);
        boolean swapped0 = SideAssignment.bOnLeft(annotator, items.get(0));
        assertThat(first.get("preference").asString()).isEqualTo(swapped0 ? "B>A" : "A>B");
        assertThat(first.get("shown_left").asString()).isEqualTo(swapped0 ? "b" : "a");
        JsonNode label = first.get("step_labels").get(0);
        assertThat(label.get("response_id").asString()).isEqualTo(swapped0 ? "b" : "a");
        assertThat(label.get("step_index").asInt()).isEqualTo(1);
        assertThat(label.get("rating").asInt()).isEqualTo(-1);
        assertThat(label.get("categories")).hasSize(2);
        assertThat(label.get("note").asString()).isEqualTo("off by one here");
        assertThat(first.get("annotator").asString()).isEqualTo(annotator);

        JsonNode proof = byItem.get(items.get(1).id()).get(0);
        assertThat(proof.get("preference").isNull()).isTrue();
        List<Integer> ratings = new ArrayList<>();
        proof.get("step_labels").forEach(s -> ratings.add(s.get("rating").asInt()));
        assertThat(ratings).containsExactly(1, 1, -1);

        List<JsonNode> third = byItem.get(items.get(2).id());
        assertThat(third).hasSize(2);
        assertThat(third.get(0).get("judgment_id")).isEqualTo(third.get(1).get("judgment_id"));
        assertThat(third).extracting(j -> j.get("version").asInt()).containsExactlyInAnyOrder(1, 2);
        boolean swapped2 = SideAssignment.bOnLeft(annotator, items.get(2));
        JsonNode v1 = third.stream().filter(j -> j.get("version").asInt() == 1).findFirst().orElseThrow();
        JsonNode v2 = third.stream().filter(j -> j.get("version").asInt() == 2).findFirst().orElseThrow();
        assertThat(v1.get("preference").asString()).isEqualTo(swapped2 ? "A>>B" : "B>>A");
        assertThat(v2.get("preference").asString()).isEqualTo(swapped2 ? "A>B" : "B>A");
        assertThat(v1.get("flags")).isEmpty();
    }

    private static String annotatorSwappingOneOf(Item x, Item y) {
        for (int i = 0; ; i++) {
            String name = "expert-" + i;
            if (SideAssignment.bOnLeft(name, x) != SideAssignment.bOnLeft(name, y)) return name;
        }
    }

    private Workstation open(Path db, String annotator) throws Exception {
        return fx.open(LocalStore.open(db), annotator, dir.resolve("settings.json"));
    }

    private static int stepCount(Workstation w, String paneId) throws Exception {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        Platform.runLater(() -> {
            var pane = (org.arbiter.render.fx.ResponsePane) w.window().scene().lookup("#" + paneId);
            n.complete(((Number) pane.executeScript("document.querySelectorAll('.step').length")).intValue());
        });
        return n.get(10, TimeUnit.SECONDS);
    }

    private static List<JsonNode> exportFull(Path db) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "export", "--format", "full", "--db", db.toString());
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.toString().split("\n")) if (!line.isBlank()) rows.add(Json.parse(line));
        return rows;
    }
}

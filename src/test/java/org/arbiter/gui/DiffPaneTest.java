package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;

import org.arbiter.app.DemoBatch;
import org.arbiter.model.Item;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code diff is built only when asked for, shows the item on screen, and reads left to right as the review does. */
class DiffPaneTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

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
            Workstation w = fx.open(store, "expert-1", dir.resolve("settings.json"));
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff"))).as("no diff pane before it is asked for").isNull();

            fx.type(KeyCode.D);
            String firstLine = first.a().content().lines().filter(l -> l.strip().length() > 8 && !l.contains("`"))
                    .findFirst().orElseThrow().strip();
            assertThat(diffText(w)).contains(firstLine);
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff").isVisible())).isTrue();

            fx.type(KeyCode.D);
            assertThat(onFx(() -> w.window().scene().lookup("#pane-diff").isVisible())).isFalse();
            fx.close(w);
        }
    }

    /**
     * On an item whose left side is B (the demo's first C++ pair for this annotator), the diff's left column
     * is the response the review shows on the left, and the columns are headed as the review heads them.
     */
    @Test
    void diffColumnsAreTheReviewsSidesWhenBIsOnTheLeft() throws Exception {
        Path db = dir.resolve("arbiter.db");
        Item first;
        try (LocalStore store = LocalStore.open(db)) {
            DemoBatch.loadIfEmpty(store);
            first = store.items().batch(DemoBatch.NAME).get(0);
        }
        String annotator = null;
        for (int i = 0; annotator == null; i++) if (SideAssignment.bOnLeft("expert-" + i, first)) annotator = "expert-" + i;
        String onlyInB = onlyIn(first.b().orElseThrow().content(), first.a().content());
        try (LocalStore store = LocalStore.open(db)) {
            Workstation w = fx.open(store, annotator, dir.resolve("settings.json"));
            assertThat(w.session().state().open().left().response().id()).as("the review shows B on the left").isEqualTo("b");

            fx.type(KeyCode.D);
            assertThat(diffText(w)).isNotEmpty();
            String leftColumn = diffScript(w, "Array.from(document.querySelectorAll('#drawn td.d-left')).map(c => c.textContent).join('\\n')");
            String rightColumn = diffScript(w, "Array.from(document.querySelectorAll('#drawn td.d-right')).map(c => c.textContent).join('\\n')");
            String headings = diffScript(w, "Array.from(document.querySelectorAll('#drawn tr.d-head th')).map(c => c.textContent).join('|')");
            assertThat(leftColumn).as("left column = the response shown on the left (B)").contains(onlyInB);
            assertThat(rightColumn).as("right column = A, which lacks that line").doesNotContain(onlyInB);
            assertThat(headings).isEqualTo("left|right");
            fx.close(w);
        }
    }

    /** A distinctive line of {@code code} that {@code other} does not hold. */
    private static String onlyIn(String code, String other) {
        java.util.Set<String> others = other.lines().map(String::strip).collect(java.util.stream.Collectors.toSet());
        return code.lines().map(String::strip).filter(l -> l.length() > 8 && !l.contains("`") && !others.contains(l))
                .findFirst().orElseThrow();
    }

    private static String diffScript(Workstation w, String script) throws Exception {
        return onFx(() -> (String) ((ResponsePane) w.window().scene().lookup("#pane-diff")).executeScript(script));
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
}

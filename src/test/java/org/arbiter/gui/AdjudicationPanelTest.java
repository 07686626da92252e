package org.arbiter.gui;

import static org.arbiter.gui.WindowFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.Node;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.review.SideAssignment;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An item of an adjudication batch shows the others' labels in the adjudicator's own screen terms; an
 * ordinary item shows nothing of anyone else.
 */
class AdjudicationPanelTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    // As arbiter server adjudication writes it: ann preferred A and faulted B's second step, bob preferred B strongly.
    private static final String DISPUTED = """
            {"id":"q0","batch":"adjudication-wk","domain":"math","prompt":"What is 0 + 1?",
             "responses":[{"id":"a","model":"m1","content":"Step one.\\nSo 1."},{"id":"b","model":"m2","content":"Step one.\\nSo 2."}],
             "meta":{"source":"unit","adjudication":{"source_batch":"wk-001","reasons":["opposite directions"],"labels":[
               {"annotator":"ann","preference":"A>B","flags":[],"step_labels":[{"response_id":"b","step_index":1,"step_key":"k1",
                "rating":-1,"categories":["calculation"],"note":""}],"rationale":"B is off by one"},
               {"annotator":"bob","preference":"B>>A","flags":["unsure"],"step_labels":[],"rationale":""}]}}}
            """;
    private static final String ORDINARY = """
            {"id":"q1","batch":"adjudication-wk","domain":"math","prompt":"What is 1 + 1?",
             "responses":[{"id":"a","model":"m1","content":"So 2."},{"id":"b","model":"m2","content":"So 3."}],
             "meta":{"source":"unit"}}
            """;

    @Test
    void othersLabelsShowInScreenTermsOnlyOnTheAdjudicationItem() throws Exception {
        Item disputed = ItemJson.read(Json.parse(DISPUTED), null, null);
        Item ordinary = ItemJson.read(Json.parse(ORDINARY), null, null);
        Path db = dir.resolve("arbiter.db");
        try (LocalStore store = LocalStore.open(db)) {
            store.items().insertIfAbsent(disputed);
            store.items().insertIfAbsent(ordinary);
        }
        // An adjudicator who sees B on the left: every A/B label must come out mirrored.
        String expert = null;
        for (int i = 0; expert == null; i++) if (SideAssignment.bOnLeft("judge-" + i, disputed)) expert = "judge-" + i;

        Workstation w = open(db, expert);
        try {
            assertThat(w.session().state().open().item().id()).isEqualTo("q0");
            String text = onFx(() -> w.window().othersLabelsText());
            assertThat(text).startsWith("Adjudication — labels of others (opposite directions)");
            assertThat(text).contains("ann: right better · left step 2 ✗ (calculation) · “B is off by one”");
            assertThat(text).contains("bob: left much better · flags: unsure");
            assertThat(onFx(() -> w.window().scene().lookup("#others-labels").isVisible())).isTrue();

            Platform.runLater(() -> w.session().jumpTo("q1"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(w.session().state().open().item().id()).isEqualTo("q1");
            assertThat(onFx(() -> w.window().othersLabelsText())).isEmpty();
            Node panel = onFx(() -> w.window().scene().lookup("#others-labels"));
            assertThat(panel.isVisible()).isFalse();
            assertThat(panel.isManaged()).isFalse();
        } finally {
            fx.close(w);
        }
    }

    private Workstation open(Path db, String annotator) throws Exception {
        return fx.open(LocalStore.open(db), annotator, dir.resolve("settings.json"));
    }
}

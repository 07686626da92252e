package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.arbiter.model.Judgment;
import org.arbiter.model.ShownEvidence;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written rationale of a whole judgment: typed after {@code w}, kept in the draft, undoable, stored with the
 * judgment, and required by Enter where the batch says so.
 */
class RationaleTest {
    private static final String ADA = "ada";

    @TempDir
    Path dir;
    LocalStore store;
    ReviewFixture.ManualClock time;

    @BeforeEach
    void setUp() throws Exception {
        store = ReviewFixture.storeWithDemo(dir.resolve("arbiter.db"));
        time = new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReviewSession open(Keymap keys) {
        return ReviewSession.open(store, ADA, "demo", keys, new ActiveClock(time));
    }

    private Judgment stored(String item) {
        return store.judgments().latest("demo", item, ADA).orElseThrow();
    }

    @Test
    void aTypedRationaleIsStoredWithTheJudgmentVersion() {
        ReviewSession s = open(Keymap.defaults());
        String item = s.state().open().item().id();
        ReviewState st = press(s, "2", "w");
        assertThat(st.status().mode()).isEqualTo(Mode.RATIONALE);
        st = s.commitRationale("  left handles the empty list; right indexes past the end  ");
        assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);
        assertThat(st.labels().rationale()).isEqualTo("left handles the empty list; right indexes past the end");

        st = press(s, "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(stored(item).rationale()).isEqualTo("left handles the empty list; right indexes past the end");

        // Revising: the editor starts from the stored rationale, and a new one makes version 2.
        st = press(s, "Backspace");
        assertThat(st.labels().rationale()).isEqualTo("left handles the empty list; right indexes past the end");
        press(s, "w");
        s.commitRationale("right crashes on []");
        press(s, "Enter");
        assertThat(stored(item).version()).isEqualTo(2);
        assertThat(stored(item).rationale()).isEqualTo("right crashes on []");
    }

    @Test
    void escapeKeepsTheRationaleAsItWasAndUndoTakesItBack() {
        ReviewSession s = open(Keymap.defaults());
        press(s, "2", "w");
        s.commitRationale("first thought");
        ReviewState st = press(s, "w", "Escape");
        assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);
        assertThat(st.labels().rationale()).isEqualTo("first thought");

        st = press(s, "Ctrl+Z");
        assertThat(st.labels().rationale()).isEmpty();
        assertThat(st.labels().screenScore()).isEqualTo(-1);
        st = press(s, "Ctrl+Shift+Z");
        assertThat(st.labels().rationale()).isEqualTo("first thought");
    }

    @Test
    void requiredAndMissingDoesNotSubmitAndNamesTheKey() {
        store.batchConfigs().setConfig("demo", "{\"rationale_required\": true}");
        ReviewSession s = open(Keymap.defaults());
        assertThat(s.config().rationaleRequired()).isTrue();
        String item = s.state().open().item().id();

        ReviewState st = press(s, "2", "Enter");
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(st.status().message()).isEqualTo("Cannot submit: this batch needs a rationale; press w to write why");
        assertThat(st.labels().rationaleRequired()).isTrue();
        assertThat(store.judgments().latest("demo", item, ADA)).isEmpty();

        // A blank rationale is none.
        press(s, "w");
        st = s.commitRationale("   ");
        st = press(s, "Enter");
        assertThat(st.queue().position()).isEqualTo(1);

        press(s, "w");
        s.commitRationale("left is correct and shorter");
        st = press(s, "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(stored(item).rationale()).isEqualTo("left is correct and shorter");
    }

    @Test
    void theRefusalNamesTheKeyTheExpertBound() {
        store.batchConfigs().setConfig("demo", "{\"rationale_required\": true}");
        ReviewSession s = open(Keymap.defaults().with(Action.WRITE_RATIONALE, List.of(KeyStroke.parse("F2"))));
        ReviewState st = press(s, "2", "Enter");
        assertThat(st.status().message()).endsWith("press F2 to write why");

        s.setKeymap(Keymap.defaults().with(Action.WRITE_RATIONALE, List.of()));
        st = press(s, "Enter");
        assertThat(st.status().message()).contains("bind WRITE_RATIONALE to a key");
    }

    @Test
    void theRationaleSurvivesARestartThroughTheDraft() throws Exception {
        ReviewSession s = open(Keymap.defaults());
        String item = s.state().open().item().id();
        press(s, "2", "w");
        s.commitRationale("kept across a crash");
        // No quit, no close: the process dies with the labels only in the draft.
        store.close();
        store = LocalStore.open(dir.resolve("arbiter.db"));

        ReviewSession again = open(Keymap.defaults());
        ReviewState st = again.state();
        assertThat(st.open().item().id()).isEqualTo(item);
        assertThat(st.labels().rationale()).isEqualTo("kept across a crash");
        assertThat(store.judgments().latest("demo", item, ADA)).isEmpty();
        press(again, "Enter");
        assertThat(stored(item).rationale()).isEqualTo("kept across a crash");
    }

    @Test
    void theReasonForConfirmingAgainstTheEvidenceCountsWhenNoRationaleWasWritten() {
        store.batchConfigs().setConfig("demo", "{\"rationale_required\": true}");
        ReviewSession s = open(Keymap.defaults());
        ReviewState st = s.state();
        String item = st.open().item().id();
        s.evidenceShown(item, code(st.open().left().response().id(), "passed", 7, 7));
        s.evidenceShown(item, code(st.open().right().response().id(), "failed", 2, 7));

        st = press(s, "4", "Enter");
        assertThat(st.status().mode()).isEqualTo(Mode.CONFIRM_AGAINST);
        // No reason given: still no justification, so nothing is submitted.
        st = s.confirmAgainst("");
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(st.status().message()).contains("needs a rationale");

        st = press(s, "Enter");
        assertThat(st.status().mode()).isEqualTo(Mode.CONFIRM_AGAINST);
        st = s.confirmAgainst("the tests check the old signature");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(stored(item).rationale()).isEqualTo("the tests check the old signature");
    }

    private static ShownEvidence code(String response, String verdict, int passed, int total) {
        return new ShownEvidence(response, ShownEvidence.CODE, verdict, passed, total, null, null, null, "arbiter-evidence 1", false, "");
    }
}

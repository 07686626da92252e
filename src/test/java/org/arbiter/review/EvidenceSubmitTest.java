package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.Judgment;
import org.arbiter.model.ShownEvidence;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence handed to the session while an item is open: shown in the state, recorded with the judgment, and
 * Enter asks once before a submit that goes against decisive evidence.
 */
class EvidenceSubmitTest {
    private static final String ADA = "ada";

    @TempDir
    Path dir;
    LocalStore store;
    ReviewFixture.ManualClock time;
    final List<Judgment> submitted = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = ReviewFixture.storeWithDemo(dir.resolve("arbiter.db"));
        time = new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReviewSession open() {
        ReviewSession s = ReviewSession.open(store, ADA, "demo", Keymap.defaults(), new ActiveClock(time));
        s.addSubmitListener(e -> submitted.add(e.judgment()));
        return s;
    }

    private static ShownEvidence code(String response, String verdict, int passed, int total) {
        return new ShownEvidence(response, ShownEvidence.CODE, verdict, passed, total, null, null, null, "arbiter-evidence 1", false, "");
    }

    private static ShownEvidence math(String response, String verdict, String answer, String reference) {
        return new ShownEvidence(response, ShownEvidence.MATH, verdict, null, null, answer, reference, "numeric", "arbiter-evidence 1", false, "");
    }

    @Test
    void evidenceArrivesInTheStateAndIsRecordedWithTheJudgment() {
        ReviewSession s = open();
        ReviewState st = s.state();
        String item = st.open().item().id();
        String left = st.open().left().response().id();
        String right = st.open().right().response().id();
        assertThat(st.open().evidence()).isEmpty();

        s.evidenceShown(item, code(left, "passed", 7, 7));
        st = s.evidenceShown(item, code(right, "failed", 2, 7));
        assertThat(st.open().evidenceFor(left)).extracting(ShownEvidence::verdict).containsExactly("passed");
        assertThat(st.open().evidenceFor(right)).extracting(ShownEvidence::verdict).containsExactly("failed");
        // A late result for another item (the expert has moved on) is dropped.
        st = s.evidenceShown("code-Go-115", code(left, "timeout", 0, 7));
        assertThat(st.open().evidence()).hasSize(2);

        // Preferring the passing left side goes with the evidence: one Enter submits.
        st = press(s, "2", "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).evidence()).extracting(ShownEvidence::responseId, ShownEvidence::verdict, ShownEvidence::confirmedAgainst)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(left, "passed", false),
                        org.assertj.core.groups.Tuple.tuple(right, "failed", false));
        // The next item starts with no evidence of its own.
        assertThat(st.open().evidence()).isEmpty();
    }

    @Test
    void preferringTheFailingSideAsksOnceThenRecordsTheConfirmation() {
        ReviewSession s = open();
        ReviewState st = s.state();
        String item = st.open().item().id();
        String left = st.open().left().response().id();
        String right = st.open().right().response().id();
        s.evidenceShown(item, code(left, "passed", 7, 7));
        s.evidenceShown(item, code(right, "failed", 2, 7));

        st = press(s, "4", "Enter");
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(submitted).isEmpty();
        assertThat(st.status().message()).isEqualTo("right fails test 3 of 7; left passes 7/7 — Enter again to submit anyway");

        st = press(s, "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(submitted).hasSize(1);
        List<ShownEvidence> rec = store.judgments().latest("demo", item, ADA).orElseThrow().evidence();
        assertThat(rec).isEqualTo(submitted.get(0).evidence());
        assertThat(ShownEvidence.first(rec, ShownEvidence.CODE, right).confirmedAgainst()).isTrue();
        assertThat(ShownEvidence.first(rec, ShownEvidence.CODE, left).confirmedAgainst()).isFalse();
    }

    @Test
    void changingThePreferenceAfterTheNoticeAsksAgain() {
        ReviewSession s = open();
        ReviewState st = s.state();
        String item = st.open().item().id();
        String left = st.open().left().response().id();
        String right = st.open().right().response().id();
        s.evidenceShown(item, math(left, "mismatch", "12", "14"));
        s.evidenceShown(item, math(right, "match", "14", "14"));

        st = press(s, "1", "Enter");
        assertThat(st.status().message()).isEqualTo("left answer 12 differs from the reference 14; right answer 14 matches the reference"
                + " — Enter again to submit anyway");
        assertThat(st.status().mode()).isEqualTo(Mode.CONFIRM_AGAINST);
        // Esc goes back to the labels; a new preference that still goes against the evidence asks again.
        st = press(s, "Escape", "2", "Enter");
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(st.status().mode()).isEqualTo(Mode.CONFIRM_AGAINST);
        assertThat(submitted).isEmpty();
        press(s, "Escape");
        // A tie goes against nothing.
        st = press(s, "3", "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(submitted.get(0).evidence()).noneMatch(ShownEvidence::confirmedAgainst);
    }

    @Test
    void theReasonGivenIsRecordedWithTheConfirmation() {
        ReviewSession s = open();
        ReviewState st = s.state();
        String item = st.open().item().id();
        String left = st.open().left().response().id();
        String right = st.open().right().response().id();
        s.evidenceShown(item, math(left, "match", "14", "14"));
        s.evidenceShown(item, math(right, "mismatch", "12", "14"));
        press(s, "5", "Enter");
        assertThat(submitted).isEmpty();
        st = s.confirmAgainst("  the reference answer is wrong: 12 is right  ");
        assertThat(st.queue().position()).isEqualTo(2);
        ShownEvidence e = ShownEvidence.first(store.judgments().latest("demo", item, ADA).orElseThrow().evidence(), ShownEvidence.MATH, right);
        assertThat(e.confirmedAgainst()).isTrue();
        assertThat(e.reason()).isEqualTo("the reference answer is wrong: 12 is right");
    }

    @Test
    void batchConfigTurnsTheQuestionOff() {
        store.batchConfigs().setConfig("demo", "{\"evidence_warning\": false}");
        ReviewSession s = open();
        assertThat(s.config().evidenceWarning()).isFalse();
        ReviewState st = s.state();
        String item = st.open().item().id();
        s.evidenceShown(item, code(st.open().left().response().id(), "passed", 7, 7));
        s.evidenceShown(item, code(st.open().right().response().id(), "failed", 2, 7));
        st = press(s, "5", "Enter");
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(submitted.get(0).evidence()).noneMatch(ShownEvidence::confirmedAgainst);
    }

    @Test
    void singlePathAllStepsCorrectOnAWrongFinalAnswerAsksOnce() {
        ReviewSession s = open();
        ReviewState st = s.jumpTo("proof-Pugh|exercise_2_41");
        assertThat(st.open().isPair()).isFalse();
        String id = st.open().left().response().id();
        s.evidenceShown(st.open().item().id(), math(id, "mismatch", "12", "14"));

        st = press(s, "c", "Enter");
        assertThat(st.status().message()).isEqualTo("the final answer 12 differs from the reference 14: no step marked incorrect"
                + " — Enter again to submit anyway");
        assertThat(submitted).isEmpty();
        st = press(s, "Enter");
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).evidence()).singleElement().extracting(ShownEvidence::confirmedAgainst).isEqualTo(true);
    }

    @Test
    void singlePathWithAStepMarkedIncorrectSubmitsAtOnce() {
        ReviewSession s = open();
        ReviewState st = s.jumpTo("proof-Pugh|exercise_2_41");
        String id = st.open().left().response().id();
        s.evidenceShown(st.open().item().id(), math(id, "mismatch", "12", "14"));
        press(s, "x", "Enter");
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).evidence()).noneMatch(ShownEvidence::confirmedAgainst);
    }
}

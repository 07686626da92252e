package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.StepLabel;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review driven only by key strokes, on a real SQLite file, as the window would drive it. */
class ReviewSessionTest {
    private static final String ADA = "ada";

    @TempDir
    Path dir;
    Path db;
    LocalStore store;
    ReviewFixture.ManualClock time;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("arbiter.db");
        store = ReviewFixture.storeWithDemo(db);
        time = new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReviewSession open(LocalStore s) {
        return ReviewSession.open(s, ADA, "demo", Keymap.defaults(), new ActiveClock(time));
    }

    private Judgment latest(String itemId) {
        return store.judgments().latest("demo", itemId, ADA).orElseThrow();
    }

    @Test
    void judgesThreeItemsByKeyboardAlone() {
        ReviewSession s = open(store);
        ReviewState st = s.state();
        Item first = st.open().item();
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(st.open().focusedSide()).isEqualTo(Side.LEFT);
        assertThat(first.isPair()).isTrue();
        String leftId = st.open().left().response().id();
        String rightId = st.open().right().response().id();

        // Item 1: left better, first left step correct, second incorrect with two categories and a note,
        // first right step neutral.
        time.advance(Duration.ofSeconds(5));
        press(s, "2", "c", "j", "x", "e");
        assertThat(s.state().status().mode()).isEqualTo(Mode.PICK_CATEGORY);
        List<BatchConfig.ErrorCategory> cats = s.state().labels().categories();
        assertThat(cats.get(0).label()).isEqualTo("Wrong logic");
        press(s, "1", "3", "Enter");
        assertThat(s.state().status().mode()).isEqualTo(Mode.NORMAL);
        press(s, "m");
        assertThat(s.state().status().mode()).isEqualTo(Mode.NOTE);
        s.commitNote("loop bound skips the last element");
        press(s, "Tab", "n");
        time.advance(Duration.ofSeconds(7));
        st = press(s, "Enter");

        Judgment j1 = latest(first.id());
        assertThat(j1.annotator()).isEqualTo(ADA);
        assertThat(j1.version()).isEqualTo(1);
        assertThat(j1.shownLeft()).isEqualTo(leftId);
        assertThat(j1.preference()).isEqualTo(leftId.equals("a") ? Preference.A_BETTER : Preference.B_BETTER);
        assertThat(j1.stepLabels()).containsExactlyInAnyOrder(
                new StepLabel(leftId, 0, stepKey(first, leftId, 0), 1, List.of(), null),
                new StepLabel(leftId, 1, stepKey(first, leftId, 1), -1, List.of(cats.get(0).id(), cats.get(2).id()),
                        "loop bound skips the last element"),
                new StepLabel(rightId, 0, stepKey(first, rightId, 0), 0, List.of(), null));
        assertThat(j1.activeMs()).isEqualTo(12_000);
        assertThat(j1.startedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));

        // Item 2 is a single path (a proof): no preference, steps only.
        assertThat(st.queue().position()).isEqualTo(2);
        assertThat(st.open().isPair()).isFalse();
        assertThat(store.drafts().load("demo", first.id(), ADA)).isEmpty();
        Item second = st.open().item();
        press(s, "c", "j", "c", "G", "x", "Enter");
        Judgment j2 = latest(second.id());
        assertThat(j2.preference()).isNull();
        assertThat(j2.stepLabels()).extracting(StepLabel::rating).containsExactly(1, 1, -1);
        assertThat(j2.stepLabels()).extracting(StepLabel::stepIndex).containsExactly(0, 1, stepCount(second) - 1);

        // Item 3: about equal, both flagged unsure.
        Item third = s.state().open().item();
        st = press(s, "3", "u", "Enter");
        Judgment j3 = latest(third.id());
        assertThat(j3.preference()).isEqualTo(Preference.TIE);
        assertThat(j3.flags()).containsExactly(Flag.UNSURE);
        assertThat(st.queue().position()).isEqualTo(4);
        assertThat(st.queue().itemsLeft()).isEqualTo(17);
        assertThat(store.judgments().current()).hasSize(3);
    }

    private static String stepKey(Item item, String responseId, int index) {
        return org.arbiter.model.steps.StepSegmenter.segment(item.response(responseId).orElseThrow(), item.domain()).get(index).key();
    }

    private static int stepCount(Item item) {
        return org.arbiter.model.steps.StepSegmenter.segment(item.a(), item.domain()).size();
    }

    @Test
    void firstErrorMarksTheStepWrongAndEveryEarlierUnratedStepRight() {
        ReviewSession s = open(store);
        press(s, "Enter"); // refused on the pair: stays
        s.jumpTo("proof-Pugh|exercise_2_41");
        ReviewState st = press(s, "j", "n", "j", "j", "f");
        Map<Integer, StepMark> marks = st.open().left().marks();
        assertThat(marks.get(0).rating()).isEqualTo(Rating.CORRECT);
        assertThat(marks.get(1).rating()).as("already rated: kept").isEqualTo(Rating.NEUTRAL);
        assertThat(marks.get(2).rating()).isEqualTo(Rating.CORRECT);
        assertThat(marks.get(3).rating()).isEqualTo(Rating.INCORRECT);
        assertThat(marks).doesNotContainKey(4);
        // One key, one undo step.
        st = press(s, "Ctrl+Z");
        assertThat(st.open().left().marks()).containsOnlyKeys(1);
    }

    @Test
    void undoAndRedoCoverEveryLabelingActionButNotNavigation() {
        ReviewSession s = open(store);
        ReviewState st = press(s, "1", "b", "c", "j");
        assertThat(st.labels().screenScore()).isEqualTo(-2);
        assertThat(st.labels().has(Flag.BOTH_BAD)).isTrue();
        st = press(s, "Ctrl+Z");
        assertThat(st.open().left().focusedStep()).as("navigation is not undone").isEqualTo(1);
        assertThat(st.open().left().marks()).isEmpty();
        st = press(s, "Ctrl+Z");
        assertThat(st.labels().has(Flag.BOTH_BAD)).isFalse();
        assertThat(st.labels().screenScore()).isEqualTo(-2);
        st = press(s, "Ctrl+Z");
        assertThat(st.labels().preference()).isNull();
        assertThat(st.labels().canUndo()).isFalse();
        st = press(s, "Ctrl+Shift+Z", "Ctrl+Shift+Z");
        assertThat(st.labels().screenScore()).isEqualTo(-2);
        assertThat(st.labels().has(Flag.BOTH_BAD)).isTrue();
        assertThat(st.labels().canRedo()).isTrue();
        // A new action forgets the redo branch.
        st = press(s, "4");
        assertThat(st.labels().canRedo()).isFalse();
        assertThat(st.labels().screenScore()).isEqualTo(1);
        // Rubric and notes are labeling too.
        press(s, "]", "Shift+4");
        assertThat(s.state().open().left().rubric()).containsEntry("reasoning", 4);
        press(s, "Ctrl+Z");
        assertThat(s.state().open().left().rubric()).isEmpty();
    }

    @Test
    void enterIsRefusedWithTheReasonWhileRequiredFieldsAreMissing() {
        ReviewSession s = open(store);
        String id = s.state().open().item().id();
        ReviewState st = press(s, "c", "Enter");
        assertThat(st.open().item().id()).isEqualTo(id);
        assertThat(st.status().message()).contains("Cannot submit").contains("preference");
        assertThat(store.judgments().latest("demo", id, ADA)).isEmpty();
        // both_bad stands in for the preference.
        st = press(s, "b", "Enter");
        assertThat(st.open().item().id()).isNotEqualTo(id);
        assertThat(latest(id).flags()).containsExactly(Flag.BOTH_BAD);
        assertThat(latest(id).preference()).isNull();

        // A single path needs a rated step (or a flag); a note alone is not a rating.
        s.jumpTo("proof-Pugh|exercise_2_41");
        st = press(s, "Enter");
        assertThat(st.status().message()).contains("rate at least one step");
        press(s, "m");
        s.commitNote("unclear");
        st = press(s, "Enter");
        assertThat(st.status().message()).contains("step 1").contains("no rating");
        st = press(s, "x", "Enter");
        assertThat(st.open().item().id()).isNotEqualTo("proof-Pugh|exercise_2_41");
    }

    @Test
    void revisingThePreviousItemMakesVersionTwoAndKeepsVersionOne() {
        ReviewSession s = open(store);
        Item first = s.state().open().item();
        press(s, "2", "Enter");
        Judgment v1 = latest(first.id());
        ReviewState st = press(s, "Backspace");
        assertThat(st.open().item().id()).isEqualTo(first.id());
        assertThat(st.open().version()).isEqualTo(1);
        assertThat(st.labels().screenScore()).as("the judgment is loaded for editing").isEqualTo(-1);
        st = press(s, "5", "Enter");
        List<Judgment> versions = store.judgments().versions(v1.judgmentId());
        assertThat(versions).extracting(Judgment::version).containsExactly(1, 2);
        assertThat(versions.get(0).preference()).isEqualTo(v1.preference());
        boolean bLeft = SideAssignment.bOnLeft(ADA, first);
        assertThat(versions.get(1).preference()).isEqualTo(bLeft ? Preference.A_MUCH_BETTER : Preference.B_MUCH_BETTER);
        assertThat(versions.get(0).preference()).isEqualTo(bLeft ? Preference.B_BETTER : Preference.A_BETTER);
        assertThat(versions.get(1).judgmentId()).isEqualTo(v1.judgmentId());
        assertThat(versions.get(1).startedAt()).isEqualTo(v1.startedAt());
        assertThat(st.queue().position()).isEqualTo(2);
        // Enter on an unchanged judged item adds no version.
        press(s, "Backspace", "Enter");
        assertThat(store.judgments().versions(v1.judgmentId())).hasSize(2);
    }

    @Test
    void submittedIsToldOncePerCommittedVersionAndNotForAnUnchangedEnter() {
        ReviewSession s = open(store);
        List<Submitted> told = new java.util.ArrayList<>();
        s.addSubmitListener(told::add);
        Item first = s.state().open().item();
        press(s, "Enter");
        assertThat(told).as("a refused Enter commits nothing").isEmpty();
        press(s, "2", "Enter");
        assertThat(told).extracting(t -> t.judgment().itemId()).containsExactly(first.id());
        assertThat(told.get(0).judgment()).isEqualTo(latest(first.id()));
        press(s, "Backspace", "Enter");
        assertThat(told).as("Enter on an unchanged judgment makes no version").hasSize(1);
        press(s, "Backspace", "5", "Enter");
        assertThat(told).extracting(t -> t.judgment().version()).containsExactly(1, 2);
    }

    @Test
    void quitAndReopenReturnsToTheSamePosition() {
        ReviewSession s = open(store);
        press(s, "1", "Enter", "c", "Enter");
        Item third = s.state().open().item();
        ReviewState st = press(s, "4", "Ctrl+Q");
        assertThat(st.status().quitRequested()).isTrue();
        store.close();

        store = LocalStore.open(db);
        ReviewSession again = ReviewSession.open(store, ADA, null, Keymap.defaults(), new ActiveClock(time));
        ReviewState back = again.state();
        assertThat(back.open().item().id()).isEqualTo(third.id());
        assertThat(back.queue().position()).isEqualTo(3);
        assertThat(back.labels().screenScore()).isEqualTo(1);
        assertThat(back.open().focusedSide()).isEqualTo(Side.LEFT);
    }

    @Test
    void draftSurvivesACrash() {
        ReviewSession s = open(store);
        Item item = s.state().open().item();
        time.advance(Duration.ofSeconds(9));
        press(s, "5", "p", "j", "x", "e", "2", "Enter");
        // No quit, no close: a second store on the same file is what the app sees after kill -9.
        try (LocalStore after = LocalStore.open(db)) {
            ReviewSession reopened = open(after);
            ReviewState st = reopened.state();
            assertThat(st.open().item().id()).isEqualTo(item.id());
            assertThat(st.labels().screenScore()).isEqualTo(2);
            assertThat(st.labels().has(Flag.BAD_PROMPT)).isTrue();
            StepMark m = st.open().left().mark(1);
            assertThat(m.rating()).isEqualTo(Rating.INCORRECT);
            assertThat(m.categories()).containsExactly(st.labels().categories().get(1).id());
            assertThat(st.open().activeMs()).isEqualTo(9_000);
        }
    }

    @Test
    void storedPreferenceNamesTheRightResponseWhenSidesAreSwapped() throws Exception {
        Item swapped = ReviewFixture.demoItems().stream().filter(Item::isPair)
                .filter(i -> SideAssignment.bOnLeft(ADA, i)).findFirst().orElseThrow();
        Item straight = ReviewFixture.demoItems().stream().filter(Item::isPair)
                .filter(i -> !SideAssignment.bOnLeft(ADA, i)).findFirst().orElseThrow();
        ReviewSession s = open(store);
        s.jumpTo(swapped.id());
        ReviewState st = s.state();
        assertThat(st.open().left().response().id()).isEqualTo("b");
        press(s, "1", "Enter");
        Judgment j = latest(swapped.id());
        assertThat(j.preference()).isEqualTo(Preference.B_MUCH_BETTER);
        assertThat(j.shownLeft()).isEqualTo("b");

        s.jumpTo(straight.id());
        press(s, "1", "Enter");
        assertThat(latest(straight.id()).preference()).isEqualTo(Preference.A_MUCH_BETTER);
        assertThat(latest(straight.id()).shownLeft()).isEqualTo("a");

        // Deterministic per (annotator, item), and about half the pairs are swapped.
        long swappedCount = ReviewFixture.demoItems().stream().filter(Item::isPair).filter(i -> SideAssignment.bOnLeft(ADA, i)).count();
        assertThat(swappedCount).isBetween(4L, 14L);
        assertThat(SideAssignment.bOnLeft(ADA, swapped)).isTrue();
    }

    @Test
    void remappedKeysFromASettingsFileDriveTheSession() throws Exception {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, "{\"keys\": {\"RATE_CORRECT\": [\"y\"], \"SUBMIT\": [\"Ctrl+Enter\"]}}");
        ReviewSession s = ReviewSession.open(store, ADA, "demo", Keymap.fromText(Files.readString(keys), keys.toString()).keymap(), new ActiveClock(time));
        String id = s.state().open().item().id();
        ReviewState st = press(s, "c");
        assertThat(st.open().left().marks()).isEmpty();
        st = press(s, "y", "3", "Enter");
        assertThat(st.open().left().mark(0).rating()).isEqualTo(Rating.CORRECT);
        assertThat(st.open().item().id()).as("plain Enter is no longer submit").isEqualTo(id);
        st = press(s, "Ctrl+Enter");
        assertThat(st.open().item().id()).isNotEqualTo(id);
    }

    @Test
    void activeTimeExcludesIdleAndUnfocusedSpans() {
        ReviewSession s = open(store);
        Item item = s.state().open().item();
        time.advance(Duration.ofSeconds(30));
        press(s, "3");
        time.advance(Duration.ofMinutes(10)); // away from the keyboard: 60 s of it count
        press(s, "c");
        time.advance(Duration.ofSeconds(15));
        s.clock().windowFocused(false, time.instant());
        time.advance(Duration.ofMinutes(20)); // another window in front
        s.clock().windowFocused(true, time.instant());
        time.advance(Duration.ofSeconds(5));
        press(s, "Enter");
        assertThat(latest(item.id()).activeMs()).isEqualTo((30 + 60 + 15 + 5) * 1000L);
        assertThat(s.state().queue().averageActiveMs()).isEqualTo(110_000);
    }

    @Test
    void textModesTakeNoReviewKeysAndSkipNeedsAReason() {
        ReviewSession s = open(store);
        Item item = s.state().open().item();
        press(s, "m");
        ReviewState st = press(s, "1", "c", "Enter");
        assertThat(st.labels().preference()).isNull();
        assertThat(st.open().left().marks()).isEmpty();
        assertThat(st.status().mode()).isEqualTo(Mode.NOTE);
        st = press(s, "Escape");
        assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);

        st = press(s, "Ctrl+S");
        assertThat(st.status().mode()).isEqualTo(Mode.SKIP_REASON);
        st = s.commitSkip("  ");
        assertThat(st.status().message()).contains("reason");
        assertThat(st.open().item().id()).isEqualTo(item.id());
        st = s.commitSkip("cannot judge Go");
        assertThat(st.open().item().id()).isNotEqualTo(item.id());
        assertThat(store.skips().reason("demo", item.id(), ADA)).contains("cannot judge Go");
    }

    @Test
    void queueJumpsByIdAndFiltersFlaggedItems() {
        ReviewSession s = open(store);
        ReviewState st = s.jumpTo("no-such-item");
        assertThat(st.status().message()).contains("no-such-item");
        st = s.jumpTo("code-Python-20");
        assertThat(st.queue().position()).isEqualTo(8);
        press(s, "2", "Enter");
        press(s, "3", "u", "Enter");
        String flagged = store.judgments().current().stream().filter(j -> !j.flags().isEmpty()).findFirst().orElseThrow().itemId();
        st = s.setFilter(QueueFilter.FLAGGED);
        assertThat(st.open().item().id()).isEqualTo(flagged);
        assertThat(s.queue()).extracting(QueueEntry::itemId).containsExactly(flagged);
        s.setFilter(QueueFilter.UNJUDGED);
        assertThat(s.queue()).hasSize(18);
    }

    @Test
    void batchConfigFromTheStoreSetsRubricRequirementsAndTaxonomy() {
        store.batchConfigs().setConfig("demo", """
                {"rubric": [{"name": "correctness", "label": "Correctness", "min": 1, "max": 3}],
                 "required": ["rubric"],
                 "taxonomy": {"code": ["Crashes", {"id": "slow", "label": "Too slow"}]}}""");
        ReviewSession s = open(store);
        ReviewState st = press(s, "Enter");
        assertThat(st.status().message()).contains("score Correctness for the left response");
        st = press(s, "Shift+5");
        assertThat(st.status().message()).contains("1–3");
        st = press(s, "Shift+2", "Tab", "Shift+3", "e", "2", "Enter");
        assertThat(st.labels().categories()).extracting(BatchConfig.ErrorCategory::id).containsExactly("crashes", "slow");
        assertThat(st.open().right().mark(0).categories()).containsExactly("slow");
        String id = st.open().item().id();
        press(s, "Enter");
        Judgment j = latest(id);
        assertThat(j.preference()).as("preference not required by this batch").isNull();
        assertThat(j.rubric()).containsEntry(st.open().left().response().id(), Map.of("correctness", 2))
                .containsEntry(st.open().right().response().id(), Map.of("correctness", 3));
    }

    @Test
    void pickerKeysGoPastNineWithLettersAndMarkTheStepWrong() {
        ReviewSession s = open(store);
        s.jumpTo("proof-Pugh|exercise_2_41");
        ReviewState st = press(s, "j", "e");
        assertThat(st.labels().categories()).hasSize(10);
        assertThat(ReviewState.categoryKey(9)).isEqualTo("a");
        st = press(s, "a", "j", "1", "Escape");
        assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);
        assertThat(st.open().left().focusedStep()).as("j is a category key while the picker is open").isEqualTo(1);
        assertThat(st.open().left().mark(1).categories()).containsExactly("incomplete", "calculation");
        assertThat(st.open().left().mark(1).rating()).isEqualTo(Rating.INCORRECT);
        st = press(s, "e", "a", "Enter");
        assertThat(st.open().left().mark(1).categories()).containsExactly("calculation");
    }

    @Test
    void helpOverlayOpensOnQuestionMarkAndF1() {
        ReviewSession s = open(store);
        assertThat(press(s, "?").status().mode()).isEqualTo(Mode.HELP);
        assertThat(press(s, "1").labels().preference()).as("keys do nothing behind the help").isNull();
        assertThat(press(s, "Escape").status().mode()).isEqualTo(Mode.NORMAL);
        assertThat(press(s, "F1").status().mode()).isEqualTo(Mode.HELP);
        assertThat(press(s, "F1").status().mode()).isEqualTo(Mode.NORMAL);
    }
}

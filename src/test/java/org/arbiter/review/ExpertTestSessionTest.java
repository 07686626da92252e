package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.ShownEvidenceOf;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.evidence.code.CodeLanguage;
import org.arbiter.evidence.code.ToolchainVersions;
import org.arbiter.evidence.code.Toolchains;
import org.arbiter.evidence.code.VerifyCorpus;
import org.arbiter.model.ExpertTest;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expert's own test without a window: run for real (python3 in the bubblewrap sandbox) against both responses
 * of a HumanEvalPack item whose response a drops duplicates' removal, handed to the session as the window would,
 * and read back with the judgment from the SQLite file. The draft keeps the text across a restart.
 */
class ExpertTestSessionTest {
    static final String ITEM = "hv-Python/34";
    static final String TEST = "assert candidate([1, 1]) == [1]\nassert unique([]) == []\n";

    @TempDir
    Path dir;

    private static LocalStore storeWith(Path file, Item item) {
        LocalStore store = LocalStore.open(file);
        store.inTransaction(c -> {
            store.items().insertIfAbsent(c, item);
            return null;
        });
        return store;
    }

    private static ReviewSession open(LocalStore store) {
        return ReviewSession.open(store, "ada", "own", Keymap.defaults(),
                new ActiveClock(new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"))));
    }

    @Test
    void theExpertsTestRunsAgainstBothResponsesAndIsKeptWithTheJudgment() throws Exception {
        Item item = VerifyCorpus.item(ITEM, "own");
        Path db = dir.resolve("arbiter.db");
        CodeCheck check = VerifyCorpus.check();
        String python = new ToolchainVersions(new Toolchains(VerifyCorpus.debianPath())).of(CodeLanguage.PYTHON);
        try (LocalStore store = storeWith(db, item)) {
            ReviewSession s = open(store);
            ReviewState st = press(s, "T");
            assertThat(st.status().mode()).isEqualTo(Mode.EXPERT_TEST);
            // While the editor is open its keys judge nothing.
            st = press(s, "4", "Enter");
            assertThat(st.labels().preference()).isNull();
            assertThat(st.queue().itemsLeft()).isEqualTo(1);

            st = s.expertTestStarted(TEST);
            for (Response r : item.responses()) {
                CheckResult result = check.runExpertTest(item, r, TEST);
                st = s.expertTestOutcome(ITEM, TEST, ShownEvidenceOf.results(List.of(result), python).get(0));
            }
            ShownEvidence a = st.open().expertTest().outcomeFor("a");
            ShownEvidence b = st.open().expertTest().outcomeFor("b");
            // a returns sorted(l): [1, 1] is not [1]; b returns the sorted set.
            assertThat(a.verdict()).isEqualTo("failed");
            assertThat(b.verdict()).isEqualTo("passed");
            assertThat(b.testsPassed()).isEqualTo(2);
            assertThat(b.testsTotal()).isEqualTo(2);

            st = s.closeExpertTest(TEST);
            assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);
            press(s, "3", "Enter");
        }
        try (LocalStore store = LocalStore.open(db)) {
            Judgment j = store.judgments().latest("own", ITEM, "ada").orElseThrow();
            ExpertTest t = j.expertTest();
            assertThat(t).isNotNull();
            assertThat(t.language()).isEqualTo("python");
            assertThat(t.source()).isEqualTo(TEST);
            assertThat(t.outcomes()).extracting(ShownEvidence::responseId, ShownEvidence::verdict, ShownEvidence::testsPassed,
                            ShownEvidence::testsTotal)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", "failed", 0, 2),
                            org.assertj.core.groups.Tuple.tuple("b", "passed", 2, 2));
            assertThat(t.outcomes()).allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(ShownEvidence.CODE);
                assertThat(e.runner()).startsWith(ShownEvidenceOf.RUNNER).contains("python3 3.");
            });
        }
    }

    @Test
    void theTextAndTheLastRunSurviveARestartInTheDraft() throws Exception {
        Item item = VerifyCorpus.item(ITEM, "own");
        Path db = dir.resolve("arbiter.db");
        ShownEvidence passed = new ShownEvidence("b", ShownEvidence.CODE, "passed", 1, 1, null, null, null, "arbiter-evidence 1", false, "");
        try (LocalStore store = storeWith(db, item)) {
            ReviewSession s = open(store);
            press(s, "T");
            s.expertTestStarted("assert candidate([1, 1]) == [1]");
            s.expertTestOutcome(ITEM, "assert candidate([1, 1]) == [1]", passed);
            // An outcome of an earlier run (another source) is not this run's.
            s.expertTestOutcome(ITEM, "assert candidate([]) == []", passed.confirmedAgainst(""));
            s.closeExpertTest("assert candidate([1, 1]) == [1]\nassert candidate([2]) == ");
        }
        try (LocalStore store = LocalStore.open(db)) {
            ReviewSession s = open(store);
            ExpertScratch x = s.state().open().expertTest();
            assertThat(x.text()).isEqualTo("assert candidate([1, 1]) == [1]\nassert candidate([2]) == ");
            assertThat(x.ranSource()).isEqualTo("assert candidate([1, 1]) == [1]");
            assertThat(x.outcomes()).containsExactly(passed);
            // Submitting keeps the test that ran, not the half-written text after it.
            press(s, "3", "Enter");
            assertThat(store.judgments().latest("own", ITEM, "ada").orElseThrow().expertTest().source())
                    .isEqualTo("assert candidate([1, 1]) == [1]");
        }
    }

    @Test
    void anItemWithoutTestsHasNoEditor() throws Exception {
        try (LocalStore store = ReviewFixture.storeWithDemo(dir.resolve("arbiter.db"))) {
            ReviewSession s = ReviewSession.open(store, "ada", "demo", Keymap.defaults(),
                    new ActiveClock(new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"))));
            ReviewState st = s.jumpTo("proof-Pugh|exercise_2_41");
            st = press(s, "T");
            assertThat(st.status().mode()).isEqualTo(Mode.NORMAL);
            assertThat(st.status().message()).contains("code items that carry tests");
        }
    }
}

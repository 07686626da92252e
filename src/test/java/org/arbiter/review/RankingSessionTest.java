package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.StepLabel;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranking items (four responses) judged by key strokes alone, on a real SQLite file. */
class RankingSessionTest {
    private static final String ADA = "ada";

    @TempDir
    Path dir;
    LocalStore store;
    ReviewFixture.ManualClock time;

    @BeforeEach
    void setUp() {
        store = LocalStore.open(dir.resolve("arbiter.db"));
        List<Item> items = List.of(RankingItems.fourAnswers("sum-1"), RankingItems.fourAnswers("sum-2"));
        store.inTransaction(c -> {
            for (Item i : items) store.items().insertIfAbsent(c, i);
            return null;
        });
        time = new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReviewSession open(String annotator) {
        return ReviewSession.open(store, annotator, RankingItems.BATCH, Keymap.defaults(), new ActiveClock(time));
    }

    /** The id of the response at 1-based shown position {@code n}, as the strip numbers them. */
    private static String shown(ReviewState s, int n) {
        return s.open().rankStrip().entries().get(n - 1).responseId();
    }

    @Test
    void ranksFourResponsesWithATieByKeysAndStoresTiersAndShownOrder() {
        ReviewSession s = open(ADA);
        ReviewState st = s.state();
        assertThat(st.open().isRanking()).isTrue();
        assertThat(st.open().rankStrip().entries()).hasSize(4);
        // The panes start on responses 1 and 2; Ctrl+3 brings response 3 into the focused (left) pane.
        assertThat(st.open().left().response().id()).isEqualTo(shown(st, 1));
        assertThat(st.open().right().response().id()).isEqualTo(shown(st, 2));
        st = press(s, "Ctrl+3");
        assertThat(st.open().left().response().id()).isEqualTo(shown(st, 3));

        // Order wanted: 3 > 1 = 4 > 2. Place 3 (K), rate its first step wrong with a category and a note.
        press(s, "K", "x", "e", "1", "Enter");
        s.beginNote();
        s.commitNote("sign slip");
        // Response 1 placed below 3, then 4 tied with 1, then 2 last.
        press(s, "Ctrl+1", "K", "Ctrl+4", "K", "=", "Tab", "K", "c");
        st = s.state();
        assertThat(st.open().rankStrip().orderText()).isEqualTo("3 > 1 = 4 > 2");
        assertThat(st.open().right().response().id()).isEqualTo(shown(st, 2));
        String id3 = shown(st, 3);
        String id2 = shown(st, 2);
        List<String> shownOrder = st.open().rankStrip().entries().stream().map(RankStrip.Entry::responseId).toList();
        Item item = st.open().item();

        st = press(s, "Enter");
        assertThat(st.status().message()).isNull();
        Judgment j = store.judgments().latest(RankingItems.BATCH, item.id(), ADA).orElseThrow();
        assertThat(j.ranking()).isEqualTo(new Ranking(List.of(List.of(id3), List.of(shownOrder.get(0), shownOrder.get(3)), List.of(id2)),
                shownOrder));
        assertThat(j.preference()).isNull();
        assertThat(j.stepLabels()).extracting(StepLabel::responseId, StepLabel::stepIndex, StepLabel::rating, StepLabel::note)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(id3, 0, -1, "sign slip"),
                        org.assertj.core.groups.Tuple.tuple(id2, 0, 1, null));
        assertThat(j.stepLabels().stream().filter(l -> l.responseId().equals(id3)).findFirst().orElseThrow().categories()).hasSize(1);
        assertThat(st.queue().position()).isEqualTo(2);

        // The export everything else reads (full) carries the order and the shown order as stored.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "export", "--format", "full",
                "--db", dir.resolve("arbiter.db").toString());
        assertThat(code).as(err.toString()).isZero();
        tools.jackson.databind.JsonNode row = Json.parse(out.toString().strip());
        assertThat(row.get("ranking").get("order").get(0).get(0).asString()).isEqualTo(id3);
        assertThat(row.get("ranking").get("order").get(1)).hasSize(2);
        assertThat(row.get("ranking").get("shown_order")).extracting(tools.jackson.databind.JsonNode::asString).containsExactlyElementsOf(shownOrder);
    }

    @Test
    void undoTakesBackTheLastMoveAndRedoRestoresIt() {
        ReviewSession s = open(ADA);
        press(s, "K", "Tab", "K", "K");
        assertThat(s.state().open().rankStrip().orderText()).isEqualTo("2 > 1 · unplaced 3, 4");
        press(s, "Ctrl+Z");
        assertThat(s.state().open().rankStrip().orderText()).isEqualTo("1 > 2 · unplaced 3, 4");
        press(s, "Ctrl+Z", "Ctrl+Z");
        assertThat(s.state().open().rankStrip().orderText()).isEqualTo("nothing placed yet · unplaced 1, 2, 3, 4");
        press(s, "Ctrl+Shift+Z");
        assertThat(s.state().open().rankStrip().orderText()).isEqualTo("1 · unplaced 2, 3, 4");
    }

    @Test
    void aDraftRankingSurvivesReopeningTheStore() {
        ReviewSession s = open(ADA);
        press(s, "K", "Ctrl+4", "K", "=");
        String before = s.state().open().rankStrip().orderText();
        assertThat(before).isEqualTo("1 = 4 · unplaced 2, 3");
        // No quit, no close: as after kill -9, only what was written before each key returned is there.
        store.close();
        store = LocalStore.open(dir.resolve("arbiter.db"));
        ReviewSession again = open(ADA);
        assertThat(again.state().open().rankStrip().orderText()).isEqualTo(before);
        assertThat(again.state().open().rankStrip().entries()).extracting(RankStrip.Entry::place).containsExactly(1, 0, 0, 1);
    }

    @Test
    void enterIsRefusedWithAMessageWhileAResponseIsUnplaced() {
        ReviewSession s = open(ADA);
        Item item = s.state().open().item();
        ReviewState st = press(s, "K", "Tab", "K", "Ctrl+3", "K", "Enter");
        assertThat(st.status().message()).contains("response 4 is not placed yet");
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(store.judgments().latest(RankingItems.BATCH, item.id(), ADA)).isEmpty();
        // A preference key says what a ranking item takes instead.
        assertThat(press(s, "2").status().message()).contains("K/J move the focused response");
        st = press(s, "Ctrl+4", "J", "K", "Enter");
        assertThat(st.status().message()).isNull();
        assertThat(store.judgments().latest(RankingItems.BATCH, item.id(), ADA).orElseThrow().ranking().tiers()).hasSize(4);
    }

    @Test
    void shownOrderDiffersBetweenAnnotatorsAndIsStableForOne() {
        Item item = store.items().batch(RankingItems.BATCH).get(0);
        List<String> ada = ids(SideAssignment.shownOrder(ADA, item));
        assertThat(ids(open(ADA).state().open().rankStrip())).isEqualTo(ada);
        assertThat(ids(open(ADA).state().open().rankStrip())).isEqualTo(ada);
        assertThat(ada).containsExactlyInAnyOrderElementsOf(ids(item.responses()));
        // Over a handful of annotators the order is not always the same: it is drawn per annotator.
        List<List<String>> others = new ArrayList<>();
        for (String who : List.of("bo", "cy", "di", "ed", "fay")) others.add(ids(open(who).state().open().rankStrip()));
        assertThat(others).anySatisfy(o -> assertThat(o).isNotEqualTo(ada));
    }

    @Test
    void evidenceOfAnyResponseIsKeptAndFollowsItIntoAPane() {
        ReviewSession s = open(ADA);
        ReviewState st = s.state();
        String third = shown(st, 3);
        s.evidenceShown(st.open().item().id(), new ShownEvidence(third, ShownEvidence.MATH, "mismatch", null, null, "56", "55",
                null, null, false, null));
        st = press(s, "Tab", "Ctrl+3");
        assertThat(st.open().right().response().id()).isEqualTo(third);
        assertThat(st.open().evidenceFor(st.open().right().response().id())).extracting(ShownEvidence::answer).containsExactly("56");
        // The step reading resumes where it was when a response comes back into a pane.
        press(s, "j");
        assertThat(s.state().open().right().focusedStep()).isEqualTo(1);
        st = press(s, "Ctrl+2", "Ctrl+3");
        assertThat(st.open().right().focusedStep()).isEqualTo(1);
    }

    @Test
    void aRankingAgainstDecisiveEvidenceAsksOnceThenSubmitsWithItConfirmed() {
        ReviewSession s = open(ADA);
        ReviewState st = s.state();
        String itemId = st.open().item().id();
        s.evidenceShown(itemId, new ShownEvidence(shown(st, 1), ShownEvidence.MATH, "match", null, null, "55", "55", null, null, false, null));
        s.evidenceShown(itemId, new ShownEvidence(shown(st, 3), ShownEvidence.MATH, "mismatch", null, null, "56", "55", null, null, false, null));
        // 3 > 1 = 2 > 4: the wrong answer is placed above the right one.
        st = press(s, "Ctrl+3", "K", "Ctrl+1", "K", "Tab", "K", "=", "Ctrl+4", "K", "Enter");
        assertThat(st.status().message()).isEqualTo("response 3 is placed above response 1, but response 3 answer 56 differs from the "
                + "reference 55; response 1 answer 55 matches the reference — Enter again to submit anyway");
        assertThat(st.status().mode()).isEqualTo(Mode.CONFIRM_AGAINST);
        s.confirmAgainst("the reference is wrong");
        Judgment j = store.judgments().latest(RankingItems.BATCH, itemId, ADA).orElseThrow();
        assertThat(j.evidence()).filteredOn(ShownEvidence::confirmedAgainst).extracting(ShownEvidence::answer).containsExactly("56");
        assertThat(j.ranking().tiers()).hasSize(3);
    }

    @Test
    void backspaceRevisesASubmittedRankingAsANewVersion() {
        ReviewSession s = open(ADA);
        String itemId = s.state().open().item().id();
        press(s, "K", "Tab", "K", "Ctrl+3", "K", "Ctrl+4", "K", "Enter");
        ReviewState st = press(s, "Backspace");
        assertThat(st.open().item().id()).isEqualTo(itemId);
        assertThat(st.open().rankStrip().orderText()).isEqualTo("1 > 2 > 3 > 4");
        st = press(s, "Ctrl+4", "=", "Enter");
        Judgment j = store.judgments().latest(RankingItems.BATCH, itemId, ADA).orElseThrow();
        assertThat(j.version()).isEqualTo(2);
        assertThat(j.ranking().tiers()).hasSize(3);
        assertThat(j.ranking().tiers().get(2)).hasSize(2);
    }

    private static List<String> ids(List<Response> rs) {
        return rs.stream().map(Response::id).toList();
    }

    private static List<String> ids(RankStrip strip) {
        return strip.entries().stream().map(RankStrip.Entry::responseId).toList();
    }

    /** Items of four math answers, each in several steps. */
    static final class RankingItems {
        static final String BATCH = "rank";

        private RankingItems() {
        }

        static Item fourAnswers(String id) {
            String json = """
                    {"id": "%s", "batch": "rank", "domain": "math", "prompt": "Compute $1 + 2 + \\\\dots + 10$.",
                     "responses": [
                      {"id": "w", "content": "Pair the terms: $1+10 = 11$.\\n\\nThere are 5 pairs.\\n\\nSo the sum is $55$."},
                      {"id": "x", "content": "Use $n(n+1)/2$ with $n = 10$.\\n\\nThat is $10 \\\\cdot 11 / 2 = 55$."},
                      {"id": "y", "content": "Add them one by one.\\n\\nThe total is $56$."},
                      {"id": "z", "content": "The mean term is $5.5$.\\n\\nTimes ten terms gives $55$."}]}
                    """.formatted(id);
            return ItemJson.read(Json.parse(json), BATCH, null);
        }
    }
}

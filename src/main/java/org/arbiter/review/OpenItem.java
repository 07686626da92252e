package org.arbiter.review;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.StepLabel;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.store.LocalStore;

/**
 * The item on screen with what the expert has entered on it: the labels, their undo and redo, and the
 * draft that keeps them across a crash. Every change of the labels is written to the draft at once. A new
 * one is opened each time the session moves to an item.
 */
final class OpenItem {
    private final LocalStore store;
    private final StoreWrites writes;
    private final String batch;
    private final String annotator;
    private final ActiveClock clock;
    private final int index;
    private final Item item;
    private final boolean bOnLeft;
    /** The responses in the panes; a ranking item's change as the expert brings others in. */
    private final RankPanes panes;
    /** Each response's steps, by response id. */
    private final Map<String, List<Step>> steps = new HashMap<>();
    /** The latest submitted judgment of this item, the one a submit revises. */
    private final Optional<Judgment> base;
    private final Instant startedAt;
    /** A draft was found that could not be read; it stays in the store until the item is labeled. */
    private final boolean draftUnreadable;
    private final Deque<Labels> undo = new ArrayDeque<>();
    private final Deque<Labels> redo = new ArrayDeque<>();
    private Labels labels;
    /** The expert's own test; not a label (no undo), but kept in the draft and with the judgment like one. */
    private ExpertScratch scratch;
    private boolean hasDraft;
    /** The labels in memory differ from what the store holds for this item (the last write failed). */
    private boolean unsaved;

    /** Opens item {@code index}: its draft if one is kept, else its latest judgment, else nothing entered. */
    OpenItem(LocalStore store, StoreWrites writes, String batch, String annotator, ActiveClock clock, int index, Item item) {
        this.store = store;
        this.writes = writes;
        this.batch = batch;
        this.annotator = annotator;
        this.clock = clock;
        this.index = index;
        this.item = item;
        this.bOnLeft = SideAssignment.bOnLeft(annotator, item);
        this.panes = new RankPanes(SideAssignment.shownOrder(annotator, item));
        for (Response r : item.responses()) steps.put(r.id(), StepSegmenter.segment(r, item.domain()));
        this.base = store.judgments().latest(batch, item.id(), annotator);
        Optional<String> draftBody = store.drafts().load(batch, item.id(), annotator);
        DraftJson.Draft draft = draftBody.map(DraftJson::read).orElse(null);
        long priorMs;
        if (draft != null) {
            labels = draft.labels();
            scratch = draft.expertTest();
            startedAt = draft.startedAt() != null ? draft.startedAt() : base.map(Judgment::startedAt).orElse(clock.now());
            priorMs = draft.activeMs();
            hasDraft = true;
        } else if (base.isPresent()) {
            labels = fromJudgment(base.get());
            if (base.get().expertTest() != null) scratch = ExpertScratch.of(base.get().expertTest());
            startedAt = base.get().startedAt() != null ? base.get().startedAt() : clock.now();
            priorMs = base.get().activeMs();
        } else {
            labels = Labels.EMPTY;
            startedAt = clock.now();
            priorMs = 0;
        }
        if (scratch == null) scratch = ExpertScratch.empty(item.reference() == null ? "" : item.reference().language());
        this.draftUnreadable = draftBody.isPresent() && draft == null;
        clock.restart(priorMs);
    }

    int index() {
        return index;
    }

    Item item() {
        return item;
    }

    boolean bOnLeft() {
        return bOnLeft;
    }

    Labels labels() {
        return labels;
    }

    Optional<Judgment> base() {
        return base;
    }

    boolean draftUnreadable() {
        return draftUnreadable;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    // ---------------------------------------------------------------- labeling

    /** Every labeling change goes through here: it is undoable and saved at once. */
    void label(Labels next) {
        if (next.equals(labels)) return;
        undo.push(labels);
        redo.clear();
        labels = next;
        unsaved = true;
        saveDraft();
    }

    /** @param screenScore −2 left much better … +2 right much better */
    void prefer(int screenScore) {
        label(labels.withPreference(SideAssignment.toAB(screenScore, bOnLeft)));
    }

    void toggle(Flag f) {
        label(labels.toggle(f));
    }

    /** Rates a step; the same rating again clears it. */
    void rate(String responseId, int step, Rating r) {
        StepMark m = labels.mark(responseId, step);
        label(labels.withMark(responseId, step, m.withRating(m.rating() == r ? null : r)));
    }

    /** PRM800K phase 2: the first wrong step is −1, and everything before it that was left unrated is +1. */
    void firstError(String responseId, int step) {
        Labels next = labels.withMark(responseId, step, labels.mark(responseId, step).withRating(Rating.INCORRECT));
        for (int i = 0; i < step; i++) {
            StepMark m = next.mark(responseId, i);
            if (m.rating() == null) next = next.withMark(responseId, i, m.withRating(Rating.CORRECT));
        }
        label(next);
    }

    /** @param value null clears */
    void score(String responseId, String dimension, Integer value) {
        label(labels.withScore(responseId, dimension, value));
    }

    void toggleCategory(String responseId, int step, String category) {
        StepMark m = labels.mark(responseId, step);
        List<String> next = new ArrayList<>(m.categories());
        if (!next.remove(category)) next.add(category);
        // An error category says the step is wrong; an unrated step becomes −1 so the two cannot disagree.
        Rating r = m.rating() == null && !next.isEmpty() ? Rating.INCORRECT : m.rating();
        label(labels.withMark(responseId, step, new StepMark(r, next, m.note())));
    }

    /** The written justification of the whole judgment; blank clears it. */
    void rationale(String text) {
        label(labels.withRationale(text));
    }

    void note(String responseId, int step, String text) {
        label(labels.withMark(responseId, step, labels.mark(responseId, step).withNote(text)));
    }

    /** Moves a response of a ranking item in the order; false when the move changes nothing. */
    boolean rank(java.util.function.UnaryOperator<RankOrder> move) {
        Labels next = labels.withOrder(move.apply(labels.order()));
        if (next.equals(labels)) return false;
        label(next);
        return true;
    }

    /** False when there is nothing to undo. */
    boolean undo() {
        if (undo.isEmpty()) return false;
        redo.push(labels);
        labels = undo.pop();
        unsaved = true;
        saveDraft();
        return true;
    }

    /** False when there is nothing to redo. */
    boolean redo() {
        if (redo.isEmpty()) return false;
        undo.push(labels);
        labels = redo.pop();
        unsaved = true;
        saveDraft();
        return true;
    }

    // ---------------------------------------------------------------- the expert's own test

    ExpertScratch scratch() {
        return scratch;
    }

    /** The editor's text, kept in the draft so a restart finds it. */
    void expertText(String text) {
        changeScratch(scratch.edited(text));
    }

    void expertRunStarted(String source) {
        changeScratch(scratch.started(source));
    }

    /** False when the outcome is of a run that is not the latest. */
    boolean expertOutcome(String source, ShownEvidence outcome) {
        ExpertScratch next = scratch.withOutcome(source, outcome);
        if (next == null) return false;
        changeScratch(next);
        return true;
    }

    private void changeScratch(ExpertScratch next) {
        if (next.equals(scratch)) return;
        scratch = next;
        unsaved = true;
        saveDraft();
    }

    // ---------------------------------------------------------------- draft and judgment

    /**
     * Before the item changes: the draft gets the time spent so far (only if there is a draft to keep).
     * False when the labels of this item could not be written: the caller stays.
     */
    boolean leave() {
        if (hasDraft || unsaved) saveDraft();
        return !unsaved;
    }

    private void saveDraft() {
        Instant now = clock.now();
        String body = DraftJson.write(new DraftJson.Draft(labels, startedAt, clock.activeMs(now),
                scratch.text().isEmpty() && scratch.ranSource() == null ? null : scratch));
        if (writes.write("the labels of this item", () -> store.drafts().save(batch, item.id(), annotator, body))) {
            hasDraft = true;
            unsaved = false;
            writes.saved(now);
        }
    }

    /** The labels are what the latest judgment already says: a submit would make no new version. */
    boolean unchanged() {
        return base.isPresent() && labels.equals(fromJudgment(base.get()))
                && java.util.Objects.equals(scratch.recorded(), base.get().expertTest());
    }

    /**
     * Writes the labels, with the evidence shown, as the next judgment version; empty when the write failed.
     *
     * @param rationale what the judgment's rationale says: the written one, or the reason given for confirming
     *                  against the evidence when none was written
     */
    Optional<Judgment> commit(List<ShownEvidence> shown, String rationale) {
        Instant now = clock.now();
        Judgment j = new Judgment(base.map(Judgment::judgmentId).orElseGet(UUID::randomUUID), item.id(), batch, annotator,
                base.map(b -> b.version() + 1).orElse(1), labels.preference(), labels.flags(), rubricOfResponses(), rationale,
                stepLabels(), item.isPair() && !item.isRanking() ? leftResponse().id() : null, startedAt, now, clock.activeMs(now))
                .withEvidence(shown).withRanking(ranking()).withExpertTest(scratch.recorded());
        if (!writes.write("the judgment of this item", () -> store.judgments().save(j))) return Optional.empty();
        unsaved = false;
        hasDraft = false;
        writes.saved(now);
        return Optional.of(j);
    }

    /**
     * The order as stored: every response placed, with the shown order; null for pairs, and for a ranking item
     * submitted unranked (a bad prompt).
     */
    private org.arbiter.model.Ranking ranking() {
        if (!item.isRanking() || !labels.order().covers(responseIds())) return null;
        return new org.arbiter.model.Ranking(labels.order().tiers(), panes.shown().stream().map(Response::id).toList());
    }

    /** Drops the draft of an unchanged item; false when the store could not be written. */
    boolean discardDraft() {
        if (!hasDraft) return true;
        if (!writes.write("the judgment of this item", () -> store.drafts().delete(batch, item.id(), annotator))) return false;
        hasDraft = false;
        return true;
    }

    /** A submitted judgment as editable labels: step labels are matched by step key first, then by index. */
    private Labels fromJudgment(Judgment j) {
        Labels l = new Labels(j.preference(), j.flags(), j.rubric(), Map.of(),
                j.ranking() == null ? RankOrder.EMPTY : new RankOrder(j.ranking().tiers()), j.rationale());
        for (StepLabel s : j.stepLabels()) {
            List<Step> steps = this.steps.get(s.responseId());
            if (steps == null) continue;
            int idx = s.stepIndex();
            if (s.stepKey() != null) {
                for (Step st : steps) {
                    if (st.key().equals(s.stepKey())) {
                        idx = st.index();
                        break;
                    }
                }
            }
            l = l.withMark(s.responseId(), idx, new StepMark(Rating.of(s.rating()), s.categories(), s.note()));
        }
        return l;
    }

    private List<StepLabel> stepLabels() {
        List<StepLabel> out = new ArrayList<>();
        for (String id : responseIds()) {
            List<Step> steps = this.steps.get(id);
            labels.marks(id).forEach((i, m) -> out.add(new StepLabel(id, i, i < steps.size() ? steps.get(i).key() : null,
                    m.rating().value(), m.categories(), m.note().isEmpty() ? null : m.note())));
        }
        return out;
    }

    private Map<String, Map<String, Integer>> rubricOfResponses() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String id : responseIds()) {
            Map<String, Integer> dims = labels.rubric().get(id);
            if (dims != null && !dims.isEmpty()) out.put(id, dims);
        }
        return out;
    }

    // ---------------------------------------------------------------- sides

    Response leftResponse() {
        return panes.response(Side.LEFT);
    }

    Response rightResponse() {
        return panes.response(Side.RIGHT);
    }

    /** The response shown on this side (the single response is on the left). */
    Response response(Side side) {
        return side == Side.LEFT || !item.isPair() ? leftResponse() : rightResponse();
    }

    List<Step> steps(Side side) {
        return side == Side.RIGHT && !item.isPair() ? List.of() : steps.get(response(side).id());
    }

    /** Which responses the panes show; a ranking item's change with the expert's keys. */
    RankPanes panes() {
        return panes;
    }

    /** Every response id in the order of the shown positions (left then right for a pair). */
    List<String> responseIds() {
        return panes.shown().stream().map(Response::id).toList();
    }

    /** The pane of one side as the view shows it. */
    PaneState pane(Side side, int focusedStep) {
        Response r = response(side);
        return new PaneState(side, r, steps(side), focusedStep, labels.marks(r.id()), labels.rubric().getOrDefault(r.id(), Map.of()));
    }

    /** The preference on screen: −2 left much better … +2 right much better; null while unset. */
    Integer screenScore() {
        return labels.preference() == null || !item.isPair() ? null : SideAssignment.toScreen(labels.preference(), bOnLeft);
    }
}

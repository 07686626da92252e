package org.arbiter.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.store.LocalStore;

/**
 * One annotator working through one batch, driven by key strokes and free of any UI toolkit: the window
 * only forwards keys, shows {@link ReviewState} and hosts the text fields of the note and skip modes.
 * The session dispatches; the batch order is the {@link ReviewQueue}, the labels of the item on screen
 * are the {@link OpenItem}, and what Enter refuses is {@link SubmitRules}.
 *
 * <p>Every labeling action is written to the item's draft before {@link #handle} returns; Enter commits
 * the judgment (durable, fsynced) before the next item is shown, and tells the {@link Submitted}
 * listeners. The current position is kept in the store's settings, so a new session on the same file
 * (after a crash, kill -9 or a normal quit) reopens the same item with its draft.
 *
 * <p>A write that fails (full disk, read-only or locked file) is never an exception to the caller: the
 * labels stay in memory, the state carries the {@link SaveFailure} until a later write succeeds, and the
 * session does not leave an item whose labels or judgment it could not write.
 */
public final class ReviewSession {
    private final LocalStore store;
    private final String annotator;
    private final String batch;
    private final BatchConfig config;
    /** Why the batch's own config was not used, shown once at start. */
    private final String configProblem;
    private final ActiveClock clock;
    private final ReviewQueue queue;
    private final StoreWrites writes;
    private final List<Consumer<ReviewState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Submitted>> submitListeners = new CopyOnWriteArrayList<>();
    private Keymap keymap;

    private OpenItem open;
    private ItemEvidence evidence;
    /** The labels the last evidence notice was given for: Enter again on the same labels submits anyway. */
    private Labels warnedFor;
    private StepFocus focus;
    private Mode mode = Mode.NORMAL;
    private int selectedDimension;
    private boolean raw;
    private boolean diff;
    private boolean syncScroll;
    private String message;
    private boolean quitRequested;
    /** Ctrl+Q was pressed once while the labels were not saved: the next Ctrl+Q quits without them. */
    private boolean quitWarned;

    private ReviewSession(LocalStore store, String annotator, String batch, Keymap keymap, ActiveClock clock) {
        this.store = store;
        this.annotator = annotator;
        this.batch = batch;
        this.keymap = keymap;
        this.clock = clock;
        this.queue = new ReviewQueue(store, batch, annotator);
        this.writes = new StoreWrites(store.file());
        BatchConfig.Chosen chosen = BatchConfig.forBatch(store, batch);
        this.config = chosen.config();
        this.configProblem = chosen.problem();
    }

    /**
     * Opens a review. With {@code batch} null the annotator's last batch is resumed (else the first batch);
     * the item is the remembered one when it belongs to that batch, else the first the annotator has not
     * judged.
     */
    public static ReviewSession open(LocalStore store, String annotator, String batch, Keymap keymap, ActiveClock clock) {
        Objects.requireNonNull(annotator, "annotator");
        if (annotator.isBlank()) throw new IllegalArgumentException("the annotator name is empty");
        Optional<RememberedPosition> remembered = RememberedPosition.of(store, annotator);
        String b = batch;
        if (b == null) b = remembered.map(RememberedPosition::batch).filter(x -> store.items().batches().contains(x)).orElse(null);
        if (b == null) {
            List<String> all = store.items().batches();
            if (all.isEmpty()) throw new IllegalArgumentException("the store " + store.file() + " holds no items; import some first");
            b = all.get(0);
        }
        ReviewSession s = new ReviewSession(store, annotator, b, keymap, clock);
        final String chosen = b;
        int start = remembered.filter(p -> p.batch().equals(chosen)).flatMap(p -> s.queue.indexOf(p.itemId()))
                .or(s.queue::firstNeedingWork).orElse(0);
        s.load(start);
        if (s.configProblem != null) s.message = s.configProblem;
        return s;
    }

    public void addListener(Consumer<ReviewState> listener) {
        listeners.add(listener);
    }

    /** Told each time a judgment version is committed, before the next item's state is published. */
    public void addSubmitListener(Consumer<Submitted> listener) {
        submitListeners.add(listener);
    }

    public Keymap keymap() {
        return keymap;
    }

    public void setKeymap(Keymap keymap) {
        this.keymap = keymap;
        publish();
    }

    public BatchConfig config() {
        return config;
    }

    public ActiveClock clock() {
        return clock;
    }

    /** Reads judgments and skips again, e.g. after a sync or an import wrote to the same store. */
    public ReviewState refresh() {
        queue.refresh();
        return publish();
    }

    /** Synchronized scrolling as the user last left it (a display setting kept outside the store). */
    public ReviewState setSyncScroll(boolean on) {
        syncScroll = on;
        return publish();
    }

    /** A notice for the status line from outside (e.g. the keymap file was unusable). */
    public void notice(String text) {
        message = text;
        publish();
    }

    /**
     * One check's result for a response of an item, handed in on the session's own thread once a background
     * check ends. A result for an item no longer on screen is dropped.
     */
    public ReviewState evidenceShown(String itemId, ShownEvidence e) {
        if (evidence.add(itemId, e, open.item())) return publish();
        return state();
    }

    // ---------------------------------------------------------------- keys

    /** Applies one key stroke in the current mode and returns the state the view should show. */
    public ReviewState handle(KeyStroke key) {
        clock.userActivity(clock.now());
        switch (mode) {
            case HELP -> {
                if (key.key().equals("ESCAPE") || keymap.actionFor(key).filter(a -> a == Action.HELP).isPresent()) mode = Mode.NORMAL;
            }
            case PICK_CATEGORY -> pickerKey(key);
            case NOTE, SKIP_REASON, EXPERT_TEST, RATIONALE -> {
                // The text field owns the keys; Escape is the only one the session hears.
                if (key.key().equals("ESCAPE")) mode = Mode.NORMAL;
            }
            case CONFIRM_AGAINST -> {
                // Without a window (or its reason line) Enter submits anyway with no reason, Escape goes back.
                if (key.key().equals("ESCAPE")) cancel();
                else if (key.key().equals("ENTER")) confirmAgainst("");
            }
            case NORMAL -> {
                Optional<Action> a = keymap.actionFor(key);
                if (a.isPresent()) {
                    message = null;
                    if (a.get() != Action.QUIT) quitWarned = false;
                    apply(a.get());
                }
            }
        }
        return publish();
    }

    private void apply(Action a) {
        if (RankKeys.isRankKey(a)) {
            message = RankKeys.apply(a, open, focus);
            return;
        }
        switch (a) {
            case PREFER_LEFT_MUCH -> prefer(-2);
            case PREFER_LEFT -> prefer(-1);
            case PREFER_EQUAL -> prefer(0);
            case PREFER_RIGHT -> prefer(1);
            case PREFER_RIGHT_MUCH -> prefer(2);
            case TOGGLE_BOTH_BAD -> open.toggle(Flag.BOTH_BAD);
            case TOGGLE_UNSURE -> open.toggle(Flag.UNSURE);
            case TOGGLE_BAD_PROMPT -> open.toggle(Flag.BAD_PROMPT);
            case SWITCH_SIDE -> focus.switchSide();
            case NEXT_STEP -> focus.moveTo(focus.step() + 1);
            case PREV_STEP -> focus.moveTo(focus.step() - 1);
            case FIRST_STEP -> focus.moveTo(0);
            case LAST_STEP -> focus.moveTo(focus.stepCount() - 1);
            case RATE_CORRECT -> rate(Rating.CORRECT);
            case RATE_NEUTRAL -> rate(Rating.NEUTRAL);
            case RATE_INCORRECT -> rate(Rating.INCORRECT);
            case FIRST_ERROR -> {
                if (requireStep()) open.firstError(focusedId(), focus.step());
            }
            case PICK_CATEGORY -> {
                if (requireStep()) {
                    if (config.categories(open.item().domain()).isEmpty()) message = "this batch has no error categories for " + open.item().domain().wireName();
                    else mode = Mode.PICK_CATEGORY;
                }
            }
            case EDIT_NOTE -> beginNote();
            case WRITE_RATIONALE -> mode = Mode.RATIONALE;
            case NEXT_DIMENSION, PREV_DIMENSION -> {
                int n = config.rubric().size();
                if (n > 0) selectedDimension = Math.floorMod(selectedDimension + (a == Action.NEXT_DIMENSION ? 1 : -1), n);
            }
            case RUBRIC_CLEAR -> score(null);
            case RUBRIC_1, RUBRIC_2, RUBRIC_3, RUBRIC_4, RUBRIC_5, RUBRIC_6, RUBRIC_7, RUBRIC_8, RUBRIC_9 -> score(a.rubricScore());
            case TOGGLE_RAW -> raw = !raw;
            case TOGGLE_DIFF -> diff = !diff;
            case TOGGLE_SYNC_SCROLL -> syncScroll = !syncScroll;
            case SUBMIT -> submit(null);
            case UNDO -> {
                if (!open.undo()) message = "nothing to undo on this item";
            }
            case REDO -> {
                if (!open.redo()) message = "nothing to redo";
            }
            case PREVIOUS_ITEM -> previousItem();
            case SKIP -> mode = Mode.SKIP_REASON;
            case QUIT -> quit();
            case HELP -> mode = Mode.HELP;
            case EXPERT_TEST -> openExpertTest();
        }
    }

    // ---------------------------------------------------------------- labeling

    private void prefer(int screenScore) {
        if (!open.item().isPair() || open.item().isRanking()) {
            message = open.item().isRanking() ? "a ranking item takes an order, not a preference: K/J move the focused response, = ties it"
                    : "a single response has no preference: rate its steps";
            return;
        }
        open.prefer(screenScore);
    }

    private void rate(Rating r) {
        if (requireStep()) open.rate(focusedId(), focus.step(), r);
    }

    private void score(Integer value) {
        if (config.rubric().isEmpty()) {
            message = "this batch has no rubric";
            return;
        }
        BatchConfig.RubricDimension d = config.rubric().get(selectedDimension);
        if (value != null && (value < d.min() || value > d.max())) {
            message = d.label() + " is scored " + d.min() + "–" + d.max();
            return;
        }
        open.score(focusedId(), d.name(), value);
    }

    private void pickerKey(KeyStroke key) {
        if (key.key().equals("ENTER") || key.key().equals("ESCAPE")) {
            mode = Mode.NORMAL;
            return;
        }
        if (key.ctrl() || key.alt() || key.shift() || key.key().length() != 1) return;
        char ch = Character.toLowerCase(key.key().charAt(0));
        int i = ch >= '1' && ch <= '9' ? ch - '1' : ch >= 'a' && ch <= 'z' ? 9 + ch - 'a' : -1;
        List<BatchConfig.ErrorCategory> cats = config.categories(open.item().domain());
        if (i < 0 || i >= cats.size()) return;
        open.toggleCategory(focusedId(), focus.step(), cats.get(i).id());
    }

    /** Opens the note editor for the focused step; the view shows a text field and calls {@link #commitNote}. */
    public ReviewState beginNote() {
        if (requireStep()) mode = Mode.NOTE;
        return publish();
    }

    public ReviewState commitNote(String text) {
        if (mode == Mode.NOTE) {
            mode = Mode.NORMAL;
            open.note(focusedId(), focus.step(), text == null ? "" : text.strip());
        }
        return publish();
    }

    /** Opens the rationale editor for the whole judgment; the view shows a text field and calls {@link #commitRationale}. */
    public ReviewState beginRationale() {
        mode = Mode.RATIONALE;
        return publish();
    }

    /** Keeps {@code text} as the judgment's rationale (blank clears it); undoable like any label. */
    public ReviewState commitRationale(String text) {
        if (mode == Mode.RATIONALE) {
            mode = Mode.NORMAL;
            open.rationale(text);
        }
        return publish();
    }

    /** Skips the current item with a reason (the view's text field after Ctrl+S) and moves on. */
    public ReviewState commitSkip(String reason) {
        if (mode != Mode.SKIP_REASON) return publish();
        if (reason == null || reason.isBlank()) {
            message = "a skip needs a reason";
            return publish();
        }
        mode = Mode.NORMAL;
        Item item = open.item();
        if (!leaveItem() || !writes.write("the skip of this item", () -> store.skips().save(batch, item.id(), annotator, reason.strip()))) {
            message = "not skipped: the store could not be written";
            return publish();
        }
        queue.left(open.index());
        load(queue.nextAfter(open.index()).orElse(open.index()));
        message = "skipped: " + reason.strip();
        return publish();
    }

    /** Leaves the note, skip, picker or confirm mode without changing anything. */
    public ReviewState cancel() {
        // Back from the evidence question: the next Enter asks again.
        if (mode == Mode.CONFIRM_AGAINST) warnedFor = null;
        mode = Mode.NORMAL;
        return publish();
    }

    /** Submits against the evidence the last Enter named, recording the expert's reason (may be empty). */
    public ReviewState confirmAgainst(String reason) {
        if (mode != Mode.CONFIRM_AGAINST) return publish();
        mode = Mode.NORMAL;
        message = null;
        submit(reason == null ? "" : reason.strip());
        return publish();
    }

    // ---------------------------------------------------------------- the expert's own test

    /** Opens the scratch editor on a code item with tests: the expert's test runs the way the item's tests do. */
    private void openExpertTest() {
        Item item = open.item();
        if (item.reference() == null || !item.reference().hasTests()) {
            message = "your own test runs only on code items that carry tests";
            return;
        }
        mode = Mode.EXPERT_TEST;
    }

    /** The editor closes; its text is kept in the draft (and a restart finds it). */
    public ReviewState closeExpertTest(String text) {
        if (mode == Mode.EXPERT_TEST) {
            mode = Mode.NORMAL;
            open.expertText(text == null ? "" : text);
        }
        return publish();
    }

    /**
     * The window starts running {@code source} against the responses: the outcomes of an earlier run no longer
     * apply. Blank source is refused with a message, and the window then runs nothing.
     */
    public ReviewState expertTestStarted(String source) {
        if (mode != Mode.EXPERT_TEST) return publish();
        if (source == null || source.isBlank()) {
            message = "write a test first: it runs against both responses";
            return publish();
        }
        message = null;
        open.expertRunStarted(source);
        return publish();
    }

    /** One response's outcome of a run, on the session's thread; dropped when the item or the run is not the latest. */
    public ReviewState expertTestOutcome(String itemId, String source, ShownEvidence outcome) {
        if (!open.item().id().equals(itemId) || !open.expertOutcome(source, outcome)) return state();
        return publish();
    }

    // ---------------------------------------------------------------- submit and navigation

    /** @param reason null for a plain Enter; else the expert confirmed against the evidence for this reason */
    private void submit(String reason) {
        Optional<String> blocker = SubmitRules.blocker(open.labels(), config, open.item(), open.responseIds());
        if (blocker.isPresent()) {
            message = "Cannot submit: " + blocker.get();
            return;
        }
        List<ShownEvidence> against = List.of();
        if (config.evidenceWarning()) {
            Optional<ItemEvidence.Against> a = open.item().isRanking() ? evidence.againstRanking(open.labels(), open.responseIds())
                    : evidence.against(open.item(), open.labels(), open.leftResponse().id());
            if (a.isPresent()) {
                if (reason == null && !open.labels().equals(warnedFor)) {
                    warnedFor = open.labels();
                    message = a.get().notice();
                    mode = Mode.CONFIRM_AGAINST;
                    return;
                }
                against = a.get().evidence();
            }
        }
        // A reason given for confirming against the evidence is a justification too: it stands in for a rationale
        // that was not written (and becomes the judgment's rationale), so the expert is not asked to say it twice.
        String rationale = open.labels().hasRationale() ? open.labels().rationale() : reason == null ? "" : reason;
        if (config.rationaleRequired() && rationale.isEmpty()) {
            message = "Cannot submit: this batch needs a rationale; " + rationaleKeyHint();
            // The next Enter asks about the evidence again, so its reason line is another way to give one.
            warnedFor = null;
            return;
        }
        Optional<Judgment> base = open.base();
        boolean unchanged = open.unchanged() && against.isEmpty();
        Judgment committed = null;
        if (!unchanged) {
            Optional<Judgment> j = open.commit(evidence.recorded(against, reason == null ? "" : reason), rationale);
            if (j.isEmpty()) {
                message = "Enter did not move on: the judgment is not saved";
                return;
            }
            committed = j.get();
            queue.submitted(committed);
        } else if (!open.discardDraft()) {
            message = "Enter did not move on: the store could not be written";
            return;
        }
        int index = open.index();
        Optional<Integer> next = queue.nextAfter(index);
        if (next.isEmpty()) {
            load(index);
            message = "Batch complete: all " + queue.size() + " items judged";
        } else {
            queue.left(index);
            load(next.get());
            message = unchanged ? "no change: the judgment stays at version " + base.map(Judgment::version).orElse(1) : null;
        }
        if (committed != null) {
            Submitted event = new Submitted(committed);
            for (Consumer<Submitted> l : submitListeners) l.accept(event);
        }
    }

    /** Which key writes the rationale, as the refusal names it: the keymap may have moved or unbound it. */
    private String rationaleKeyHint() {
        List<KeyStroke> keys = keymap.keysFor(Action.WRITE_RATIONALE);
        if (keys.isEmpty()) return "bind " + Action.WRITE_RATIONALE.name() + " to a key in the key bindings to write one";
        return "press " + keys.get(0) + " to write why";
    }

    private void previousItem() {
        Optional<Integer> target = queue.previous(open.index());
        if (target.isEmpty()) {
            message = "this is the first item";
            return;
        }
        if (!leaveItem()) return;
        queue.wentBack();
        load(target.get());
        open.base().ifPresent(b -> message = "revising: Enter saves version " + (b.version() + 1));
    }

    /** Shows the item with this id (the queue's "go to"). */
    public ReviewState jumpTo(String itemId) {
        Optional<Integer> target = queue.indexOf(itemId);
        if (target.isEmpty()) {
            message = "no item \"" + itemId + "\" in batch " + batch;
        } else if (target.get() != open.index() && leaveItem()) {
            queue.left(open.index());
            load(target.get());
        }
        return publish();
    }

    /** Changes which items Enter and Backspace walk through; moves to a matching item if need be. */
    public ReviewState setFilter(QueueFilter f) {
        queue.setFilter(f);
        if (!queue.matches(open.index())) {
            Optional<Integer> next = queue.firstMatching(open.index());
            if (next.isPresent()) {
                if (leaveItem()) load(next.get());
            } else {
                message = "no " + f.name().toLowerCase() + " items";
            }
        }
        return publish();
    }

    /** The batch in order with each item's status, filtered as the queue is. */
    public List<QueueEntry> queue() {
        return queue.entries(open.index());
    }

    private void quit() {
        if (!leaveItem() && !quitWarned) {
            quitWarned = true;
            message = "the labels of this item are not saved: press Ctrl+Q again to quit without them";
            return;
        }
        rememberPosition();
        quitRequested = true;
    }

    /** Ends the session without a key (window closed): saves what it can, then quits. */
    public void close() {
        leaveItem();
        rememberPosition();
        quitRequested = true;
    }

    // ---------------------------------------------------------------- item loading

    private void load(int i) {
        open = new OpenItem(store, writes, batch, annotator, clock, i, queue.item(i));
        evidence = new ItemEvidence(open.item().id());
        warnedFor = null;
        focus = new StepFocus(open.item().isPair(), open.steps(Side.LEFT).size(), open.steps(Side.RIGHT).size());
        mode = Mode.NORMAL;
        selectedDimension = 0;
        message = open.draftUnreadable()
                ? "the saved draft of this item is unreadable; it is kept in the store until you label the item" : null;
        rememberPosition();
    }

    /** False, with a message, when the labels of this item could not be written: the caller stays. */
    private boolean leaveItem() {
        if (open.leave()) return true;
        message = "staying on this item: its labels are not saved";
        return false;
    }

    private void rememberPosition() {
        new RememberedPosition(batch, open.item().id()).save(store, writes, annotator);
    }

    /** Any item's responses as this annotator sees them, left then right (views drawn ahead use it). */
    public List<Response> shownOrder(Item other) {
        return SideAssignment.shownOrder(annotator, other);
    }

    private String focusedId() {
        return open.response(focus.side()).id();
    }

    private boolean requireStep() {
        if (focus.step() < 0) {
            message = "the focused response has no steps";
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- state

    public ReviewState state() {
        Item item = open.item();
        Labels labels = open.labels();
        PaneState l = open.pane(Side.LEFT, focus.step(Side.LEFT));
        PaneState r = item.isPair() ? open.pane(Side.RIGHT, focus.step(Side.RIGHT)) : null;
        String note = focus.step() >= 0 ? labels.mark(focusedId(), focus.step()).note() : "";
        return new ReviewState(
                new ReviewState.Open(item, focus.side(), l, r, open.base().map(Judgment::version).orElse(0),
                        store.skips().reason(batch, item.id(), annotator), clock.activeMs(), evidence.all(), open.scratch(),
                        item.isRanking() ? RankStrip.of(open.panes(), labels.order(), focus.side()) : null),
                new ReviewState.Labeling(labels.preference(), open.screenScore(), labels.flags(), config.rubric(), selectedDimension,
                        config.categories(item.domain()), note, open.canUndo(), open.canRedo(), labels.rationale(),
                        config.rationaleRequired()),
                new ReviewState.Queue(batch, annotator, store.file(), open.index() + 1, queue.size(), queue.itemsLeft(), queue.filter(),
                        queue.averageActiveMs()),
                new ReviewState.Status(mode, raw, diff, syncScroll, message, writes.lastSave(), writes.failure(), quitRequested));
    }

    private ReviewState publish() {
        ReviewState s = state();
        for (Consumer<ReviewState> l : listeners) l.accept(s);
        return s;
    }
}

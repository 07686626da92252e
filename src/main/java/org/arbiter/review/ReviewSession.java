package org.arbiter.review;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.store.LocalStore;
import org.arbiter.store.StoreException;

/**
 * One annotator working through one batch, driven by key strokes and free of any UI toolkit: the window
 * only forwards keys, shows {@link ReviewState} and hosts the text fields of the note and skip modes.
 *
 * <p>Every labeling action is written to the item's draft before {@link #handle} returns; Enter commits
 * the judgment (durable, fsynced) before the next item is shown. The current position is kept in the
 * store's settings, so a new session on the same file (after a crash, kill -9 or a normal quit) reopens
 * the same item with its draft.
 *
 * <p>A write that fails (full disk, read-only or locked file) is never an exception to the caller: the
 * labels stay in memory, the state carries the {@link SaveFailure} until a later write succeeds, and the
 * session does not leave an item whose labels or judgment it could not write.
 */
public final class ReviewSession {
    /** Settings key holding the last batch and item per annotator. */
    static final String POSITION_KEY = "review.position.";

    private final LocalStore store;
    private final String annotator;
    private final String batch;
    private final BatchConfig config;
    /** Why the batch's own config was not used, shown once at start. */
    private final String configProblem;
    private final ActiveClock clock;
    private Keymap keymap;
    private final List<Item> items;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final List<Consumer<ReviewState>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Integer> history = new ArrayDeque<>();

    private QueueFilter filter = QueueFilter.ALL;
    private int index;
    private Item item;
    private boolean bOnLeft;
    private List<Step> leftSteps;
    private List<Step> rightSteps;
    private Optional<Judgment> base = Optional.empty();
    private Labels labels = Labels.EMPTY;
    private final Deque<Labels> undo = new ArrayDeque<>();
    private final Deque<Labels> redo = new ArrayDeque<>();
    private boolean hasDraft;
    private Instant startedAt;
    private Side focusedSide = Side.LEFT;
    private int focusLeft;
    private int focusRight;
    private Mode mode = Mode.NORMAL;
    private int selectedDimension;
    private boolean raw;
    private boolean diff;
    private boolean syncScroll;
    private String message;
    private Instant lastSave;
    private boolean quitRequested;
    /** The labels in memory differ from what the store holds for this item (the last write failed). */
    private boolean unsaved;
    /** The last write that failed, null once a write succeeds. */
    private SaveFailure saveFailure;
    /** Ctrl+Q was pressed once while the labels were not saved: the next Ctrl+Q quits without them. */
    private boolean quitWarned;
    /** This annotator's latest judgment per item of the batch; null when it must be read again. */
    private Map<String, Judgment> latestCache;

    private ReviewSession(LocalStore store, String annotator, String batch, Keymap keymap, ActiveClock clock) {
        this.store = store;
        this.annotator = annotator;
        this.batch = batch;
        this.keymap = keymap;
        this.clock = clock;
        // Gold answers and earlier labels stay out of the session: the expert judges blind.
        this.items = store.items().batch(batch).stream().map(Item::withoutHiddenLabels).toList();
        if (items.isEmpty()) throw new IllegalArgumentException("batch \"" + batch + "\" has no items in " + store.file());
        for (int i = 0; i < items.size(); i++) indexById.put(items.get(i).id(), i);
        BatchConfig c;
        String note = null;
        try {
            c = store.batchConfigs().config(batch).map(json -> BatchConfig.read(Json.parse(json))).orElse(BatchConfig.defaults());
        } catch (FieldException | tools.jackson.core.JacksonException e) {
            c = BatchConfig.defaults();
            note = "the config of batch " + batch + " is unusable (" + e.getMessage() + "); using the defaults";
        }
        this.config = c;
        this.configProblem = note;
    }

    /**
     * Opens a review. With {@code batch} null the annotator's last batch is resumed (else the first batch);
     * the item is the remembered one when it belongs to that batch, else the first the annotator has not
     * judged.
     */
    public static ReviewSession open(LocalStore store, String annotator, String batch, Keymap keymap, ActiveClock clock) {
        Objects.requireNonNull(annotator, "annotator");
        if (annotator.isBlank()) throw new IllegalArgumentException("the annotator name is empty");
        Optional<String[]> remembered = store.settings().get(POSITION_KEY + annotator).map(s -> s.split("\0", 2))
                .filter(p -> p.length == 2);
        String b = batch;
        if (b == null) b = remembered.map(p -> p[0]).filter(x -> store.items().batches().contains(x)).orElse(null);
        if (b == null) {
            List<String> all = store.items().batches();
            if (all.isEmpty()) throw new IllegalArgumentException("the store " + store.file() + " holds no items; import some first");
            b = all.get(0);
        }
        ReviewSession s = new ReviewSession(store, annotator, b, keymap, clock);
        final String chosen = b;
        Integer start = remembered.filter(p -> p[0].equals(chosen)).map(p -> s.indexById.get(p[1])).orElse(null);
        if (start == null) start = s.nextNeedingWork(-1, false).orElse(0);
        s.load(start);
        if (s.configProblem != null) s.message = s.configProblem;
        return s;
    }

    public void addListener(Consumer<ReviewState> listener) {
        listeners.add(listener);
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
        latestCache = null;
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

    // ---------------------------------------------------------------- keys

    /** Applies one key stroke in the current mode and returns the state the view should show. */
    public ReviewState handle(KeyStroke key) {
        clock.userActivity(clock.now());
        switch (mode) {
            case HELP -> {
                if (key.key().equals("ESCAPE") || keymap.actionFor(key).filter(a -> a == Action.HELP).isPresent()) mode = Mode.NORMAL;
            }
            case PICK_CATEGORY -> pickerKey(key);
            case NOTE, SKIP_REASON -> {
                // The text field owns the keys; Escape is the only one the session hears.
                if (key.key().equals("ESCAPE")) mode = Mode.NORMAL;
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
        switch (a) {
            case PREFER_LEFT_MUCH -> prefer(-2);
            case PREFER_LEFT -> prefer(-1);
            case PREFER_EQUAL -> prefer(0);
            case PREFER_RIGHT -> prefer(1);
            case PREFER_RIGHT_MUCH -> prefer(2);
            case TOGGLE_BOTH_BAD -> label(labels.toggle(Flag.BOTH_BAD));
            case TOGGLE_UNSURE -> label(labels.toggle(Flag.UNSURE));
            case TOGGLE_BAD_PROMPT -> label(labels.toggle(Flag.BAD_PROMPT));
            case SWITCH_SIDE -> {
                if (item.isPair()) focusedSide = focusedSide.other();
            }
            case NEXT_STEP -> moveFocus(focus() + 1);
            case PREV_STEP -> moveFocus(focus() - 1);
            case FIRST_STEP -> moveFocus(0);
            case LAST_STEP -> moveFocus(steps(focusedSide).size() - 1);
            case RATE_CORRECT -> rate(Rating.CORRECT);
            case RATE_NEUTRAL -> rate(Rating.NEUTRAL);
            case RATE_INCORRECT -> rate(Rating.INCORRECT);
            case FIRST_ERROR -> firstError();
            case PICK_CATEGORY -> {
                if (requireStep()) {
                    if (config.categories(item.domain()).isEmpty()) message = "this batch has no error categories for " + item.domain().wireName();
                    else mode = Mode.PICK_CATEGORY;
                }
            }
            case EDIT_NOTE -> beginNote();
            case NEXT_DIMENSION, PREV_DIMENSION -> {
                int n = config.rubric().size();
                if (n > 0) selectedDimension = Math.floorMod(selectedDimension + (a == Action.NEXT_DIMENSION ? 1 : -1), n);
            }
            case RUBRIC_CLEAR -> score(null);
            case RUBRIC_1, RUBRIC_2, RUBRIC_3, RUBRIC_4, RUBRIC_5, RUBRIC_6, RUBRIC_7, RUBRIC_8, RUBRIC_9 -> score(a.rubricScore());
            case TOGGLE_RAW -> raw = !raw;
            case TOGGLE_DIFF -> diff = !diff;
            case TOGGLE_SYNC_SCROLL -> syncScroll = !syncScroll;
            case SUBMIT -> submit();
            case UNDO -> {
                if (undo.isEmpty()) message = "nothing to undo on this item";
                else {
                    redo.push(labels);
                    labels = undo.pop();
                    unsaved = true;
                    saveDraft();
                }
            }
            case REDO -> {
                if (redo.isEmpty()) message = "nothing to redo";
                else {
                    undo.push(labels);
                    labels = redo.pop();
                    unsaved = true;
                    saveDraft();
                }
            }
            case PREVIOUS_ITEM -> previousItem();
            case SKIP -> mode = Mode.SKIP_REASON;
            case QUIT -> quit();
            case HELP -> mode = Mode.HELP;
        }
    }

    // ---------------------------------------------------------------- labeling

    /** Every labeling change goes through here: it is undoable and saved at once. */
    private void label(Labels next) {
        if (next.equals(labels)) return;
        undo.push(labels);
        redo.clear();
        labels = next;
        unsaved = true;
        saveDraft();
    }

    private void prefer(int screenScore) {
        if (!item.isPair()) {
            message = "a single response has no preference: rate its steps";
            return;
        }
        label(labels.withPreference(SideAssignment.toAB(screenScore, bOnLeft)));
    }

    private void rate(Rating r) {
        if (!requireStep()) return;
        StepMark m = labels.mark(focusedId(), focus());
        label(labels.withMark(focusedId(), focus(), m.withRating(m.rating() == r ? null : r)));
    }

    /** PRM800K phase 2: the first wrong step is −1, and everything before it that was left unrated is +1. */
    private void firstError() {
        if (!requireStep()) return;
        String id = focusedId();
        Labels next = labels.withMark(id, focus(), labels.mark(id, focus()).withRating(Rating.INCORRECT));
        for (int i = 0; i < focus(); i++) {
            StepMark m = next.mark(id, i);
            if (m.rating() == null) next = next.withMark(id, i, m.withRating(Rating.CORRECT));
        }
        label(next);
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
        label(labels.withScore(focusedId(), d.name(), value));
    }

    private void pickerKey(KeyStroke key) {
        if (key.key().equals("ENTER") || key.key().equals("ESCAPE")) {
            mode = Mode.NORMAL;
            return;
        }
        if (key.ctrl() || key.alt() || key.shift() || key.key().length() != 1) return;
        char ch = Character.toLowerCase(key.key().charAt(0));
        int i = ch >= '1' && ch <= '9' ? ch - '1' : ch >= 'a' && ch <= 'z' ? 9 + ch - 'a' : -1;
        List<BatchConfig.ErrorCategory> cats = config.categories(item.domain());
        if (i < 0 || i >= cats.size()) return;
        String id = cats.get(i).id();
        StepMark m = labels.mark(focusedId(), focus());
        List<String> next = new ArrayList<>(m.categories());
        if (!next.remove(id)) next.add(id);
        // An error category says the step is wrong; an unrated step becomes −1 so the two cannot disagree.
        Rating r = m.rating() == null && !next.isEmpty() ? Rating.INCORRECT : m.rating();
        label(labels.withMark(focusedId(), focus(), new StepMark(r, next, m.note())));
    }

    /** Opens the note editor for the focused step; the view shows a text field and calls {@link #commitNote}. */
    public ReviewState beginNote() {
        if (requireStep()) mode = Mode.NOTE;
        return publish();
    }

    public ReviewState commitNote(String text) {
        if (mode == Mode.NOTE) {
            mode = Mode.NORMAL;
            StepMark m = labels.mark(focusedId(), focus());
            label(labels.withMark(focusedId(), focus(), m.withNote(text == null ? "" : text.strip())));
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
        if (!leaveItem() || !write("the skip of this item", () -> store.skips().save(batch, item.id(), annotator, reason.strip()))) {
            message = "not skipped: the store could not be written";
            return publish();
        }
        history.push(index);
        Optional<Integer> next = nextAfter(index);
        load(next.orElse(index));
        message = "skipped: " + reason.strip();
        return publish();
    }

    /** Leaves the note, skip or picker mode without changing anything. */
    public ReviewState cancel() {
        mode = Mode.NORMAL;
        return publish();
    }

    // ---------------------------------------------------------------- submit and navigation

    private void submit() {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            message = "Cannot submit: " + missing.get();
            return;
        }
        Instant now = clock.now();
        boolean unchanged = base.isPresent() && labels.equals(fromJudgment(base.get()));
        if (!unchanged) {
            Judgment j = new Judgment(base.map(Judgment::judgmentId).orElseGet(UUID::randomUUID), item.id(), batch, annotator,
                    base.map(b -> b.version() + 1).orElse(1), labels.preference(), labels.flags(), rubricOfResponses(), "",
                    stepLabels(), item.isPair() ? leftResponse().id() : null, startedAt, now, clock.activeMs(now));
            if (!write("the judgment of this item", () -> store.judgments().save(j))) {
                message = "Enter did not move on: the judgment is not saved";
                return;
            }
            unsaved = false;
            Map<String, Judgment> latest = new HashMap<>(latestJudgments());
            latest.put(j.itemId(), j);
            latestCache = Map.copyOf(latest);
            hasDraft = false;
            lastSave = now;
        } else if (hasDraft) {
            if (!write("the judgment of this item", () -> store.drafts().delete(batch, item.id(), annotator))) {
                message = "Enter did not move on: the store could not be written";
                return;
            }
            hasDraft = false;
        }
        Optional<Integer> next = nextAfter(index);
        if (next.isEmpty()) {
            load(index);
            message = "Batch complete: all " + items.size() + " items judged";
        } else {
            history.push(index);
            load(next.get());
            message = unchanged ? "no change: the judgment stays at version " + base.map(Judgment::version).orElse(1) : null;
        }
    }

    /** Why Enter is refused, or empty when the labels are complete enough for this batch. */
    Optional<String> missing() {
        boolean badPrompt = labels.has(Flag.BAD_PROMPT);
        for (String id : responseIds()) {
            for (Map.Entry<Integer, StepMark> e : labels.marks(id).entrySet()) {
                if (e.getValue().rating() == null) {
                    return Optional.of("step " + (e.getKey() + 1) + " of the " + sideName(id) + " response has a note but no rating");
                }
            }
        }
        if (!item.isPair()) {
            boolean rated = !labels.marks(item.a().id()).isEmpty();
            if (!rated && labels.flags().isEmpty()) return Optional.of("rate at least one step (c / n / x / f) or raise a flag");
        } else if (config.required().contains(BatchConfig.Required.PREFERENCE) && labels.preference() == null
                && !labels.has(Flag.BOTH_BAD) && !badPrompt) {
            return Optional.of("choose a preference (1–5), or flag both bad (b) or bad prompt (p)");
        }
        if (badPrompt) return Optional.empty();
        if (config.required().contains(BatchConfig.Required.RUBRIC)) {
            for (String id : responseIds()) {
                for (BatchConfig.RubricDimension d : config.rubric()) {
                    if (labels.score(id, d.name()) == null) return Optional.of("score " + d.label() + " for the " + sideName(id) + " response");
                }
            }
        }
        if (config.required().contains(BatchConfig.Required.STEPS)) {
            for (String id : responseIds()) {
                if (labels.marks(id).isEmpty()) return Optional.of("rate at least one step of the " + sideName(id) + " response");
            }
        }
        return Optional.empty();
    }

    private void previousItem() {
        Integer target = history.peek();
        if (target == null) {
            if (index == 0) {
                message = "this is the first item";
                return;
            }
            target = index - 1;
        }
        if (!leaveItem()) return;
        if (!history.isEmpty()) history.pop();
        load(target);
        if (base.isPresent()) message = "revising: Enter saves version " + (base.get().version() + 1);
    }

    /** Shows the item with this id (the queue's "go to"). */
    public ReviewState jumpTo(String itemId) {
        Integer target = indexById.get(itemId);
        if (target == null) {
            message = "no item \"" + itemId + "\" in batch " + batch;
        } else if (target != index && leaveItem()) {
            history.push(index);
            load(target);
        }
        return publish();
    }

    /** Changes which items Enter and Backspace walk through; moves to a matching item if need be. */
    public ReviewState setFilter(QueueFilter f) {
        filter = f;
        if (!matches(index)) {
            Optional<Integer> next = firstMatching(index);
            if (next.isPresent()) {
                if (leaveItem()) load(next.get());
            } else {
                message = "no " + f.name().toLowerCase() + " items";
            }
        }
        return publish();
    }

    /** One line of the queue panel. */
    public record QueueEntry(String itemId, int position, boolean judged, boolean flagged, boolean skipped, boolean current) {
    }

    /** The batch in order with each item's status, filtered as the queue is. */
    public List<QueueEntry> queue() {
        Map<String, Judgment> latest = latestJudgments();
        Map<String, String> skipped = store.skips().inBatch(batch, annotator);
        List<QueueEntry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!matches(i, latest)) continue;
            String id = items.get(i).id();
            Judgment j = latest.get(id);
            out.add(new QueueEntry(id, i + 1, j != null, j != null && !j.flags().isEmpty(), skipped.containsKey(id), i == index));
        }
        return out;
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

    /** The next item after {@code from} that still needs work (wrapping), else under FLAGGED the next flagged one. */
    private Optional<Integer> nextAfter(int from) {
        if (filter == QueueFilter.FLAGGED) {
            Map<String, Judgment> latest = latestJudgments();
            for (int k = 1; k < items.size(); k++) {
                int i = (from + k) % items.size();
                if (matches(i, latest)) return Optional.of(i);
            }
            return Optional.empty();
        }
        return nextNeedingWork(from, true);
    }

    private Optional<Integer> nextNeedingWork(int from, boolean wrap) {
        Map<String, Judgment> latest = latestJudgments();
        Map<String, String> skipped = store.skips().inBatch(batch, annotator);
        int n = items.size();
        for (int k = 1; k <= (wrap ? n : n - from - 1); k++) {
            int i = wrap ? Math.floorMod(from + k, n) : from + k;
            if (i == from) continue;
            String id = items.get(i).id();
            if (!latest.containsKey(id) && !skipped.containsKey(id)) return Optional.of(i);
        }
        return Optional.empty();
    }

    private Optional<Integer> firstMatching(int from) {
        Map<String, Judgment> latest = latestJudgments();
        for (int k = 0; k < items.size(); k++) {
            int i = (from + k) % items.size();
            if (matches(i, latest)) return Optional.of(i);
        }
        return Optional.empty();
    }

    private boolean matches(int i) {
        return matches(i, latestJudgments());
    }

    private boolean matches(int i, Map<String, Judgment> latest) {
        Judgment j = latest.get(items.get(i).id());
        return switch (filter) {
            case ALL -> true;
            case UNJUDGED -> j == null;
            case FLAGGED -> j != null && !j.flags().isEmpty();
        };
    }

    private Map<String, Judgment> latestJudgments() {
        if (latestCache != null) return latestCache;
        Map<String, Judgment> out = new HashMap<>();
        for (Judgment j : store.judgments().current()) {
            if (j.batch().equals(batch) && j.annotator().equals(annotator)) out.merge(j.itemId(), j, (a, b) -> a.version() >= b.version() ? a : b);
        }
        latestCache = Map.copyOf(out);
        return latestCache;
    }

    // ---------------------------------------------------------------- item loading and drafts

    private void load(int i) {
        index = i;
        item = items.get(i);
        bOnLeft = SideAssignment.bOnLeft(annotator, item);
        leftSteps = StepSegmenter.segment(leftResponse(), item.domain());
        rightSteps = item.isPair() ? StepSegmenter.segment(rightResponse(), item.domain()) : List.of();
        base = store.judgments().latest(batch, item.id(), annotator);
        Optional<String> draftBody = store.drafts().load(batch, item.id(), annotator);
        DraftJson.Draft draft = draftBody.map(DraftJson::read).orElse(null);
        long priorMs;
        if (draft != null) {
            labels = draft.labels();
            startedAt = draft.startedAt() != null ? draft.startedAt() : base.map(Judgment::startedAt).orElse(clock.now());
            priorMs = draft.activeMs();
            hasDraft = true;
        } else if (base.isPresent()) {
            labels = fromJudgment(base.get());
            startedAt = base.get().startedAt() != null ? base.get().startedAt() : clock.now();
            priorMs = base.get().activeMs();
            hasDraft = false;
        } else {
            labels = Labels.EMPTY;
            startedAt = clock.now();
            priorMs = 0;
            hasDraft = false;
        }
        clock.restart(priorMs);
        undo.clear();
        redo.clear();
        mode = Mode.NORMAL;
        focusedSide = Side.LEFT;
        focusLeft = leftSteps.isEmpty() ? -1 : 0;
        focusRight = rightSteps.isEmpty() ? -1 : 0;
        selectedDimension = 0;
        message = draftBody.isPresent() && draft == null
                ? "the saved draft of this item is unreadable; it is kept in the store until you label the item" : null;
        rememberPosition();
    }

    /**
     * Before the item changes: the draft gets the time spent so far (only if there is a draft to keep).
     * False, with a message, when the labels of this item could not be written: the caller stays.
     */
    private boolean leaveItem() {
        if (hasDraft || unsaved) saveDraft();
        if (unsaved) {
            message = "staying on this item: its labels are not saved";
            return false;
        }
        return true;
    }

    private void saveDraft() {
        Instant now = clock.now();
        String body = DraftJson.write(new DraftJson.Draft(labels, startedAt, clock.activeMs(now)));
        if (write("the labels of this item", () -> store.drafts().save(batch, item.id(), annotator, body))) {
            hasDraft = true;
            unsaved = false;
            lastSave = now;
        }
    }

    private void rememberPosition() {
        write("your place in the batch", () -> store.settings().put(POSITION_KEY + annotator, batch + "\0" + item.id()));
    }

    /** Runs one write; a failure becomes the state's {@link SaveFailure}, a success clears the last one. */
    private boolean write(String what, Runnable work) {
        try {
            work.run();
            saveFailure = null;
            return true;
        } catch (StoreException e) {
            saveFailure = SaveFailure.of(what, e, store.file());
            return false;
        }
    }

    /** A submitted judgment as editable labels: step labels are matched by step key first, then by index. */
    private Labels fromJudgment(Judgment j) {
        Labels l = new Labels(j.preference(), j.flags(), j.rubric(), Map.of());
        for (StepLabel s : j.stepLabels()) {
            List<Step> steps = s.responseId().equals(leftResponse().id()) ? leftSteps
                    : item.isPair() && s.responseId().equals(rightResponse().id()) ? rightSteps : null;
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
            List<Step> steps = id.equals(leftResponse().id()) ? leftSteps : rightSteps;
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

    /** Any item's responses as this annotator sees them, left then right (views drawn ahead use it). */
    public List<Response> shownOrder(Item other) {
        return SideAssignment.shownOrder(annotator, other);
    }

    // ---------------------------------------------------------------- focus helpers

    private Response leftResponse() {
        return bOnLeft ? item.b().orElseThrow() : item.a();
    }

    private Response rightResponse() {
        return bOnLeft ? item.a() : item.b().orElseThrow();
    }

    private List<String> responseIds() {
        return item.isPair() ? List.of(leftResponse().id(), rightResponse().id()) : List.of(item.a().id());
    }

    private String sideName(String responseId) {
        if (!item.isPair()) return "single";
        return responseId.equals(leftResponse().id()) ? "left" : "right";
    }

    private List<Step> steps(Side side) {
        return side == Side.LEFT ? leftSteps : rightSteps;
    }

    private int focus() {
        return focusedSide == Side.LEFT ? focusLeft : focusRight;
    }

    private String focusedId() {
        return focusedSide == Side.LEFT || !item.isPair() ? leftResponse().id() : rightResponse().id();
    }

    private void moveFocus(int to) {
        int n = steps(focusedSide).size();
        if (n == 0) return;
        int clamped = Math.max(0, Math.min(n - 1, to));
        if (focusedSide == Side.LEFT) focusLeft = clamped;
        else focusRight = clamped;
    }

    private boolean requireStep() {
        if (focus() < 0) {
            message = "the focused response has no steps";
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- state

    public ReviewState state() {
        Map<String, Judgment> latest = latestJudgments();
        int left = (int) items.stream().filter(it -> !latest.containsKey(it.id())).count();
        long avg = latest.isEmpty() ? 0 : Math.round(latest.values().stream().mapToLong(Judgment::activeMs).average().orElse(0));
        PaneState l = new PaneState(Side.LEFT, leftResponse(), leftSteps, focusLeft, labels.marks(leftResponse().id()),
                labels.rubric().getOrDefault(leftResponse().id(), Map.of()));
        PaneState r = item.isPair() ? new PaneState(Side.RIGHT, rightResponse(), rightSteps, focusRight,
                labels.marks(rightResponse().id()), labels.rubric().getOrDefault(rightResponse().id(), Map.of())) : null;
        Integer screen = labels.preference() == null || !item.isPair() ? null : SideAssignment.toScreen(labels.preference(), bOnLeft);
        String note = focus() >= 0 ? labels.mark(focusedId(), focus()).note() : "";
        return new ReviewState(batch, annotator, store.file(), item, index + 1, items.size(), left, filter, mode,
                item.isPair() ? focusedSide : Side.LEFT, l, r, labels.preference(), screen, labels.flags(), config.rubric(),
                selectedDimension, config.categories(item.domain()), raw, diff, syncScroll, message, lastSave,
                clock.activeMs(), avg, base.map(Judgment::version).orElse(0),
                store.skips().reason(batch, item.id(), annotator), !undo.isEmpty(), !redo.isEmpty(), quitRequested, note,
                saveFailure);
    }

    private ReviewState publish() {
        ReviewState s = state();
        for (Consumer<ReviewState> l : listeners) l.accept(s);
        return s;
    }
}

package org.arbiter.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.ShownEvidence;

/**
 * Everything the review window shows, as one immutable snapshot in four parts; the view renders it and
 * holds no state.
 *
 * @param open   the item on screen and its two sides
 * @param labels what the expert has entered on it and what the batch offers to enter
 * @param queue  where the item stands in the batch
 * @param status the mode, display switches, the last notice and whether everything is saved
 */
public record ReviewState(Open open, Labeling labels, Queue queue, Status status) {

    /**
     * The item on screen.
     *
     * @param right         null for a single-path item
     * @param version       the latest submitted version of this item's judgment, 0 when never submitted
     * @param skippedReason why this annotator skipped the item, if they did
     * @param activeMs      active time spent on this item so far
     * @param evidence      what the checks have said so far about its responses (more arrives while it is open)
     * @param expertTest    the expert's own test on this item: the editor's text and its last run
     * @param rankStrip     every response of a ranking item with its place; null for pairs and single paths
     */
    public record Open(Item item, Side focusedSide, PaneState left, PaneState right, int version,
                       Optional<String> skippedReason, long activeMs, List<ShownEvidence> evidence, ExpertScratch expertTest,
                       RankStrip rankStrip) {
        /** The evidence shown for one response, in arrival order. */
        public List<ShownEvidence> evidenceFor(String responseId) {
            return evidence.stream().filter(e -> e.responseId().equals(responseId)).toList();
        }

        public PaneState focused() {
            return focusedSide == Side.RIGHT && right != null ? right : left;
        }

        public boolean isPair() {
            return right != null;
        }

        public boolean isRanking() {
            return rankStrip != null;
        }
    }

    /**
     * The labels of the open item outside the panes, and the batch's scales and categories.
     *
     * @param preference  in A/B terms (what is stored), null while unset
     * @param screenScore the same choice on screen: −2 left much better … +2 right much better; null while unset
     * @param categories  the error categories of this item's domain; the picker shows {@link #categoryKey} beside each
     * @param textInitial what the note editor starts with (the focused step's note)
     * @param rationale   the written justification of the whole judgment, "" while none
     * @param rationaleRequired the batch refuses Enter without a rationale
     */
    public record Labeling(Preference preference, Integer screenScore, Set<Flag> flags,
                           List<BatchConfig.RubricDimension> dimensions, int selectedDimension,
                           List<BatchConfig.ErrorCategory> categories, String textInitial, boolean canUndo, boolean canRedo,
                           String rationale, boolean rationaleRequired) {
        public boolean has(Flag f) {
            return flags.contains(f);
        }
    }

    /**
     * Whose queue, in which store file, and how far along.
     *
     * @param position        1-based place of the item in the batch
     * @param itemsLeft       items of the batch without a judgment by this annotator
     * @param averageActiveMs mean active time over the judged items of the batch
     */
    public record Queue(String batch, String annotator, Path storeFile, int position, int total, int itemsLeft,
                        QueueFilter filter, long averageActiveMs) {
        /** "n / N" for the status bar. */
        public String progress() {
            return position + " / " + total;
        }
    }

    /**
     * What mode the keys are in, the display switches, the last notice and the save state.
     *
     * @param message     the last refusal or notice (why Enter did nothing, a bad key file, …), null when none
     * @param saveFailure the last write to the store that failed, null once one succeeds: while set, what the
     *                    window shows is not (all) saved
     */
    public record Status(Mode mode, boolean raw, boolean diff, boolean syncScroll, String message, Instant lastSave,
                         SaveFailure saveFailure, boolean quitRequested) {
        /** True while a write has failed and none has succeeded since: the screen holds unsaved work. */
        public boolean notSaved() {
            return saveFailure != null;
        }
    }

    /** The key that toggles the i-th category in the picker: 1–9, then a–z. */
    public static String categoryKey(int i) {
        return i < 9 ? String.valueOf(i + 1) : String.valueOf((char) ('a' + i - 9));
    }

    /** The status bar: store file, items left, last save. */
    public String statusLine() {
        String saved = status.saveFailure() != null ? "NOT SAVED" : status.lastSave() == null ? "nothing saved yet"
                : "last save " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault()).format(status.lastSave());
        return queue.storeFile() + " · " + queue.itemsLeft() + " of " + queue.total() + " left · " + saved;
    }
}

package org.arbiter.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;

/**
 * Everything the review window shows, as one immutable snapshot; the view renders it and holds no state.
 *
 * @param position       1-based place of the item in the batch
 * @param itemsLeft      items of the batch without a judgment by this annotator
 * @param right          null for a single-path item
 * @param preference     in A/B terms (what is stored), null while unset
 * @param screenScore    the same choice on screen: −2 left much better … +2 right much better; null while unset
 * @param categories     the error categories of this item's domain; the picker shows {@link #categoryKey} beside each
 * @param message        the last refusal or notice (why Enter did nothing, a bad key file, …), null when none
 * @param version        the latest submitted version of this item's judgment, 0 when never submitted
 * @param averageActiveMs mean active time over the judged items of the batch
 * @param textInitial    what the note editor starts with (the focused step's note)
 * @param saveFailure    the last write to the store that failed, null once one succeeds: while set, what the
 *                       window shows is not (all) saved
 */
public record ReviewState(String batch, String annotator, Path storeFile, Item item, int position, int total, int itemsLeft,
                          QueueFilter filter, Mode mode, Side focusedSide, PaneState left, PaneState right,
                          Preference preference, Integer screenScore, Set<Flag> flags,
                          List<BatchConfig.RubricDimension> dimensions, int selectedDimension,
                          List<BatchConfig.ErrorCategory> categories, boolean raw, boolean diff, boolean syncScroll,
                          String message, Instant lastSave, long activeMs, long averageActiveMs, int version,
                          Optional<String> skippedReason, boolean canUndo, boolean canRedo, boolean quitRequested,
                          String textInitial, SaveFailure saveFailure) {
    public PaneState focused() {
        return focusedSide == Side.RIGHT && right != null ? right : left;
    }

    public boolean has(Flag f) {
        return flags.contains(f);
    }

    /** True while a write has failed and none has succeeded since: the screen holds unsaved work. */
    public boolean notSaved() {
        return saveFailure != null;
    }

    public boolean isPair() {
        return right != null;
    }

    /** The key that toggles the i-th category in the picker: 1–9, then a–z. */
    public static String categoryKey(int i) {
        return i < 9 ? String.valueOf(i + 1) : String.valueOf((char) ('a' + i - 9));
    }

    /** The status bar: store file, items left, last save. */
    public String statusLine() {
        String saved = saveFailure != null ? "NOT SAVED" : lastSave == null ? "nothing saved yet"
                : "last save " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault()).format(lastSave);
        return storeFile + " · " + itemsLeft + " of " + total + " left · " + saved;
    }

    /** "n / N" for the status bar. */
    public String progress() {
        return position + " / " + total;
    }
}

package org.arbiter.review;

import java.util.List;

/**
 * What the expert put on one step so far. Unlike a submitted StepLabel the rating may still be missing (a
 * note written before rating).
 */
public record StepMark(Rating rating, List<String> categories, String note) {
    public static final StepMark EMPTY = new StepMark(null, List.of(), "");

    public StepMark {
        categories = categories == null ? List.of() : List.copyOf(categories);
        note = note == null ? "" : note;
    }

    public boolean isEmpty() {
        return rating == null && categories.isEmpty() && note.isEmpty();
    }

    public StepMark withRating(Rating r) {
        return new StepMark(r, categories, note);
    }

    public StepMark withCategories(List<String> c) {
        return new StepMark(rating, c, note);
    }

    public StepMark withNote(String n) {
        return new StepMark(rating, categories, n);
    }
}

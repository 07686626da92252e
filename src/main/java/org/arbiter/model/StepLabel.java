package org.arbiter.model;

import java.util.List;
import java.util.Objects;

/**
 * A rating on one step of one response, PRM800K style: −1 incorrect, 0 neutral, +1 correct, with optional
 * error categories and a note. {@code stepKey} survives re-segmentation of unchanged content.
 */
public record StepLabel(String responseId, int stepIndex, String stepKey, int rating,
                        List<String> categories, String note) {
    public StepLabel {
        Objects.requireNonNull(responseId, "responseId");
        if (rating < -1 || rating > 1) throw new IllegalArgumentException("rating must be -1, 0 or 1: " + rating);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}

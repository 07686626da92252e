package org.arbiter.render;

/**
 * The characters of a response to mark as its final answer ({@code start} inclusive, {@code end} exclusive,
 * offsets in the response content), so the expert sees what the answer check compared. Rendering does not
 * find answers itself: whoever checks them says where they stand.
 */
public record AnswerRange(int start, int end) {
    public AnswerRange {
        if (start < 0 || end < start) throw new IllegalArgumentException("answer range " + start + ".." + end);
    }
}

package org.arbiter.server;

import java.util.List;

/**
 * How far one batch is: its items, the annotators assigned, how many (annotator, item) pairs have a judgment,
 * and when the last version arrived (null before the first).
 */
public record BatchProgress(String name, String source, int items, int assigned, int completed, int judged,
                            String lastActivity, List<Annotator> annotators) {

    /** One assigned annotator: items judged, whether the assignment is complete, their last push to the batch. */
    public record Annotator(String name, int judged, boolean completed, String lastActivity) {
    }

    /** Judged pairs over assigned pairs (items × annotators), 0 … 1. */
    public double share() {
        long due = (long) items * assigned;
        return due == 0 ? 0 : Math.min(1, (double) judged / due);
    }
}

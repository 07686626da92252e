package org.arbiter.review;

/** One line of the queue panel. */
public record QueueEntry(String itemId, int position, boolean judged, boolean flagged, boolean skipped, boolean current) {
}

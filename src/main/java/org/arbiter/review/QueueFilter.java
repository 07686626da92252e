package org.arbiter.review;

/** Which items of the batch the queue walks through. */
public enum QueueFilter {
    /** Every item in batch order. */
    ALL,
    /** Items without a judgment by this annotator (skipped items included). */
    UNJUDGED,
    /** Items whose latest judgment by this annotator carries a flag. */
    FLAGGED
}

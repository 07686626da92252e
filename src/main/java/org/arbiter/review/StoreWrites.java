package org.arbiter.review;

import java.nio.file.Path;
import java.time.Instant;

import org.arbiter.store.StoreException;

/**
 * The one step every write of a review goes through: a write that fails (full disk, read-only or locked
 * file) becomes the {@link SaveFailure} the window shows instead of an exception, and the next write that
 * succeeds clears it.
 */
final class StoreWrites {
    private final Path file;
    private SaveFailure failure;
    private Instant lastSave;

    StoreWrites(Path file) {
        this.file = file;
    }

    /** Runs one write; false when it failed (the failure is kept for the state). */
    boolean write(String what, Runnable work) {
        try {
            work.run();
            failure = null;
            return true;
        } catch (StoreException e) {
            failure = SaveFailure.of(what, e, file);
            return false;
        }
    }

    /** The labels of the open item reached the disk at this time (drafts and judgments, not positions). */
    void saved(Instant at) {
        lastSave = at;
    }

    /** The last write that failed, null once a write succeeds. */
    SaveFailure failure() {
        return failure;
    }

    Instant lastSave() {
        return lastSave;
    }
}

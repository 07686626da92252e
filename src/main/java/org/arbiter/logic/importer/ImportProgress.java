package org.arbiter.logic.importer;

/** Told how far the importer has read, for a progress bar. */
public interface ImportProgress {
    ImportProgress NONE = (read, total) -> {
    };

    void advanced(long bytesRead, long totalBytes);

    default void finished() {
    }
}

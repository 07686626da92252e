package org.arbiter.store;

/** A storage failure the caller cannot fix by retrying with other input (disk, corruption, schema). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

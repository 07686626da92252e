package org.arbiter.sync;

import java.time.Instant;

/**
 * A snapshot for the window's status bar.
 *
 * @param lastSync      when the last successful sync ended, null if never
 * @param pending       judgment versions not yet acknowledged by the server
 * @param lastError     the last failure's message, null after a success
 * @param nextAttempt   when the background loop tries next, null if none is scheduled
 */
public record SyncStatus(Instant lastSync, int pending, String lastError, SyncException.Kind lastErrorKind,
                         boolean running, Instant nextAttempt) {
}

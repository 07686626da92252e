package org.arbiter.sync;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot for the window's status bar.
 *
 * @param lastSync      when the last successful sync ended, null if never
 * @param pending       judgment versions by this store's annotator not yet acknowledged by the server
 * @param stranded      versions on server batches stamped with another name, by name: never sent
 * @param annotator     this store's annotator, null if not settled
 * @param lastError     the last failure's message, null after a success
 * @param nextAttempt   when the background loop tries next, null if none is scheduled
 */
public record SyncStatus(Instant lastSync, int pending, Map<String, Integer> stranded, String annotator,
                         String lastError, SyncException.Kind lastErrorKind, boolean running, Instant nextAttempt) {
}

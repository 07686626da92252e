package org.arbiter.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.arbiter.server.ServerStore;

/**
 * Logged-in leads, in memory: a restart of the server logs everyone out, which costs a lead one login and keeps
 * session secrets out of the database. Only the SHA-256 of a session id is kept, as for tokens.
 */
final class LeadSessions {
    static final Duration LIFETIME = Duration.ofHours(12);

    /** A lead's session; {@code csrf} must come back with every form the page posts. */
    record Session(String lead, String csrf, Instant expires) {
    }

    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();

    /** Opens a session; returns its id, which goes into the cookie and nowhere else. */
    String open(String lead) {
        byIdHash.values().removeIf(s -> s.expires().isBefore(Instant.now()));
        String id = ServerStore.newToken();
        byIdHash.put(ServerStore.hash(id), new Session(lead, ServerStore.newToken(), Instant.now().plus(LIFETIME)));
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        Session s = byIdHash.get(ServerStore.hash(id));
        if (s == null) return Optional.empty();
        if (s.expires().isBefore(Instant.now())) {
            byIdHash.remove(ServerStore.hash(id));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) byIdHash.remove(ServerStore.hash(id));
    }
}

package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Per-batch facts beside the items: the batch's review config (opaque JSON here). */
public final class BatchRepository {
    private final LocalStore store;

    BatchRepository(LocalStore store) {
        this.store = store;
    }

    /** The batch's config JSON, empty when the batch has none (or does not exist). */
    public Optional<String> config(String batch) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT config FROM batch WHERE name = ?")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Marks a batch completed (the server said so), once: a later call keeps the first instant. */
    public void markCompleted(String batch, java.time.Instant at) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET completed_at = ? WHERE name = ? AND completed_at IS NULL")) {
                ps.setString(1, at.toString());
                ps.setString(2, batch);
                return ps.executeUpdate();
            }
        });
    }

    /** When the server said the batch was completed; empty while it has not. */
    public Optional<java.time.Instant> completedAt(String batch) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT completed_at FROM batch WHERE name = ?")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? Optional.of(java.time.Instant.parse(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Sets the config of an existing batch; returns false when there is no such batch. */
    public boolean setConfig(String batch, String json) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET config = ? WHERE name = ?")) {
                ps.setString(1, json);
                ps.setString(2, batch);
                return ps.executeUpdate() == 1;
            }
        });
    }
}

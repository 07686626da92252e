package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Work in progress on an item, one row per (batch, item, annotator). The body is opaque here: the review
 * session decides what a draft holds and serializes it.
 */
public final class DraftRepository {
    private final LocalStore store;

    DraftRepository(LocalStore store) {
        this.store = store;
    }

    public void save(String batch, String itemId, String annotator, String body) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft (batch, item_id, annotator, body, updated_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT (batch, item_id, annotator) DO UPDATE SET body = excluded.body, "
                    + "updated_at = excluded.updated_at")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.setString(4, body);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<String> load(String batch, String itemId, String annotator) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM draft WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void delete(String batch, String itemId, String annotator) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM draft WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.executeUpdate();
            }
            return null;
        });
    }
}

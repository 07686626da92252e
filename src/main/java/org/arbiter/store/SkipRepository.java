package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Items an annotator set aside, with the reason; skipping again replaces the reason. */
public final class SkipRepository {
    private final LocalStore store;

    SkipRepository(LocalStore store) {
        this.store = store;
    }

    public void save(String batch, String itemId, String annotator, String reason) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO skip (batch, item_id, annotator, reason, skipped_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT (batch, item_id, annotator) DO UPDATE SET reason = excluded.reason, "
                    + "skipped_at = excluded.skipped_at")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.setString(4, reason);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<String> reason(String batch, String itemId, String annotator) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reason FROM skip WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** item id → reason, for one annotator in one batch. */
    public Map<String, String> inBatch(String batch, String annotator) {
        return store.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, reason FROM skip WHERE batch = ? AND annotator = ? ORDER BY rowid")) {
                ps.setString(1, batch);
                ps.setString(2, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    public void delete(String batch, String itemId, String annotator) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM skip WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.executeUpdate();
            }
            return null;
        });
    }
}

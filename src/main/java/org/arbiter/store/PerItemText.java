package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One text per (batch, item, annotator) in a table of its own, saved again by replacing it, with the time it
 * was saved: what drafts and skips have in common, written once. The table and column names are the store's
 * own constants, never input.
 */
final class PerItemText {
    private final LocalStore store;
    private final String table;
    private final String textColumn;
    private final String timeColumn;

    PerItemText(LocalStore store, String table, String textColumn, String timeColumn) {
        this.store = store;
        this.table = table;
        this.textColumn = textColumn;
        this.timeColumn = timeColumn;
    }

    void save(String batch, String itemId, String annotator, String text) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (batch, item_id, annotator, " + textColumn
                    + ", " + timeColumn + ") VALUES (?,?,?,?,?) ON CONFLICT (batch, item_id, annotator) DO UPDATE SET "
                    + textColumn + " = excluded." + textColumn + ", " + timeColumn + " = excluded." + timeColumn)) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.setString(4, text);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<String> load(String batch, String itemId, String annotator) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + textColumn + " FROM " + table
                    + " WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** item id → text, for one annotator in one batch, in the order they were first saved. */
    Map<String, String> inBatch(String batch, String annotator) {
        return store.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, " + textColumn + " FROM " + table
                    + " WHERE batch = ? AND annotator = ? ORDER BY rowid")) {
                ps.setString(1, batch);
                ps.setString(2, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    void delete(String batch, String itemId, String annotator) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE batch = ? AND item_id = ? AND annotator = ?")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                ps.executeUpdate();
            }
            return null;
        });
    }
}

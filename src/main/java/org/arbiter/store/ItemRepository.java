package org.arbiter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;

/** Items by batch, in the order they were imported. */
public final class ItemRepository {
    private final LocalStore store;

    ItemRepository(LocalStore store) {
        this.store = store;
    }

    /**
     * Adds an item at the end of its batch unless the batch already holds that id, inside the caller's
     * transaction, so a whole file goes in or nothing does.
     *
     * @return true when added, false when the id was already present
     */
    public boolean insertIfAbsent(Transaction tx, Item item) {
        try {
            return insertIfAbsent(tx.connection, item);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Adds the items that are not there yet, all in one transaction; returns how many were added. */
    public int insertAllIfAbsent(java.util.List<Item> items) {
        return store.sqlTransaction(c -> {
            int added = 0;
            for (Item item : items) if (insertIfAbsent(c, item)) added++;
            return added;
        });
    }

    boolean insertIfAbsent(Connection c, Item item) throws SQLException {
        ensureBatch(c, item.batch());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO item (batch, id, seq, domain, body) "
                        + "SELECT ?, ?, COALESCE((SELECT MAX(seq) FROM item WHERE batch = ?), 0) + 1, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM item WHERE batch = ? AND id = ?)")) {
            ps.setString(1, item.batch());
            ps.setString(2, item.id());
            ps.setString(3, item.batch());
            ps.setString(4, item.domain().wireName());
            ps.setString(5, Json.write(ItemJson.write(item)));
            ps.setString(6, item.batch());
            ps.setString(7, item.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Adds one item in its own transaction. */
    public boolean insertIfAbsent(Item item) {
        return store.sqlTransaction(c -> insertIfAbsent(c, item));
    }

    private static void ensureBatch(Connection c, String batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO batch (name, created_at) VALUES (?, ?)")) {
            ps.setString(1, batch);
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    public List<Item> batch(String batch) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ? ORDER BY seq")) {
                ps.setString(1, batch);
                return readAll(ps);
            }
        });
    }

    /** Every item, batch by batch (batches in creation order), each batch in import order. */
    public List<Item> all() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.body FROM item i JOIN batch b ON b.name = i.batch ORDER BY b.created_at, b.rowid, i.seq")) {
                return readAll(ps);
            }
        });
    }

    public Optional<Item> find(String batch, String id) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ? AND id = ?")) {
                ps.setString(1, batch);
                ps.setString(2, id);
                List<Item> found = readAll(ps);
                return found.stream().findFirst();
            }
        });
    }

    /** Batch names in the order they were created. */
    public List<String> batches() {
        return store.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM batch ORDER BY created_at, rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    /** Item count per batch, in batch order. */
    public Map<String, Integer> countsByBatch() {
        return store.withConnection(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT b.name, COUNT(i.id) FROM batch b LEFT JOIN item i ON i.batch = b.name "
                            + "GROUP BY b.name ORDER BY b.created_at, b.rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    public int count() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static List<Item> readAll(PreparedStatement ps) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(ItemJson.read(Json.parse(rs.getString(1)), null, null));
        }
        return out;
    }
}

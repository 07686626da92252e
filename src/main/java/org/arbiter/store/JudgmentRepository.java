package org.arbiter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Judgment;

/** Submitted judgments, every version kept. */
public final class JudgmentRepository {
    private final LocalStore store;

    JudgmentRepository(LocalStore store) {
        this.store = store;
    }

    /**
     * Commits a judgment version durably (the store runs with synchronous=FULL) and drops the item's draft
     * in the same transaction, so a crash leaves either the draft or the judgment, never neither.
     *
     * @return false when this (judgment_id, version) was already stored with the same content: saving is
     *         idempotent, which makes sneakernet and sync re-delivery harmless
     * @throws StoreException when the same (judgment_id, version) exists with different content
     */
    public boolean save(Judgment j) {
        return store.sqlTransaction(c -> save(c, j));
    }

    /** Saves a version inside the caller's transaction (as {@link #save(Judgment)} does in its own). */
    public boolean save(Transaction tx, Judgment j) {
        try {
            return save(tx.connection, j);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    boolean save(Connection c, Judgment j) throws SQLException {
        String body = Json.write(JudgmentJson.write(j));
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM judgment WHERE judgment_id = ? AND version = ?")) {
            ps.setString(1, j.judgmentId().toString());
            ps.setInt(2, j.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(1).equals(body)) return false;
                    throw new StoreException("judgment " + j.judgmentId() + " version " + j.version()
                            + " is already stored with different content");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO judgment (judgment_id, version, batch, item_id, annotator, submitted_at, body) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, j.judgmentId().toString());
            ps.setInt(2, j.version());
            ps.setString(3, j.batch());
            ps.setString(4, j.itemId());
            ps.setString(5, j.annotator());
            ps.setString(6, String.valueOf(j.submittedAt()));
            ps.setString(7, body);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM draft WHERE batch = ? AND item_id = ? AND annotator = ?")) {
            ps.setString(1, j.batch());
            ps.setString(2, j.itemId());
            ps.setString(3, j.annotator());
            ps.executeUpdate();
        }
        return true;
    }

    /** The newest version of this annotator's judgment on the item. */
    public Optional<Judgment> latest(String batch, String itemId, String annotator) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM judgment WHERE batch = ? AND item_id = ? "
                    + "AND annotator = ? ORDER BY version DESC, submitted_at DESC LIMIT 1")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, annotator);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    /** Every version of every judgment, oldest first, streamed so exports need not hold them all. */
    public void forEachVersion(Consumer<Judgment> sink) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM judgment ORDER BY rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(JudgmentJson.read(Json.parse(rs.getString(1))));
            }
            return null;
        });
    }

    /** The current judgments: the newest version of each judgment id, in submission order. */
    public List<Judgment> current() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT j.body FROM judgment j WHERE j.version = "
                    + "(SELECT MAX(version) FROM judgment k WHERE k.judgment_id = j.judgment_id) ORDER BY j.rowid")) {
                return readAll(ps);
            }
        });
    }

    public List<Judgment> versions(UUID judgmentId) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM judgment WHERE judgment_id = ? ORDER BY version")) {
                ps.setString(1, judgmentId.toString());
                return readAll(ps);
            }
        });
    }

    /** Number of items with at least one judgment, per batch. */
    public Map<String, Integer> judgedItemsByBatch() {
        return store.withConnection(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT batch, COUNT(DISTINCT item_id) FROM judgment GROUP BY batch");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        });
    }

    public int countVersions() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM judgment"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static List<Judgment> readAll(PreparedStatement ps) throws SQLException {
        List<Judgment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(JudgmentJson.read(Json.parse(rs.getString(1))));
        }
        return out;
    }
}

package org.arbiter.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Judgment;
import org.arbiter.model.JudgmentKey;
import org.arbiter.store.LocalStore;

/**
 * Judgment versions the server has not acknowledged: rows of the local judgment table with no
 * {@code synced_at}. A row is marked only from a server receipt, so a push cut at any point is simply
 * sent again, and the server's idempotent insert makes the second delivery harmless.
 */
public final class Outbox {
    private final LocalStore store;

    public Outbox(LocalStore store) {
        this.store = store;
    }

    /** One pending version as stored: its row, its key and its {@code full} JSON, sent as it is. */
    public record Pending(long row, JudgmentKey key, String body) {
    }

    /** A page of pending versions, oldest first, and where the next page starts. */
    public record Page(List<Pending> entries, long nextAfter, boolean more) {
        public List<Judgment> judgments() {
            return entries.stream().map(e -> JudgmentJson.read(Json.parse(e.body()))).toList();
        }
    }

    /**
     * Pending versions by {@code annotator} in {@code batches} (the batches the server assigned; others
     * would only be refused), after row {@code after}.
     */
    public Page pending(String annotator, Set<String> batches, long after, int limit) {
        return pending(annotator, batches, after, limit, Long.MAX_VALUE);
    }

    /**
     * As {@link #pending(String, Set, long, int)}, and the page ends once its bodies reach {@code maxChars}
     * (at least one version is always taken), so long rationales cannot push a request over the server's
     * size limit.
     */
    public Page pending(String annotator, Set<String> batches, long after, int limit, long maxChars) {
        return store.withConnection(c -> {
            List<Pending> out = new ArrayList<>();
            long last = after;
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, batch, judgment_id, version, body FROM judgment WHERE synced_at IS NULL "
                    + "AND annotator = ? AND rowid > ? ORDER BY rowid LIMIT ?")) {
                ps.setString(1, annotator);
                ps.setLong(2, after);
                ps.setInt(3, limit + 1);
                long chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (out.size() == limit || (!out.isEmpty() && chars >= maxChars)) {
                            more = true;
                            break;
                        }
                        long row = rs.getLong(1);
                        if (!batches.contains(rs.getString(2))) {
                            last = row;
                            continue;
                        }
                        String body = rs.getString(5);
                        if (!out.isEmpty() && chars + body.length() > maxChars) {
                            more = true;
                            break;
                        }
                        last = row;
                        chars += body.length();
                        out.add(new Pending(row, new JudgmentKey(java.util.UUID.fromString(rs.getString(3)), rs.getInt(4)), body));
                    }
                }
            }
            return new Page(out, last, more);
        });
    }

    /** Every version not yet acknowledged, whatever its batch or annotator: what the status bar shows. */
    public int pendingCount() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM judgment WHERE synced_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Marks exactly the versions a receipt lists; one transaction. */
    public int markSynced(List<JudgmentKey> keys) {
        if (keys.isEmpty()) return 0;
        String now = Instant.now().toString();
        return store.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE judgment SET synced_at = ? WHERE judgment_id = ? AND version = ? AND synced_at IS NULL")) {
                for (JudgmentKey k : keys) {
                    ps.setString(1, now);
                    ps.setString(2, k.judgmentId().toString());
                    ps.setInt(3, k.version());
                    ps.addBatch();
                }
                for (int r : ps.executeBatch()) n += Math.max(r, 0);
            }
            return n;
        });
    }

    /**
     * Marks the given versions, found by row (one lookup instead of two) and checked by key, so a row that
     * changed meanwhile is simply left pending and sent again; one transaction.
     */
    public int markSyncedRows(List<Pending> rows) {
        if (rows.isEmpty()) return 0;
        String now = Instant.now().toString();
        return store.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE judgment SET synced_at = ? WHERE rowid = ? AND judgment_id = ? "
                    + "AND version = ? AND synced_at IS NULL")) {
                for (Pending p : rows) {
                    ps.setString(1, now);
                    ps.setLong(2, p.row());
                    ps.setString(3, p.key().judgmentId().toString());
                    ps.setInt(4, p.key().version());
                    ps.addBatch();
                }
                for (int r : ps.executeBatch()) n += Math.max(r, 0);
            }
            return n;
        });
    }

    /** Keys of every version marked synced, for checks. */
    public List<JudgmentKey> synced() {
        return store.withConnection(c -> {
            List<JudgmentKey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT judgment_id, version FROM judgment WHERE synced_at IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new JudgmentKey(java.util.UUID.fromString(rs.getString(1)), rs.getInt(2)));
            }
            return out;
        });
    }
}

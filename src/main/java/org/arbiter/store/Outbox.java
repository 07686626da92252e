package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Judgment;
import org.arbiter.model.JudgmentKey;

import tools.jackson.databind.node.ObjectNode;

/**
 * Judgment versions the server has not acknowledged: rows of the local judgment table with no
 * {@code synced_at}. A row is marked only from a server receipt, so a push cut at any point is simply
 * sent again, and the server's idempotent insert makes the second delivery harmless.
 */
public final class Outbox {
    private final LocalStore store;

    Outbox(LocalStore store) {
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

    /**
     * What waits to be sent, as sync sees it.
     *
     * @param pending  versions by this store's annotator that the next sync sends
     * @param stranded versions on server batches stamped with another name, by name (most first): sync never
     *                 sends them, because the server takes judgments only under the token's name
     */
    public record Backlog(int pending, Map<String, Integer> stranded) {
        public Backlog {
            stranded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stranded));
        }

        public int strandedTotal() {
            return stranded.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The backlog of {@code annotator}. {@code serverBatches} are the batches the server assigned (null when no
     * sync has told them yet: then every version by the annotator counts as pending and none as stranded).
     */
    public Backlog backlog(String annotator, Set<String> serverBatches) {
        return store.withConnection(c -> {
            int pending = 0;
            Map<String, Integer> stranded = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT annotator, batch, COUNT(*) FROM judgment WHERE synced_at IS NULL "
                    + "GROUP BY annotator, batch ORDER BY annotator");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String by = rs.getString(1);
                    boolean onServer = serverBatches == null || serverBatches.contains(rs.getString(2));
                    if (!onServer) continue; // a local batch (the demo, an imported file): nothing to send
                    if (by.equals(annotator)) pending += rs.getInt(3);
                    else if (serverBatches != null) stranded.merge(by, rs.getInt(3), Integer::sum);
                }
            }
            List<Map.Entry<String, Integer>> byCount = new ArrayList<>(stranded.entrySet());
            byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : byCount) ordered.put(e.getKey(), e.getValue());
            return new Backlog(pending, ordered);
        });
    }

    /**
     * What {@link #adopt} did.
     *
     * @param adopted            versions now stamped with the store's annotator, to be sent
     * @param itemsAlreadyJudged versions left as they were: the store's annotator has a judgment of that item
     *                           already, and one annotator holds one judgment per item
     * @param knownToServer      versions left as they were: an earlier version of the same judgment reached the
     *                           server under the old name, so the judgment is that annotator's there
     */
    public record Adoption(int adopted, int itemsAlreadyJudged, int knownToServer) {
    }

    /**
     * Restamps the unsent versions that {@code from} holds on {@code serverBatches} as {@code to}'s: for
     * judgments made in this store under a wrong name (typed in the window before a login settled the name).
     * One transaction; the stored JSON changes in its {@code annotator} field only.
     */
    public Adoption adopt(String from, String to, Set<String> serverBatches) {
        if (from.equals(to)) return new Adoption(0, 0, 0);
        return store.sqlTransaction(c -> {
            Set<String> judgedByTo = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT batch, item_id FROM judgment WHERE annotator = ?")) {
                ps.setString(1, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) judgedByTo.add(rs.getString(1) + "\0" + rs.getString(2));
                }
            }
            Set<String> knownIds = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT judgment_id FROM judgment WHERE annotator = ? AND synced_at IS NOT NULL")) {
                ps.setString(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) knownIds.add(rs.getString(1));
                }
            }
            int adopted = 0;
            int judged = 0;
            int known = 0;
            List<Long> rows = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, batch, item_id, judgment_id, body FROM judgment "
                    + "WHERE annotator = ? AND synced_at IS NULL ORDER BY rowid")) {
                ps.setString(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!serverBatches.contains(rs.getString(2))) continue;
                        if (knownIds.contains(rs.getString(4))) {
                            known++;
                        } else if (judgedByTo.contains(rs.getString(2) + "\0" + rs.getString(3))) {
                            judged++;
                        } else {
                            ObjectNode o = (ObjectNode) Json.parse(rs.getString(5));
                            o.put("annotator", to);
                            rows.add(rs.getLong(1));
                            bodies.add(Json.write(o));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE judgment SET annotator = ?, body = ? WHERE rowid = ?")) {
                for (int i = 0; i < rows.size(); i++) {
                    ps.setString(1, to);
                    ps.setString(2, bodies.get(i));
                    ps.setLong(3, rows.get(i));
                    adopted += ps.executeUpdate();
                }
            }
            return new Adoption(adopted, judged, known);
        });
    }

    /** Every version not yet acknowledged, whatever its batch or annotator (for checks). */
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
        return store.sqlTransaction(c -> {
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
        return store.sqlTransaction(c -> {
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

package org.arbiter.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;

/**
 * The checks {@code arbiter server verify} ran on a batch's responses, kept in the server database so the lab
 * has them before anyone judges; {@code server report} counts them per batch.
 */
public final class PrecomputedEvidence {
    private final ServerStore store;

    public PrecomputedEvidence(ServerStore store) {
        this.store = store;
    }

    /** What one batch holds: how many responses have a check result, and the verdicts of those results. */
    public record OfBatch(int responses, Map<String, Integer> verdicts) {
    }

    /** Whether a batch of this exact name exists (NAME-001, not the import name). */
    public boolean batchExists(String batch) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch WHERE name = ?")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The items of a batch in order, whole (tests, gold and prior labels kept): the lab's own view. */
    public List<Item> items(String batch) {
        return store.withConnection(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ? ORDER BY seq")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(ItemJson.read(Json.parse(rs.getString(1)), batch, null));
                }
            }
            return out;
        });
    }

    /** Keeps one check's result; a later run of the same check on the same response replaces it. */
    public void save(String batch, String itemId, String responseId, String kind, String verdict, String line) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO precomputed_evidence "
                    + "(batch, item_id, response_id, kind, verdict, line, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (batch, item_id, response_id, kind) DO UPDATE SET verdict = excluded.verdict, "
                    + "line = excluded.line, computed_at = excluded.computed_at")) {
                ps.setString(1, batch);
                ps.setString(2, itemId);
                ps.setString(3, responseId);
                ps.setString(4, kind);
                ps.setString(5, verdict);
                ps.setString(6, line);
                ps.setString(7, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Per batch (by name) that has any: responses with a result and the verdict counts. */
    public Map<String, OfBatch> perBatch() {
        return store.withConnection(c -> {
            Map<String, Integer> responses = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT batch, COUNT(*) FROM "
                    + "(SELECT DISTINCT batch, item_id, response_id FROM precomputed_evidence) t GROUP BY batch");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) responses.put(rs.getString(1), rs.getInt(2));
            }
            Map<String, Map<String, Integer>> verdicts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT batch, verdict, COUNT(*) FROM precomputed_evidence "
                    + "GROUP BY batch, verdict ORDER BY batch, verdict");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) verdicts.computeIfAbsent(rs.getString(1), b -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
            }
            Map<String, OfBatch> out = new LinkedHashMap<>();
            responses.forEach((b, n) -> out.put(b, new OfBatch(n, java.util.Collections.unmodifiableMap(verdicts.getOrDefault(b, Map.of())))));
            return out;
        });
    }
}

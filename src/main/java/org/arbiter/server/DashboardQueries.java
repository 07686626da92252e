package org.arbiter.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lab dashboard reads besides the quality report: progress per import and batch, who was active
 * when, and a stamp that changes with every push. Each query is paged or bounded by the number of batches
 * or annotators, and each reads an index (migration V5): none scans the judgment table.
 */
public final class DashboardQueries {
    public static final int MAX_PAGE = 200;
    private final ServerStore store;

    public DashboardQueries(ServerStore store) {
        this.store = store;
    }

    /**
     * Changes whenever a version is received or a batch imported, whichever process wrote it (a push to this
     * server, {@code server ingest}, an import): the newest receipt time and the number of batches.
     */
    public String changeStamp() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT MAX(received_at) FROM judgment), (SELECT COUNT(*) FROM batch)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + "|" + rs.getLong(2);
            }
        });
    }

    public int batchCount() {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Imports, newest first. */
    public List<ImportProgress> imports() {
        return store.withConnection(c -> {
            List<ImportProgress> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.source, COUNT(*), MIN(b.created_at), "
                    + "SUM((SELECT COUNT(*) FROM item i WHERE i.batch = b.name)), "
                    + "SUM((SELECT COUNT(*) FROM assignment s WHERE s.batch = b.name)), "
                    + "SUM((SELECT COUNT(*) FROM assignment s WHERE s.batch = b.name AND s.completed_at IS NOT NULL)) "
                    + "FROM batch b GROUP BY b.source ORDER BY MIN(b.created_at) DESC, b.source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportProgress(rs.getString(1), rs.getInt(2), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** One page of batches in name order, each with its annotators. */
    public List<BatchProgress> batches(int offset, int limit) {
        int page = Math.max(1, Math.min(MAX_PAGE, limit));
        return store.withConnection(c -> {
            Map<String, BatchProgress> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.name, b.source, "
                    + "(SELECT COUNT(*) FROM item i WHERE i.batch = b.name), "
                    + "(SELECT COUNT(*) FROM assignment s WHERE s.batch = b.name), "
                    + "(SELECT COUNT(*) FROM assignment s WHERE s.batch = b.name AND s.completed_at IS NOT NULL), "
                    + "(SELECT MAX(j.received_at) FROM judgment j WHERE j.batch = b.name) "
                    + "FROM batch b ORDER BY b.name LIMIT ? OFFSET ?")) {
                ps.setInt(1, page);
                ps.setInt(2, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new BatchProgress(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                rs.getInt(5), 0, rs.getString(6), new ArrayList<>()));
                    }
                }
            }
            List<BatchProgress> out = new ArrayList<>();
            for (BatchProgress b : rows.values()) out.add(withAnnotators(c, b));
            return out;
        });
    }

    private static BatchProgress withAnnotators(Connection c, BatchProgress b) throws SQLException {
        List<BatchProgress.Annotator> people = new ArrayList<>();
        int judged = 0;
        // Per assigned annotator: a range of the (batch, annotator, item_id, received_at) index.
        try (PreparedStatement ps = c.prepareStatement("SELECT s.annotator, s.completed_at, "
                + "(SELECT COUNT(DISTINCT j.item_id) FROM judgment j WHERE j.batch = s.batch AND j.annotator = s.annotator), "
                + "(SELECT MAX(j.received_at) FROM judgment j WHERE j.batch = s.batch AND j.annotator = s.annotator) "
                + "FROM assignment s WHERE s.batch = ? ORDER BY s.annotator")) {
            ps.setString(1, b.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(new BatchProgress.Annotator(rs.getString(1), rs.getInt(3), rs.getString(2) != null, rs.getString(4)));
                    judged += rs.getInt(3);
                }
            }
        }
        return new BatchProgress(b.name(), b.source(), b.items(), b.assigned(), b.completed(), judged, b.lastActivity(),
                Collections.unmodifiableList(people));
    }

    /** Each batch's newest version (null if none), by name: one descent of the (batch, received_at) index each. */
    public Map<String, String> batchLastActivity() {
        return store.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.name, "
                    + "(SELECT MAX(j.received_at) FROM judgment j WHERE j.batch = b.name) FROM batch b ORDER BY b.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** Each annotator's newest push (null if none), by name. */
    public Map<String, String> lastActivity() {
        return store.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.name, "
                    + "(SELECT MAX(j.received_at) FROM judgment j WHERE j.annotator = a.name) FROM annotator a ORDER BY a.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }
}

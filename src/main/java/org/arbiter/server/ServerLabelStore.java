package org.arbiter.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.arbiter.logic.exporter.LabelStore;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

/**
 * The server's database as an export reads it. Gold items mixed in by {@code import --gold} are calibration,
 * not training data: unless asked for, they and the judgments on them are left out, as if never imported.
 * Items of the regular file that carry a gold answer are data and stay.
 */
public final class ServerLabelStore implements LabelStore {
    private final ServerStore store;
    private final boolean includeGold;

    public ServerLabelStore(ServerStore store, boolean includeGold) {
        this.store = store;
        this.includeGold = includeGold;
    }

    private String notGold(String judgmentAlias) {
        return includeGold ? "1 = 1" : "NOT EXISTS (SELECT 1 FROM item i WHERE i.batch = " + judgmentAlias + ".batch AND i.id = "
                + judgmentAlias + ".item_id AND i.seeded_gold = 1)";
    }

    @Override
    public List<String> batches() {
        return store.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM batch ORDER BY created_at, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    @Override
    public List<Item> items(String batch) {
        return store.withConnection(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ?"
                    + (includeGold ? "" : " AND seeded_gold = 0") + " ORDER BY seq")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(ItemJson.read(Json.parse(rs.getString(1)), batch, null));
                }
            }
            return out;
        });
    }

    @Override
    public void forEachVersion(Consumer<Judgment> sink) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT j.body FROM judgment j WHERE " + notGold("j")
                    + " ORDER BY j.received_at, j.judgment_id, j.version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(JudgmentJson.read(Json.parse(rs.getString(1))));
            }
            return null;
        });
    }

    @Override
    public List<Judgment> current() {
        return store.withConnection(c -> {
            List<Judgment> out = new ArrayList<>();
            // the newest versions come from one grouped pass joined back, not a MAX subquery per version row:
            // at a million versions the correlated form was the slow part of a consensus export
            try (PreparedStatement ps = c.prepareStatement("SELECT j.body FROM judgment j JOIN (SELECT judgment_id, annotator,"
                    + " batch, item_id, MAX(version) AS version FROM judgment GROUP BY judgment_id, annotator, batch, item_id) m"
                    + " ON m.judgment_id = j.judgment_id AND m.annotator = j.annotator AND m.batch = j.batch"
                    + " AND m.item_id = j.item_id AND m.version = j.version"
                    + " JOIN judgment_owner o ON o.judgment_id = j.judgment_id AND o.annotator = j.annotator"
                    + " AND o.batch = j.batch AND o.item_id = j.item_id"
                    + " WHERE " + notGold("j") + " ORDER BY j.received_at, j.judgment_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(JudgmentJson.read(Json.parse(rs.getString(1))));
            }
            return out;
        });
    }
}

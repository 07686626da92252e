package org.arbiter.server;

import org.arbiter.model.JudgmentKey;
import org.arbiter.wire.PushReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.store.Migrations;
import org.arbiter.store.StoreException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The lab server's data: annotators (token hashes only), items with their hidden labels, batches and who
 * is assigned to them, and every judgment version received. One class for SQLite and PostgreSQL: the SQL
 * is the common subset, and each request is one transaction.
 */
public final class ServerStore implements AutoCloseable {
    public static final Migrations MIGRATIONS = new Migrations("/org/arbiter/server/migrations/", List.of("V1__server.sql", "V2__gold.sql", "V3__judgment_owner.sql",
            "V4__precomputed_evidence.sql", "V5__lead.sql"));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Why an item id with NUL is refused: it has a column of its own, and PostgreSQL text cannot hold NUL. */
    static final String NUL_IN_ID = "an id without the NUL character (U+0000), which the server database cannot hold in an id";

    private final String url;
    private final HikariDataSource pool;

    private ServerStore(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Opens (and migrates) {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}. */
    public static ServerStore open(String jdbcUrl) {
        return open(jdbcUrl, warning -> { });
    }

    /**
     * As {@link #open(String)}; an SQLite file (it holds gold answers) is made readable by its owner only, and
     * {@code warnings} gets a line for each file whose mode had to be tightened.
     */
    public static ServerStore open(String jdbcUrl, java.util.function.Consumer<String> warnings) {
        java.util.Optional<java.nio.file.Path> sqliteFile = sqliteFile(jdbcUrl);
        if (sqliteFile.isPresent()) {
            try {
                new org.arbiter.store.OwnerOnlyFiles(org.arbiter.store.StorePaths.dataDirectory(), warnings).prepare(sqliteFile.get());
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create the server database " + sqliteFile.get() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setPoolName("arbiter-server");
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            // SQLite has one writer: one connection makes writers queue here instead of failing with BUSY.
            cfg.setMaximumPoolSize(1);
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "FULL");
            cfg.addDataSourceProperty("busy_timeout", "10000");
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            cfg.setMaximumPoolSize(8);
        } else {
            throw new StoreException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://…): " + redact(jdbcUrl));
        }
        cfg.setConnectionTimeout(15_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the server database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        ServerStore store = new ServerStore(jdbcUrl, ds);
        try {
            store.withConnection(c -> MIGRATIONS.apply(c));
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return store;
    }

    /** The file of {@code jdbc:sqlite:FILE[?…]}; none for other databases and in-memory ones. */
    static java.util.Optional<java.nio.file.Path> sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) return java.util.Optional.empty();
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) rest = rest.substring(0, query);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) return java.util.Optional.empty();
        return java.util.Optional.of(java.nio.file.Path.of(rest));
    }

    /** The URL without its password, for messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public String url() {
        return redact(url);
    }

    DataSource dataSource() {
        return pool;
    }

    // ---------------------------------------------------------------- annotators and tokens

    /** Adds an annotator and returns their token. Only its SHA-256 is stored: the token is shown once. */
    public String addAnnotator(String name) {
        return addTokenHolder("annotator", name);
    }

    /**
     * Adds a lead (who opens the dashboard) and returns their token, hashed like an annotator's. A lead is not
     * an annotator: their token pushes nothing, and an annotator's token opens no dashboard.
     */
    public String addLead(String name) {
        return addTokenHolder("lead", name);
    }

    /** @param table "annotator" or "lead": the two tables of token holders, which share their columns */
    private String addTokenHolder(String table, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw Refusal.invalid(table + " name: expected 1–64 letters, digits, '.', '_', '@' or '-', found \"" + name + "\"");
        }
        String token = newToken();
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) throw Refusal.conflict(table + " " + name + " already exists");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (name, token_hash, revoked, created_at) VALUES (?, ?, 0, ?)")) {
                ps.setString(1, name);
                ps.setString(2, hash(token));
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** @return false when there is no such lead */
    public boolean revokeLead(String name) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead SET revoked = 1 WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The lead a token belongs to, unless it is unknown or revoked; an annotator's token is unknown here. */
    public Optional<String> authenticateLead(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String h = hash(token);
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM lead WHERE token_hash = ? AND revoked = 0")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Whether a lead exists and is not revoked: a dashboard session ends when its lead is revoked. */
    public boolean leadActive(String name) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lead WHERE name = ? AND revoked = 0")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** 256 random bits, URL-safe: a token or a session id. */
    public static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** @return false when there is no such annotator */
    public boolean revoke(String name) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE annotator SET revoked = 1 WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public List<AnnotatorInfo> annotators() {
        return withConnection(c -> {
            List<AnnotatorInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.name, a.revoked, a.created_at, "
                    + "(SELECT COUNT(*) FROM assignment s WHERE s.annotator = a.name), "
                    + "(SELECT COUNT(*) FROM assignment s WHERE s.annotator = a.name AND s.completed_at IS NOT NULL) "
                    + "FROM annotator a ORDER BY a.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AnnotatorInfo(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), rs.getInt(4), rs.getInt(5)));
                }
            }
            return out;
        });
    }

    /** The annotator a bearer token belongs to, unless it is unknown or revoked. */
    public Optional<String> authenticate(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String h = hash(token);
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM annotator WHERE token_hash = ? AND revoked = 0")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : d) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- import and assignment

    /**
     * Splits {@code items} into batches of {@code batchSize} named {@code name-001}, {@code name-002}, … and
     * assigns each batch to {@code overlap} distinct active annotators, the least loaded first. All or nothing.
     *
     * @return the new batch names with their annotators, in order
     */
    public Map<String, List<String>> importItems(String name, List<Item> items, int overlap, int batchSize) {
        return importItems(name, items, overlap, batchSize, GoldSeeding.NONE).assignments();
    }

    /**
     * The same, with gold items mixed into every batch (see {@link GoldSeeding}). Gold items keep their ids,
     * so an id must not also name a regular item; they are stored whole and marked gold only in a column the
     * API never sends, and an annotator gets them like any other item of the batch.
     */
    public ImportedBatches importItems(String name, List<Item> items, int overlap, int batchSize, GoldSeeding gold) {
        if (items.isEmpty()) throw Refusal.invalid("the file holds no items");
        if (overlap < 1) throw Refusal.invalid(Refusal.Setting.OVERLAP, n -> n + ": expected at least 1, found " + overlap);
        if (batchSize < 1) throw Refusal.invalid(Refusal.Setting.BATCH_SIZE, n -> n + ": expected at least 1, found " + batchSize);
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw Refusal.invalid(Refusal.Setting.BATCH_NAME, n -> n + ": expected 1–64 letters, digits, '.', '_' or '-', found \"" + name + "\"");
        }
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (item.id().indexOf('\u0000') >= 0) {
                throw Refusal.invalid("item id: expected " + NUL_IN_ID + ", found \"" + JsonLines.visible(item.id()) + "\"");
            }
            if (!ids.add(item.id())) throw Refusal.invalid("item id " + item.id() + " appears twice in the file");
        }
        if (gold.active()) {
            if (!(gold.rate() > 0 && gold.rate() <= 1)) {
                throw Refusal.invalid(Refusal.Setting.GOLD_RATE, n -> n + ": expected a share above 0 and at most 1, found " + gold.rate());
            }
            Set<String> goldIds = new HashSet<>();
            for (Item g : gold.items()) {
                if (g.id().indexOf('\u0000') >= 0) {
                    throw Refusal.invalid("gold item id: expected " + NUL_IN_ID + ", found \"" + JsonLines.visible(g.id()) + "\"");
                }
                if (!goldIds.add(g.id())) throw Refusal.invalid("gold item id " + g.id() + " appears twice in the gold file");
                if (ids.contains(g.id())) {
                    throw Refusal.invalid("gold item id " + g.id() + " is also the id of a regular item: "
                            + "give gold items ids of their own (in the style of the regular ones, since annotators see ids)");
                }
                if (g.gold() == null || !g.gold().scorable()) {
                    throw Refusal.invalid("gold item " + g.id() + " has no gold answer the report can score "
                            + "(gold.preference, gold.direction, gold.correct or gold.first_error)");
                }
            }
        }
        GoldMixer mixer = new GoldMixer(gold, name);
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch WHERE source = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) throw Refusal.conflict("batch " + name + " was already imported");
                }
            }
            Map<String, Integer> load = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.name, (SELECT COUNT(*) FROM assignment s WHERE "
                    + "s.annotator = a.name) FROM annotator a WHERE a.revoked = 0 ORDER BY a.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) load.put(rs.getString(1), rs.getInt(2));
            }
            if (load.size() < overlap) {
                throw Refusal.about(Refusal.Reason.TOO_FEW_ANNOTATORS, Refusal.Setting.OVERLAP, n -> n + " " + overlap + " needs "
                        + overlap + " active annotators, the server has " + load.size());
            }
            String now = Instant.now().toString();
            int batches = (items.size() + batchSize - 1) / batchSize;
            int width = Math.max(3, String.valueOf(batches).length());
            // Who gets which batch comes first: the gold a batch may take depends on its annotators.
            Map<String, List<Item>> regularOf = new LinkedHashMap<>();
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (int b = 0; b < batches; b++) {
                String batchName = name + "-" + String.format("%0" + width + "d", b + 1);
                regularOf.put(batchName, items.subList(b * batchSize, Math.min(items.size(), (b + 1) * batchSize)));
                List<String> chosen = load.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .limit(overlap).map(Map.Entry::getKey).toList();
                chosen.forEach(a -> load.merge(a, 1, Integer::sum));
                out.put(batchName, chosen);
            }
            Map<String, Set<String>> goldReceived = gold.active() ? goldReceived(c) : new HashMap<>();
            if (gold.active()) checkGoldPool(gold, regularOf, out, goldReceived);
            Map<String, Integer> goldPerBatch = new LinkedHashMap<>();
            try (PreparedStatement batch = c.prepareStatement("INSERT INTO batch (name, source, created_at) VALUES (?, ?, ?)");
                 PreparedStatement item = c.prepareStatement("INSERT INTO item (batch, id, seq, body, seeded_gold) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement assign = c.prepareStatement(
                         "INSERT INTO assignment (batch, annotator, assigned_at) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, List<String>> e : out.entrySet()) {
                    String batchName = e.getKey();
                    List<String> chosen = e.getValue();
                    batch.setString(1, batchName);
                    batch.setString(2, name);
                    batch.setString(3, now);
                    batch.executeUpdate();
                    Set<String> seen = new HashSet<>();
                    for (String a : chosen) seen.addAll(goldReceived.getOrDefault(a, Set.of()));
                    GoldMixer.Mixed mixed = mixer.mix(batchName, regularOf.get(batchName), seen, chosen);
                    for (String a : chosen) goldReceived.computeIfAbsent(a, k -> new HashSet<>()).addAll(mixed.goldIds());
                    int seq = 0;
                    for (Item it : mixed.items()) {
                        item.setString(1, batchName);
                        item.setString(2, it.id());
                        item.setInt(3, ++seq);
                        item.setString(4, Json.write(ItemJson.write(it.withBatch(batchName))));
                        item.setInt(5, mixed.goldIds().contains(it.id()) ? 1 : 0);
                        item.addBatch();
                    }
                    goldPerBatch.put(batchName, mixed.goldIds().size());
                    item.executeBatch();
                    for (String annotator : chosen) {
                        assign.setString(1, batchName);
                        assign.setString(2, annotator);
                        assign.setString(3, now);
                        assign.executeUpdate();
                    }
                }
            }
            return new ImportedBatches(out, goldPerBatch);
        });
    }

    /** Each annotator's gold item ids so far, from every batch assigned to them (mutable sets). */
    private static Map<String, Set<String>> goldReceived(Connection c) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.annotator, i.id FROM item i JOIN assignment s ON s.batch = i.batch "
                + "WHERE i.seeded_gold = 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
        return out;
    }

    /**
     * No annotator may get the same gold item twice (a repeat would tell them it is gold), so each needs as
     * many different gold items as this import gives them, plus those of the pool they already received.
     * Refused before anything is stored when the pool is smaller than that for anyone.
     */
    private static void checkGoldPool(GoldSeeding gold, Map<String, List<Item>> regularOf, Map<String, List<String>> assigned,
                                      Map<String, Set<String>> received) {
        Set<String> poolIds = new HashSet<>();
        for (Item g : gold.items()) poolIds.add(g.id());
        Map<String, Integer> now = new LinkedHashMap<>();
        Map<String, Integer> batchesOf = new LinkedHashMap<>();
        assigned.forEach((batch, annotators) -> {
            for (String a : annotators) {
                now.merge(a, gold.countFor(regularOf.get(batch).size()), Integer::sum);
                batchesOf.merge(a, 1, Integer::sum);
            }
        });
        String worst = null;
        int needed = 0;
        int before = 0;
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            int had = (int) received.getOrDefault(e.getKey(), Set.of()).stream().filter(poolIds::contains).count();
            if (e.getValue() + had > needed) {
                worst = e.getKey();
                needed = e.getValue() + had;
                before = had;
            }
        }
        if (needed > gold.items().size()) {
            String tooFew = " gives " + worst + " " + (needed - before) + " gold items in " + batchesOf.get(worst) + " batch"
                    + (batchesOf.get(worst) == 1 ? "" : "es")
                    + (before > 0 ? " on top of the " + before + " of these gold items " + worst + " received in earlier imports" : "")
                    + ": the pool needs at least " + needed + " different gold items, the gold file has " + gold.items().size()
                    + ". Nothing was imported; give more gold items, a lower ";
            throw Refusal.invalid(Refusal.Setting.GOLD_RATE, n -> "gold pool too small: no annotator may receive the same gold item twice, and "
                    + n + " " + gold.rate() + tooFew + n + " or larger batches.");
        }
    }

    /** The batches one import made ({@code NAME-001}, …), in order; empty for an unknown import name. */
    public List<String> batchesOfImport(String importName) {
        return withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM batch WHERE source = ? ORDER BY name")) {
                ps.setString(1, importName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The batches assigned to an annotator, in creation order. */
    public List<AssignedBatch> assignedBatches(String annotator) {
        return withConnection(c -> {
            List<AssignedBatch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.batch, (SELECT COUNT(*) FROM item i WHERE i.batch = s.batch), "
                    + "s.completed_at FROM assignment s JOIN batch b ON b.name = s.batch WHERE s.annotator = ? "
                    + "ORDER BY b.created_at, b.name")) {
                ps.setString(1, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new AssignedBatch(rs.getString(1), rs.getInt(2), rs.getString(3) != null));
                }
            }
            return out;
        });
    }

    /**
     * The items of a batch as an annotator may see them: gold answers and prior labels removed.
     *
     * @throws Refusal 403 when the batch is not assigned to this annotator (whether or not it exists,
     *                      so names cannot be probed)
     */
    public List<Item> itemsFor(String annotator, String batch) {
        return withConnection(c -> {
            if (!isAssigned(c, batch, annotator)) {
                throw Refusal.forbidden("batch " + batch + " is not assigned to " + annotator);
            }
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ? ORDER BY seq")) {
                ps.setString(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(ItemJson.read(Json.parse(rs.getString(1)), batch, null).withoutHiddenLabels());
                }
            }
            return out;
        });
    }

    private static boolean isAssigned(Connection c, String batch, String annotator) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM assignment WHERE batch = ? AND annotator = ?")) {
            ps.setString(1, batch);
            ps.setString(2, annotator);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------- judgments

    /**
     * Stores judgment versions from one annotator in one transaction. A version already present with the
     * same content is accepted again (pushes are idempotent); with different content the whole request is
     * refused with 409. Judgments of another annotator, or on items not assigned to them, are refused with
     * 403. A judgment id belongs to one annotator and one item for ever (the first version received decides):
     * a version of it from anyone else is refused with 403, a version on another item with 409. Either way
     * nothing of the request is stored.
     */
    public PushReceipt push(String annotator, List<Judgment> judgments) {
        return push(annotator, judgments, JudgmentPlace.REQUEST);
    }

    /** The same, with errors naming each judgment by {@code where} ({@code FILE:LINE} for an ingest). */
    public PushReceipt push(String annotator, List<Judgment> judgments, JudgmentPlace where) {
        List<ReceivedJudgment> received = new ArrayList<>(judgments.size());
        for (Judgment j : judgments) received.add(new ReceivedJudgment(j, Json.write(JudgmentJson.write(j))));
        return pushReceived(annotator, received, where);
    }

    /**
     * {@link #push(String, List)} for versions that arrive as JSON text: each body is stored as received.
     * Two bodies of one version count as the same content when they spell the same judgment, so a client
     * that formats its JSON differently is not refused for it.
     */
    public PushReceipt pushReceived(String annotator, List<ReceivedJudgment> judgments) {
        return pushReceived(annotator, judgments, JudgmentPlace.REQUEST);
    }

    private PushReceipt pushReceived(String annotator, List<ReceivedJudgment> judgments, JudgmentPlace where) {
        Set<String> allowedBatches = new HashSet<>();
        Map<JudgmentKey, ReceivedJudgment> byKey = new LinkedHashMap<>();
        Map<JudgmentKey, Integer> indexOfKey = new HashMap<>();
        // each judgment id of the request with the index of its first version
        Map<UUID, Integer> firstOfId = new LinkedHashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        // Checks that need no database run before the transaction, so a queued push does them while the
        // previous one holds the connection.
        for (int i = 0; i < judgments.size(); i++) {
            ReceivedJudgment r = judgments.get(i);
            Judgment j = r.judgment();
            if (!j.annotator().equals(annotator)) {
                throw Refusal.forbidden(where.field(i, "annotator") + ": " + j.annotator() + " is not " + where.pusher() + ", " + annotator);
            }
            JudgmentKey key = new JudgmentKey(j.judgmentId(), j.version());
            ReceivedJudgment before = byKey.putIfAbsent(key, r);
            indexOfKey.putIfAbsent(key, i);
            if (before != null && !sameContent(before.body(), r.body(), j)) {
                throw Refusal.conflict(where.of(i) + ": judgment " + key.judgmentId() + " version " + key.version()
                        + " appears twice in the request with different content");
            }
            Integer first = firstOfId.putIfAbsent(j.judgmentId(), i);
            if (first != null) {
                Judgment f = judgments.get(first).judgment();
                if (!f.batch().equals(j.batch()) || !f.itemId().equals(j.itemId())) {
                    throw movedItem(where.field(i, "item_id"), j, f.batch(), f.itemId());
                }
            }
            touched.add(j.batch());
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT batch FROM assignment WHERE annotator = ?")) {
                ps.setString(1, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) allowedBatches.add(rs.getString(1));
                }
            }
            Map<String, Set<String>> itemsByBatch = new HashMap<>();
            try (PreparedStatement itemIds = c.prepareStatement("SELECT id FROM item WHERE batch = ?")) {
                for (String batch : touched) {
                    if (!allowedBatches.contains(batch)) continue;
                    Set<String> ids = new HashSet<>();
                    itemIds.setString(1, batch);
                    try (ResultSet rs = itemIds.executeQuery()) {
                        while (rs.next()) ids.add(rs.getString(1));
                    }
                    itemsByBatch.put(batch, ids);
                }
            }
            for (int i = 0; i < judgments.size(); i++) {
                Judgment j = judgments.get(i).judgment();
                Set<String> ids = itemsByBatch.get(j.batch());
                if (ids == null) throw Refusal.forbidden(where.field(i, "batch") + ": " + j.batch() + " is not assigned to " + annotator);
                if (!ids.contains(j.itemId())) {
                    throw Refusal.forbidden(where.field(i, "item_id") + ": " + j.itemId() + " is not in batch " + j.batch());
                }
            }
            checkRankings(c, judgments, where);
            claimJudgmentIds(c, annotator, judgments, firstOfId, where);
            String now = Instant.now().toString();
            List<JudgmentKey> keys = new ArrayList<>(byKey.keySet());
            int[] counts;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO judgment (judgment_id, version, batch, item_id, annotator, "
                    + "body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (judgment_id, version) DO NOTHING")) {
                for (JudgmentKey key : keys) {
                    ReceivedJudgment r = byKey.get(key);
                    ins.setString(1, key.judgmentId().toString());
                    ins.setInt(2, key.version());
                    ins.setString(3, r.judgment().batch());
                    ins.setString(4, r.judgment().itemId());
                    ins.setString(5, annotator);
                    ins.setString(6, r.body());
                    ins.setString(7, now);
                    ins.addBatch();
                }
                counts = ins.executeBatch();
            }
            int inserted = 0;
            int duplicates = 0;
            try (PreparedStatement sel = c.prepareStatement("SELECT body, annotator FROM judgment WHERE judgment_id = ? AND version = ?")) {
                for (int k = 0; k < keys.size(); k++) {
                    // A driver that reports no per-row count makes a new row look like a duplicate: the body
                    // check below still holds, only the inserted/duplicate split is then approximate.
                    if (counts[k] > 0) {
                        inserted++;
                        continue;
                    }
                    JudgmentKey key = keys.get(k);
                    ReceivedJudgment r = byKey.get(key);
                    sel.setString(1, key.judgmentId().toString());
                    sel.setInt(2, key.version());
                    try (ResultSet rs = sel.executeQuery()) {
                        if (!rs.next()) throw new SQLException("judgment " + key + " vanished during the push");
                        if (!rs.getString(2).equals(annotator)) {
                            throw Refusal.forbidden(where.of(indexOfKey.get(key)) + ": judgment " + key.judgmentId()
                                    + " belongs to another annotator");
                        }
                        if (!sameContent(rs.getString(1), r.body(), r.judgment())) {
                            throw Refusal.conflict(where.of(indexOfKey.get(key)) + ": judgment " + key.judgmentId() + " version " + key.version()
                                    + " is already on the server with different content");
                        }
                    }
                    duplicates++;
                }
            }
            List<String> completed = new ArrayList<>();
            for (String batch : touched) {
                if (completeIfDone(c, batch, annotator, now)) completed.add(batch);
            }
            return new PushReceipt(keys, inserted, duplicates, completed);
        });
    }

    /**
     * Records the owner of each new judgment id and checks the known ones: another annotator's id is refused
     * with 403 (without naming them), a version that would move the judgment to another item with 409. The
     * primary key decides between two pushes of one new id at the same moment: the second waits, finds the
     * first one's row, and is checked against it.
     */
    private static void claimJudgmentIds(Connection c, String annotator, List<ReceivedJudgment> judgments,
                                         Map<UUID, Integer> firstOfId, JudgmentPlace where) throws SQLException {
        List<Integer> firsts = new ArrayList<>(firstOfId.values());
        int[] counts;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO judgment_owner (judgment_id, annotator, batch, item_id) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (judgment_id) DO NOTHING")) {
            for (int i : firsts) {
                Judgment j = judgments.get(i).judgment();
                ins.setString(1, j.judgmentId().toString());
                ins.setString(2, annotator);
                ins.setString(3, j.batch());
                ins.setString(4, j.itemId());
                ins.addBatch();
            }
            counts = ins.executeBatch();
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT annotator, batch, item_id FROM judgment_owner WHERE judgment_id = ?")) {
            for (int k = 0; k < firsts.size(); k++) {
                if (counts[k] > 0) continue; // claimed by this request just now
                int i = firsts.get(k);
                Judgment j = judgments.get(i).judgment();
                sel.setString(1, j.judgmentId().toString());
                try (ResultSet rs = sel.executeQuery()) {
                    if (!rs.next()) throw new SQLException("the owner of judgment " + j.judgmentId() + " vanished during the push");
                    if (!rs.getString(1).equals(annotator)) {
                        throw Refusal.forbidden(where.field(i, "judgment_id") + ": judgment " + j.judgmentId()
                                + " belongs to another annotator; a new judgment needs a new id");
                    }
                    if (!rs.getString(2).equals(j.batch()) || !rs.getString(3).equals(j.itemId())) {
                        throw movedItem(where.field(i, "item_id"), j, rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
    }

    /**
     * A ranking must order exactly the responses of its item, so that every export and statistic can take
     * it at its word; only the items that ranking judgments name are read.
     */
    private static void checkRankings(Connection c, List<ReceivedJudgment> judgments, JudgmentPlace where) throws SQLException {
        Map<String, List<String>> responseIds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item WHERE batch = ? AND id = ?")) {
            for (int i = 0; i < judgments.size(); i++) {
                Judgment j = judgments.get(i).judgment();
                if (j.ranking() == null) continue;
                List<String> ids = responseIds.get(j.batch() + "\n" + j.itemId());
                if (ids == null) {
                    ps.setString(1, j.batch());
                    ps.setString(2, j.itemId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new SQLException("item " + j.batch() + "/" + j.itemId() + " vanished during the push");
                        ids = ItemJson.read(Json.parse(rs.getString(1)), j.batch(), null).responses().stream()
                                .map(org.arbiter.model.Response::id).toList();
                    }
                    responseIds.put(j.batch() + "\n" + j.itemId(), ids);
                }
                if (!j.ranking().covers(ids)) {
                    throw Refusal.invalid(where.field(i, "ranking") + ": the order must name each response of item " + j.itemId()
                            + " once (" + String.join(", ", ids) + "), found " + String.join(", ", j.ranking().responses()));
                }
            }
        }
    }

    private static Refusal movedItem(String field, Judgment j, String batch, String itemId) {
        return Refusal.conflict(field + ": judgment " + j.judgmentId() + " is on item " + itemId + " of batch " + batch
                + "; version " + j.version() + " puts it on item " + j.itemId() + " of batch " + j.batch()
                + " (a judgment id stays on one item: a judgment of another item needs a new id)");
    }

    /**
     * SQL condition on the judgment row {@code j}: it is the newest version its owner pushed. Versions that
     * another annotator added before ownership was enforced (or that moved to another item) do not count.
     */
    static String currentVersion(String j) {
        return "EXISTS (SELECT 1 FROM judgment_owner o WHERE o.judgment_id = " + j + ".judgment_id AND o.annotator = " + j
                + ".annotator AND o.batch = " + j + ".batch AND o.item_id = " + j + ".item_id) AND " + j
                + ".version = (SELECT MAX(k.version) FROM judgment k WHERE k.judgment_id = " + j + ".judgment_id AND k.annotator = "
                + j + ".annotator AND k.batch = " + j + ".batch AND k.item_id = " + j + ".item_id)";
    }

    /** Equal text is the same content; otherwise the stored body is read and compared as a judgment. */
    private static boolean sameContent(String storedBody, String body, Judgment judgment) {
        if (storedBody.equals(body)) return true;
        try {
            return JudgmentJson.read(Json.parse(storedBody)).equals(judgment);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Marks the annotator's assignment complete when each item of the batch has a judgment of theirs. */
    private static boolean completeIfDone(Connection c, String batch, String annotator, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT completed_at FROM assignment WHERE batch = ? AND annotator = ?")) {
            ps.setString(1, batch);
            ps.setString(2, annotator);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) != null) return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item i WHERE i.batch = ? AND NOT EXISTS "
                + "(SELECT 1 FROM judgment j WHERE j.batch = i.batch AND j.item_id = i.id AND j.annotator = ?)")) {
            ps.setString(1, batch);
            ps.setString(2, annotator);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE assignment SET completed_at = ? WHERE batch = ? AND annotator = ?")) {
            ps.setString(1, now);
            ps.setString(2, batch);
            ps.setString(3, annotator);
            ps.executeUpdate();
        }
        return true;
    }

    /** Every stored version, for checks and tests: key → annotator. */
    public Map<JudgmentKey, String> judgmentKeys() {
        return withConnection(c -> {
            Map<JudgmentKey, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT judgment_id, version, annotator FROM judgment");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(new JudgmentKey(java.util.UUID.fromString(rs.getString(1)), rs.getInt(2)), rs.getString(3));
            }
            return out;
        });
    }

    /** Every item with its gold and prior labels: for the lab's own reports, never for an annotator. */
    public List<Item> allItems() {
        return withConnection(c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM item ORDER BY batch, seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(ItemJson.read(Json.parse(rs.getString(1)), null, null));
            }
            return out;
        });
    }

    /** The newest version of every judgment. */
    public List<Judgment> currentJudgments() {
        return withConnection(c -> {
            List<Judgment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.body FROM judgment j WHERE " + currentVersion("j")
                    + " ORDER BY j.received_at, j.judgment_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(JudgmentJson.read(Json.parse(rs.getString(1))));
            }
            return out;
        });
    }

    public ServerStatus status() {
        return withConnection(c -> new ServerStatus(
                count(c, "SELECT COUNT(*) FROM item"),
                count(c, "SELECT COUNT(*) FROM batch"),
                count(c, "SELECT COUNT(*) FROM batch b WHERE EXISTS (SELECT 1 FROM assignment s WHERE s.batch = b.name) "
                        + "AND NOT EXISTS (SELECT 1 FROM assignment s WHERE s.batch = b.name AND s.completed_at IS NULL)"),
                count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT annotator, batch, item_id FROM judgment) t"),
                count(c, "SELECT COUNT(*) FROM judgment"),
                count(c, "SELECT COUNT(*) FROM annotator WHERE revoked = 0"),
                count(c, "SELECT COUNT(*) FROM assignment"),
                count(c, "SELECT COUNT(*) FROM assignment WHERE completed_at IS NOT NULL")));
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    // ---------------------------------------------------------------- plumbing

    <T> T withConnection(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("server database: " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("server database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}

package org.arbiter.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: numbered SQL scripts applied in order, each in its own transaction, with
 * the applied versions recorded in {@code schema_version}. Hand-rolled rather than Flyway because the app
 * opens its store on every start and Flyway's class loading alone would eat the cold-start budget.
 */
public final class Migrations {
    private final String folder;
    private final List<String> scripts;

    /**
     * @param folder  classpath folder of the scripts
     * @param scripts file names in order; the version is the number after the leading V
     */
    public Migrations(String folder, List<String> scripts) {
        this.folder = folder;
        this.scripts = List.copyOf(scripts);
    }

    public static final Migrations LOCAL = new Migrations("/org/arbiter/store/migrations/", List.of("V1__local.sql"));

    /** Applies what is missing; returns the schema version now in force. */
    public int apply(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            c.commit();
            int current = current(c);
            int latest = current;
            for (String script : scripts) {
                int version = versionOf(script);
                latest = Math.max(latest, version);
                if (version <= current) continue;
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(script))) s.execute(sql);
                    s.execute("INSERT INTO schema_version (version, script, applied_at) VALUES (" + version + ", '"
                            + script + "', '" + Instant.now() + "')");
                }
                c.commit();
            }
            if (current > latest) {
                throw new StoreException("the store has schema version " + current
                        + " but this Arbiter knows only up to " + latest + ": it was written by a newer Arbiter");
            }
            return Math.max(current, latest);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(folder + script)) {
            if (in == null) throw new StoreException("migration script missing from the build: " + folder + script);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + script, e);
        }
    }

    /** Splits a script on semicolons at line ends; comments are dropped. Scripts hold no triggers. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(cur.toString().strip().replaceAll(";$", ""));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}

package org.arbiter.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.sqlite.SQLiteException;

/**
 * Typeset formulas kept on disk beside the store ({@code <store>.formulas}), keyed by (TeX, display mode) for one
 * engine version: a formula drawn once is never typeset again, after a restart either. A lookup here costs about a
 * tenth of typesetting the formula, and it runs off the JavaFX thread, where KaTeX runs; so the window's cache in
 * the heap can stay small without going back or a restart paying for it.
 *
 * <p>A separate file with its own connection, not a table of the store: its writes never wait on, or delay, the
 * fsynced commit of a judgment, and losing it loses nothing (it is only ever a cache). Hence WAL with
 * {@code synchronous=NORMAL}, and a file SQLite cannot read is deleted and made anew. Private to its owner like the
 * store, since formulas are the items' text. Bounded: at open, the oldest half goes while the file uses more than
 * {@link #MAX_BYTES}; rows of another engine version are dropped.
 */
public final class FormulaFile implements AutoCloseable {
    /** A formula as asked for. */
    public record Formula(String tex, boolean display) {
    }

    /** What the engine made of it: HTML, or its error message. */
    public record Drawn(String html, String error) {
    }

    /** The bound on the file's used pages: 64 MB, some 20,000 formulas of this corpus's size. */
    static final long MAX_BYTES = 64L << 20;

    private final Path file;
    private final Connection connection;
    private final String version;

    private FormulaFile(Path file, Connection connection, String version) {
        this.file = file;
        this.connection = connection;
        this.version = version;
    }

    /** Where the formulas of the store at {@code store} are kept. */
    public static Path beside(Path store) {
        return store.resolveSibling(store.getFileName() + ".formulas");
    }

    /**
     * Opens (creating) the formula file beside {@code store} for output of engine {@code version}.
     *
     * @param warnings gets a line when the file was unreadable and made anew, or had to be made private
     */
    public static FormulaFile openBeside(Path store, String version, Consumer<String> warnings) {
        return openBeside(store, version, MAX_BYTES, warnings);
    }

    /** As above with the bound given (tests). */
    static FormulaFile openBeside(Path store, String version, long maxBytes, Consumer<String> warnings) {
        Path file = beside(store);
        try {
            return open(file, version, maxBytes, warnings);
        } catch (StoreException unreadable) {
            // A folder that cannot be made is not the file's fault: only what SQLite refused to read is made anew.
            if (!(unreadable.getCause() instanceof SQLException)) throw unreadable;
            // Only a cache: start again rather than draw without one for the rest of the session.
            // Short: it lands on the window's status line, beside the item counter, and asks nothing of the expert.
            warnings.accept("the formula cache " + file.getFileName() + " could not be read (" + reason((SQLException) unreadable.getCause())
                    + "); it was made anew, nothing is lost");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    throw new StoreException("cannot delete the unreadable formula cache " + file + ": " + e.getMessage(), e);
                }
            }
            return open(file, version, maxBytes, warnings);
        }
    }

    /** SQLite's own words for what went wrong, without the driver's code and repetition. */
    private static String reason(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode().message.toLowerCase(java.util.Locale.ROOT) : e.getMessage();
    }

    private static FormulaFile open(Path file, String version, long maxBytes, Consumer<String> warnings) {
        try {
            new OwnerOnlyFiles(StorePaths.dataDirectory(), warnings).prepare(file);
        } catch (IOException e) {
            throw new StoreException("cannot create the formula cache " + file + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                // id is the order formulas were kept in, which the bound drops oldest first.
                s.execute("CREATE TABLE IF NOT EXISTS formula (id INTEGER PRIMARY KEY, version TEXT NOT NULL, display INTEGER NOT NULL,"
                        + " tex TEXT NOT NULL, html TEXT, error TEXT, UNIQUE (version, display, tex))");
                try (PreparedStatement p = c.prepareStatement("DELETE FROM formula WHERE version <> ?")) {
                    p.setString(1, version);
                    p.executeUpdate();
                }
            }
            FormulaFile f = new FormulaFile(file, c, version);
            f.bound(maxBytes);
            return f;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // The open failed already; that error is the one to report.
                }
            }
            throw new StoreException(e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Halves the file, oldest kept first, until it uses at most {@code maxBytes} of pages: page counts, not a
     * scan of the text, so the bound costs nothing at open. Freed pages are reused by later formulas.
     */
    private void bound(long maxBytes) throws SQLException {
        try (Statement s = connection.createStatement()) {
            while (pragma(s, "page_count") - pragma(s, "freelist_count") > maxBytes / pragma(s, "page_size")) {
                long rows;
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM formula")) {
                    rows = r.getLong(1);
                }
                if (rows == 0) return;
                // Oldest kept, not least recently read: exact recency would cost a write per read.
                s.executeUpdate("DELETE FROM formula WHERE id IN (SELECT id FROM formula ORDER BY id LIMIT " + Math.max(1, rows / 2) + ")");
            }
        }
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.getLong(1);
        }
    }

    /** The formulas of {@code wanted} drawn before; absent ones are not in the map. */
    public synchronized Map<Formula, Drawn> find(List<Formula> wanted) {
        Map<Formula, Drawn> found = new HashMap<>();
        if (wanted.isEmpty()) return found;
        try (PreparedStatement p = connection.prepareStatement("SELECT html, error FROM formula WHERE version = ? AND display = ? AND tex = ?")) {
            for (Formula f : wanted) {
                p.setString(1, version);
                p.setInt(2, f.display() ? 1 : 0);
                p.setString(3, f.tex());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) found.put(f, new Drawn(r.getString(1), r.getString(2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot read the formula cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps newly drawn formulas, all in one transaction. */
    public synchronized void keep(Map<Formula, Drawn> drawn) {
        if (drawn.isEmpty()) return;
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO formula (version, display, tex, html, error) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Formula, Drawn> e : drawn.entrySet()) {
                    p.setString(1, version);
                    p.setInt(2, e.getKey().display() ? 1 : 0);
                    p.setString(3, e.getKey().tex());
                    p.setString(4, e.getValue().html());
                    p.setString(5, e.getValue().error());
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The write failed already; the cache just misses these formulas next time.
            }
            throw new StoreException("cannot write the formula cache " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // Only reached after a failed write, reported above.
            }
        }
    }

    /** Formulas held (tests, the benchmark). */
    public synchronized long size() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM formula")) {
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Only a cache; nothing to lose.
        }
    }
}

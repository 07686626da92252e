package org.arbiter.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The annotator's SQLite file. One connection, guarded by this object's monitor: SQLite has one writer at
 * a time anyway, and a single connection makes "committed before the UI moves on" easy to reason about.
 *
 * <p>WAL with {@code synchronous=FULL}: every commit is fsynced, so a submitted judgment survives kill -9
 * and power loss (NORMAL would only survive the former).
 */
public final class LocalStore implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final ItemRepository items;
    private final JudgmentRepository judgments;
    private final DraftRepository drafts;
    private final SettingsRepository settings;
    private final SkipRepository skips;
    private final BatchRepository batchConfigs;
    private final Outbox outbox;

    private LocalStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.items = new ItemRepository(this);
        this.judgments = new JudgmentRepository(this);
        this.outbox = new Outbox(this);
        this.drafts = new DraftRepository(this);
        this.settings = new SettingsRepository(this);
        this.skips = new SkipRepository(this);
        this.batchConfigs = new BatchRepository(this);
    }

    /** Opens a store; a store that had to be made private again is tightened silently (see the overload). */
    public static LocalStore open(Path file) {
        return open(file, warning -> { });
    }

    /**
     * Opens (creating and migrating) the store at {@code file}, made readable by its owner only (it holds the
     * server token): {@code warnings} gets a line for each file whose mode had to be tightened.
     */
    public static LocalStore open(Path file, Consumer<String> warnings) {
        try {
            new OwnerOnlyFiles(StorePaths.dataDirectory(), warnings).prepare(file);
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.LOCAL.apply(c);
            c.setAutoCommit(true);
            return new LocalStore(file, c);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public ItemRepository items() {
        return items;
    }

    public JudgmentRepository judgments() {
        return judgments;
    }

    public DraftRepository drafts() {
        return drafts;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public SkipRepository skips() {
        return skips;
    }

    /** The judgment versions not yet confirmed by the lab server, and their receipts. */
    public Outbox outbox() {
        return outbox;
    }

    public BatchRepository batchConfigs() {
        return batchConfigs;
    }

    /** Work on the raw connection, under the store's lock: for the repositories, never for callers outside the store. */
    <T> T withConnection(SqlWork<T> work) {
        synchronized (this) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction through the repositories' {@link Transaction} methods: all of it is
     * committed, or none of it (an exception from {@code work} rolls back and is rethrown).
     */
    public <T> T inTransaction(Work<T> work) {
        return sqlTransaction(c -> work.run(new Transaction(c)));
    }

    /** Runs {@code work} in one transaction on the raw connection: all of it is committed, or none of it. */
    <T> T sqlTransaction(SqlWork<T> work) {
        synchronized (this) {
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close " + file, e);
            }
        }
    }

    /** Work done in one transaction of the store. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Transaction tx);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

package org.arbiter.store;

import java.sql.Statement;

/** Faults a test can put into a real store: the store's own connection, reached from inside its package. */
public final class StoreFaults {
    private StoreFaults() {
    }

    /**
     * SQLite refuses every write as it does on a read-only file (SQLITE_READONLY), until switched back. Changing
     * file permissions would not do: an open WAL connection keeps writing.
     */
    public static void readOnly(LocalStore store, boolean on) {
        store.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
            }
            return null;
        });
    }

}

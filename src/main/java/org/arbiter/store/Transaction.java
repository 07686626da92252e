package org.arbiter.store;

import java.sql.Connection;

/**
 * One all-or-nothing unit of work on the local store, handed out by {@link LocalStore#inTransaction}: an imported
 * file, a pulled batch. Repositories take it; the connection inside never leaves the store.
 */
public final class Transaction {
    final Connection connection;

    Transaction(Connection connection) {
        this.connection = connection;
    }
}

package org.arbiter.server;

class SqliteServerApiTest extends ServerApiContract {
    @Override
    boolean postgres() {
        return false;
    }
}

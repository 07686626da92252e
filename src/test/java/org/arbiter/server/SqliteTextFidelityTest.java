package org.arbiter.server;

class SqliteTextFidelityTest extends TextFidelityContract {
    @Override
    boolean postgres() {
        return false;
    }
}

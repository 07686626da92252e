package org.arbiter.server;

class PostgresTextFidelityTest extends TextFidelityContract {
    @Override
    boolean postgres() {
        return true;
    }
}

package org.arbiter.server;

class SqliteGoldSeedingTest extends GoldSeedingContract {
    @Override
    boolean postgres() {
        return false;
    }
}

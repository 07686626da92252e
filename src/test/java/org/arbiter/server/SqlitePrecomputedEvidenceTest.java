package org.arbiter.server;

class SqlitePrecomputedEvidenceTest extends PrecomputedEvidenceContract {
    @Override
    boolean postgres() {
        return false;
    }
}

package org.arbiter.server;

class SqliteEvidenceRoundTripTest extends EvidenceRoundTripContract {
    @Override
    boolean postgres() {
        return false;
    }
}

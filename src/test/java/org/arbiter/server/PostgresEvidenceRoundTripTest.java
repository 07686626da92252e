package org.arbiter.server;

class PostgresEvidenceRoundTripTest extends EvidenceRoundTripContract {
    @Override
    boolean postgres() {
        return true;
    }
}

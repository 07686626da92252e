package org.arbiter.server;

/** The same on a real PostgreSQL; skipped (with the reason) when ARBITER_TEST_PG_URL is not set. */
class PostgresPrecomputedEvidenceTest extends PrecomputedEvidenceContract {
    @Override
    boolean postgres() {
        return true;
    }
}

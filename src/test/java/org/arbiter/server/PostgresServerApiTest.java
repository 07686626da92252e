package org.arbiter.server;

/** The same contract on a real PostgreSQL; skipped (with the reason) when ARBITER_TEST_PG_URL is not set. */
class PostgresServerApiTest extends ServerApiContract {
    @Override
    boolean postgres() {
        return true;
    }
}

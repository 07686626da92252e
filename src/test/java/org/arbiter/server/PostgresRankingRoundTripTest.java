package org.arbiter.server;

class PostgresRankingRoundTripTest extends RankingRoundTripContract {
    @Override
    boolean postgres() {
        return true;
    }
}

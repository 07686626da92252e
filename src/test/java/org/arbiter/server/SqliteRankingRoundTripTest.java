package org.arbiter.server;

class SqliteRankingRoundTripTest extends RankingRoundTripContract {
    @Override
    boolean postgres() {
        return false;
    }
}

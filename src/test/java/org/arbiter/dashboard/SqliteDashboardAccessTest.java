package org.arbiter.dashboard;

class SqliteDashboardAccessTest extends DashboardAccessContract {
    @Override
    boolean postgres() {
        return false;
    }
}

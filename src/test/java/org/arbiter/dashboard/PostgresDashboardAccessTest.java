package org.arbiter.dashboard;

class PostgresDashboardAccessTest extends DashboardAccessContract {
    @Override
    boolean postgres() {
        return true;
    }
}

package org.arbiter.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncBenchmarkTest {
    @Test
    void theBenchmarkPushesEveryVersionAndReportsARate() {
        int n = Integer.getInteger("arbiter.bench.sync", 12_000);
        SyncBenchmark.Result r = SyncBenchmark.run(n);
        System.out.println(r.summary());
        assertThat(r.judgments()).isEqualTo(n);
        assertThat(r.perSecond()).isPositive();
    }
}

package org.arbiter.bench;

import java.lang.management.ManagementFactory;

import org.arbiter.app.StartupTrace;

/**
 * The trace {@code app --exit-when-ready} runs with: each phase and the first pair drawn, as milliseconds since the
 * JVM started, one line each on stdout, which {@link AppBenchmark}'s cold start reads from the child JVM.
 */
public final class ColdStartTrace implements StartupTrace {
    @Override
    public void phase(String name) {
        System.out.println("phase " + name + "=" + sinceJvmStart());
    }

    @Override
    public void ready() {
        System.out.println("ready_ms=" + sinceJvmStart());
    }

    @Override
    public boolean closeWhenReady() {
        return true;
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}

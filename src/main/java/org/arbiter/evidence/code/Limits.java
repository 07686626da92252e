package org.arbiter.evidence.code;

import java.time.Duration;

/**
 * Resource limits of one sandboxed step (a compile or a run).
 *
 * @param memoryBytes RLIMIT_DATA, not RLIMIT_AS: the JVM and V8 reserve gigabytes of address space they never
 *                    touch, so an address-space cap small enough to matter breaks them; the data limit counts
 *                    only writable private memory (heap, anonymous mappings, thread stacks), which is what an
 *                    8 GiB allocation needs
 * @param processes   RLIMIT_NPROC, threads included. The sandbox has its own user namespace, where the kernel
 *                    counts only the sandbox's processes against it, not the user's whole desktop
 * @param keptOutputBytes how much of stdout and of stderr is kept for the verdict's excerpt
 * @param maxOutputBytes  a step writing more than this in all is stopped (2 GB on stdout must not be read in full)
 */
public record Limits(Duration wall, int cpuSeconds, long memoryBytes, int processes, long fileBytes,
                     int keptOutputBytes, long maxOutputBytes) {
    static final long MIB = 1L << 20;

    public static Limits of(Duration wall, int cpuSeconds, long memoryMiB, int processes) {
        return new Limits(wall, cpuSeconds, memoryMiB * MIB, processes, 64 * MIB, 64 * 1024, 8 * MIB);
    }

    public Limits withWall(Duration newWall, int newCpuSeconds) {
        return new Limits(newWall, newCpuSeconds, memoryBytes, processes, fileBytes, keptOutputBytes, maxOutputBytes);
    }
}

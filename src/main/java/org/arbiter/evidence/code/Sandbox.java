package org.arbiter.evidence.code;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one command under bubblewrap: new user, PID, network, IPC, UTS and cgroup namespaces (so no network,
 * and every process of the run dies with it), the system directories read-only, the work directory the only
 * writable place, /tmp an empty tmpfs, no home, no /run, no other user file, a cleared environment and no
 * capabilities. Limits are set by {@code prlimit} inside the sandbox, so they bind the command and every
 * process it starts. Never runs anything unconfined: if bubblewrap cannot start, the step fails with its
 * message and the caller reports {@code not_run}.
 */
public final class Sandbox {
    /** Where the work directory appears inside the sandbox. */
    public static final String WORK = "/sandbox";
    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    /** The only pieces of /etc toolchains read: alternatives symlinks (java, javac), the JDK's config, ld.so. */
    private static final List<String> ETC_PIECES = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/localtime");
    /** A user with no files: when Arbiter runs as root, the sandbox must not (root ignores RLIMIT_NPROC). */
    static final int NOBODY = 65534;

    private final Path bwrap;
    private final Path prlimit;
    private final Path setpriv;
    private final boolean runningAsRoot;

    /**
     * @param setpriv used only when running as root, to drop to the user nobody before bubblewrap starts
     */
    public Sandbox(Path bwrap, Path prlimit, Path setpriv, boolean runningAsRoot) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.runningAsRoot = runningAsRoot;
    }

    public boolean runningAsRoot() {
        return runningAsRoot;
    }

    /** Prepares a fresh work directory for a run as the sandbox's user. */
    public void claim(Path workDir) throws IOException {
        if (!runningAsRoot) return;
        try (var files = Files.walk(workDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
    }

    /**
     * Runs {@code command} in {@code workDir} (seen as {@link #WORK}), with {@code env} as the whole environment
     * and {@code extraReadOnly} (toolchains outside the system directories) visible read-only.
     */
    public SandboxResult run(Path workDir, List<String> command, Limits limits, Map<String, String> env,
                             List<Path> extraReadOnly) throws IOException, InterruptedException {
        List<String> argv = commandLine(workDir, command, limits, env, extraReadOnly);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long start = System.nanoTime();
        Process process = pb.start();
        AtomicLong written = new AtomicLong();
        CappedReader out = new CappedReader(process.getInputStream(), limits, written, process);
        CappedReader err = new CappedReader(process.getErrorStream(), limits, written, process);
        out.start();
        err.start();
        boolean timedOut = false;
        try {
            if (!process.waitFor(limits.wall().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(process);
                process.waitFor();
            }
            out.join();
            err.join();
        } finally {
            if (process.isAlive()) {
                kill(process);
                out.interrupt();
                err.interrupt();
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        boolean outputLimited = written.get() > limits.maxOutputBytes();
        return new SandboxResult(process.exitValue(), out.text(), err.text(), timedOut && !outputLimited, outputLimited, ms);
    }

    /** Killing bubblewrap kills the sandbox's PID 1 (--die-with-parent), and with it every process inside. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    List<String> commandLine(Path workDir, List<String> command, Limits limits, Map<String, String> env,
                             List<Path> extraReadOnly) {
        List<String> a = new ArrayList<>();
        if (runningAsRoot) {
            a.addAll(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        a.add(bwrap.toString());
        a.addAll(List.of("--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--clearenv", "--hostname", "sandbox"));
        for (String dir : SYSTEM_DIRS) bindSystem(a, Path.of(dir));
        for (String piece : ETC_PIECES) {
            if (Files.exists(Path.of(piece))) a.addAll(List.of("--ro-bind", piece, piece));
        }
        try (var etc = Files.newDirectoryStream(Path.of("/etc"), "java-*")) {
            for (Path p : etc) a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        } catch (IOException e) {
            // no JDK config in /etc: nothing to bind
        }
        for (Path p : extraReadOnly) a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--bind", workDir.toString(), WORK, "--chdir", WORK));
        for (Map.Entry<String, String> e : env.entrySet()) a.addAll(List.of("--setenv", e.getKey(), e.getValue()));
        a.addAll(List.of("--", prlimit.toString(),
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
                "--data=" + limits.memoryBytes(),
                "--nproc=" + limits.processes(),
                "--fsize=" + limits.fileBytes(),
                "--core=0",
                "--"));
        a.addAll(command);
        return a;
    }

    private static void bindSystem(List<String> a, Path dir) {
        if (Files.isSymbolicLink(dir)) {
            try {
                a.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
            } catch (IOException e) {
                // an unreadable link is left out of the sandbox
            }
        } else if (Files.isDirectory(dir)) {
            a.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
    }

    /** Keeps the first bytes of a stream and discards the rest; stops the run when the total gets too large. */
    private static final class CappedReader extends Thread {
        private final InputStream in;
        private final Limits limits;
        private final AtomicLong written;
        private final Process process;
        private final byte[] kept;
        private int keptLength;

        CappedReader(InputStream in, Limits limits, AtomicLong written, Process process) {
            this.in = in;
            this.limits = limits;
            this.written = written;
            this.process = process;
            this.kept = new byte[limits.keptOutputBytes()];
            setDaemon(true);
            setName("sandbox-output");
        }

        @Override
        public void run() {
            byte[] buf = new byte[16 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        int take = Math.min(n, kept.length - keptLength);
                        System.arraycopy(buf, 0, kept, keptLength, take);
                        keptLength += take;
                    }
                    if (written.addAndGet(n) > limits.maxOutputBytes()) {
                        kill(process);
                        return;
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read is kept
            }
        }

        synchronized String text() {
            return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
        }
    }
}

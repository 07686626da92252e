package org.arbiter.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code arbiter}: with no command it opens the workstation window. */
@Command(name = "arbiter", mixinStandardHelpOptions = true, version = "Arbiter 0.1.0",
        description = "Offline workstation for expert judgments of AI response pairs.",
        subcommands = {
                AppCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                ItemsCommand.class,
                RenderCheckCommand.class,
                BenchCommand.class,
                ServeCommand.class,
                ServerCommand.class,
                LoginCommand.class,
                SyncCommand.class,
                VerifyCommand.class,
        })
public final class ArbiterCommand implements Runnable {
    /** Data errors (bad input files, failed checks). Usage errors are picocli's 2. */
    public static final int DATA_ERROR = 1;

    /** Plain {@code arbiter} is what an annotator double-clicks: the workstation with default options. */
    @Override
    public void run() {
        commandLine().execute("app");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ArbiterCommand());
        cl.setOut(StdoutWriter.ofProcess());
        cl.setExecutionExceptionHandler((ex, line, parse) -> LastResort.forCommand(parse).report(ex, line.getErr()));
        return cl;
    }

    public static int run(String... args) {
        CommandLine cl = commandLine();
        // from here on, a failure on another thread is logged beside the store this command line names
        reportUncaughtFailures(() -> LastResort.forCommand(cl.getParseResult()));
        return execute(cl, args);
    }

    /** For tests: runs a command with its output captured. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return execute(cl, args);
    }

    /** picocli hands Exceptions to the handler above but lets Errors (OutOfMemoryError) through: caught here. */
    private static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return LastResort.forCommand(cl.getParseResult()).report(t, cl.getErr());
        }
    }

    /** Threads other than main (the window's, background sync) report a failure in one line, not a trace. */
    public static void reportUncaughtFailures() {
        reportUncaughtFailures(LastResort::forUser);
    }

    private static void reportUncaughtFailures(java.util.function.Supplier<LastResort> lastResort) {
        PrintWriter err = new PrintWriter(System.err, true);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            lastResort.get().uncaught(thread, failure, err);
            // after a VirtualMachineError the JVM's state is unknown: stop rather than go on half-broken
            if (failure instanceof VirtualMachineError) Runtime.getRuntime().halt(LastResort.INTERNAL_ERROR);
        });
    }
}

package org.arbiter.cli;

import java.io.PrintWriter;

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
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("arbiter: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return DATA_ERROR;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** For tests: runs a command with its output captured. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}

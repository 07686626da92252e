package org.arbiter.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code arbiter verify} and {@code arbiter server verify} share: how the checks run and print. */
final class VerifyOptions {
    @Option(names = "--json", description = "JSON lines: {item, response, kind, verdict, tests_passed, tests_total, detail, ms}, then the summary.")
    boolean json;

    @Option(names = "--jobs", paramLabel = "N", description = "Checks run at once (default: the number of cores).")
    Integer jobs;

    /** The PATH toolchains are taken from; tests pin it to the system's. */
    @Option(names = "--toolchain-path", hidden = true)
    String toolchainPath = System.getenv("PATH");

    /** The run these options ask for; a --jobs below 1 is a usage error of {@code cl}. */
    VerifyRun run(CommandLine cl, PrintWriter out, PrintWriter err) {
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) throw new CommandLine.ParameterException(cl, "--jobs must be at least 1");
        return new VerifyRun(parallel, toolchainPath, json, out, err);
    }
}

package org.arbiter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.logic.importer.ImportError;
import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.logic.importer.ImportOptions;
import org.arbiter.logic.importer.ItemReader;
import org.arbiter.model.Item;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arbiter verify FILE…}: runs every check that applies (code against its tests, …) on every response,
 * without a store or a window, and prints one line per check and a summary.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Run the evidence checks on data files: each code response against its item's tests, in a sandbox.",
                "Prints one line per check, then a summary; --json makes both JSON lines.",
                "Exit codes: 0 every check ran (whatever the verdicts), 1 some were not_run, 2 usage or input errors."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files of items (any format import reads).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "F", description = "The files' format: ${COMPLETION-CANDIDATES} (default: detected).",
            completionCandidates = ImportCommand.FormatNames.class)
    String format;

    @CommandLine.Mixin
    VerifyOptions run = new VerifyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        ImportFormat f = null;
        if (format != null) {
            f = ImportFormat.fromWire(format);
            if (f == null) throw new CommandLine.ParameterException(cl, "unknown format '" + format + "' (known: " + ImportFormat.names() + ")");
        }
        VerifyRun checks = run.run(cl, cl.getOut(), err);
        List<Item> items = new ArrayList<>();
        boolean inputOk = true;
        for (Path file : files) {
            ItemReader.Read read = ItemReader.read(file, new ImportOptions(f, null, null));
            for (ImportError e : read.errors()) err.println(e);
            inputOk &= read.ok();
            items.addAll(read.items());
        }
        if (!inputOk) {
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        return checks.run(items, checked -> { });
    }
}

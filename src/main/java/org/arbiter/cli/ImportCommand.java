package org.arbiter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.logic.importer.ImportError;
import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.logic.importer.ImportOptions;
import org.arbiter.logic.importer.ImportProgress;
import org.arbiter.logic.importer.ImportResult;
import org.arbiter.logic.importer.Importer;
import org.arbiter.model.Domain;
import org.arbiter.store.LocalStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter import FILE…}: each file goes in whole or not at all. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import items from RLHF data files (JSONL, or one JSON array).",
                "Formats: arbiter, trl, hh-rlhf, ultrafeedback, alpaca-eval, prm800k, processbench, openai, humanevalpack, label-studio, "
                        + "argilla (a file, or the folder Argilla's Dataset.to_disk writes); detected from the "
                        + "first record unless --format is given. A file with any bad line imports nothing.",
                "Exit codes: 0 all files imported, 1 a file had bad lines or could not be read, 2 usage error."})
public final class ImportCommand implements Callable<Integer> {
    /** Files smaller than this import too fast for a progress bar to help. */
    private static final long PROGRESS_MIN_BYTES = 8L << 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "F", description = "The files' format: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--batch", paramLabel = "NAME",
            description = "Put all items in this batch (default: the batch named in native lines, else the file's base name).")
    String batch;

    @Option(names = "--domain", paramLabel = "D",
            description = "math, code or general (default: native lines' own; math for prm800k; else general).")
    String domain;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ImportFormat f = null;
        if (format != null) {
            f = ImportFormat.fromWire(format);
            if (f == null) {
                throw new CommandLine.ParameterException(cl, "unknown format '" + format + "' (known: " + ImportFormat.names() + ")");
            }
        }
        Domain d = null;
        if (domain != null) {
            d = Domain.fromWire(domain);
            if (d == null) throw new CommandLine.ParameterException(cl, "unknown domain '" + domain + "' (known: math, code, general)");
        }
        if (batch != null && batch.isBlank()) throw new CommandLine.ParameterException(cl, "--batch must not be blank");
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        ImportOptions options = new ImportOptions(f, batch, d);
        boolean allOk = true;
        try (LocalStore s = store.open()) {
            Importer importer = new Importer(s);
            for (Path file : files) {
                ImportResult r = importer.importFile(file, options, progressFor(file, err));
                if (r.ok()) {
                    out.println(r.summary());
                } else {
                    allOk = false;
                    for (ImportError e : r.errors()) err.println(e);
                    int more = r.errorCount() - r.errors().size();
                    if (more > 0) err.println(file + ": … and " + more + " more");
                    err.println(r.summary());
                }
                out.flush();
                err.flush();
            }
        }
        return allOk ? 0 : ArbiterCommand.DATA_ERROR;
    }

    private static ImportProgress progressFor(Path file, PrintWriter err) {
        if (System.console() == null) return ImportProgress.NONE;
        try {
            if (Files.size(file) < PROGRESS_MIN_BYTES) return ImportProgress.NONE;
        } catch (IOException e) {
            return ImportProgress.NONE;
        }
        return new TerminalProgressBar(file.getFileName().toString(), err);
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ImportFormat.values()).map(ImportFormat::wireName).iterator();
        }
    }
}

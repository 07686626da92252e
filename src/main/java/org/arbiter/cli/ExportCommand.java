package org.arbiter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.logic.exporter.ExportFormat;
import org.arbiter.logic.exporter.ExportFormats;
import org.arbiter.logic.exporter.ExportSource;
import org.arbiter.logic.exporter.ExportTally;
import org.arbiter.logic.exporter.JsonlExport;
import org.arbiter.logic.exporter.LabelScope;
import org.arbiter.logic.exporter.PairSelection;
import org.arbiter.store.LocalStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter export}: judgments and prior labels as training data, one JSON object per line. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export judgments in training formats (JSON Lines, UTF-8). The summary goes to stderr.")
public final class ExportCommand implements Callable<Integer> {
    private static final ExportFormats FORMATS = new ExportFormats();

    @Mixin
    StoreOption store;

    @Option(names = "--format", required = true, paramLabel = "F", completionCandidates = FormatNames.class,
            converter = FormatConverter.class,
            description = "full, dpo, stepwise, kto, openai-dpo, prm800k, ranking, label-studio (a JSON array of Label Studio tasks) or argilla (a JSON array of Argilla records, records.json).")
    ExportFormat format;

    static final String PAIRS_HELP = "Which pairs a ranking gives to dpo, openai-dpo and kto: every implied pair (all, the default), "
            + "neighbouring ranks only (adjacent), or the best against the worst (best-worst). Ties imply no pair.";

    @Option(names = "--pairs", paramLabel = "all|adjacent|best-worst", defaultValue = "all",
            converter = PairsConverter.class, description = PAIRS_HELP)
    PairSelection pairs;

    @Option(names = "--labels", paramLabel = "expert|prior|all|consensus", defaultValue = "expert",
            converter = ScopeConverter.class,
            description = "Whose labels: the experts' (default), the data's prior labels, both, or the experts' consensus per item (items with 2+ judgments).")
    LabelScope labels;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (a file is replaced only on success; a FIFO or device is written through); default stdout.")
    Path out;

    @Option(names = "--batch", paramLabel = "NAME", description = "Only this batch; repeat for several. Default: all.")
    List<String> batches = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(store.path())) {
            err.println("arbiter export: no store at " + store.path() + " (set --db or ARBITER_DB)");
            err.flush();
            return ArbiterCommand.DATA_ERROR;
        }
        try (LocalStore s = store.open()) {
            ExportSource source;
            try {
                source = new ExportSource(s, labels, new LinkedHashSet<>(batches), new org.arbiter.quality.ConsensusLabels());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch: " + e.getMessage());
            }
            return write(spec, "arbiter export", format.withPairs(pairs), source, out, labels.wireName());
        }
    }

    /**
     * Writes an export to {@code out} or stdout and reports on stderr; shared by the local and the server
     * export. Returns the exit code: 0, or 1 when the output could not be written whole (a full disk, a closed
     * pipe) or some labels could not be written.
     */
    static int write(CommandSpec spec, String who, ExportFormat format, ExportSource source, Path out, String labelsText) {
        PrintWriter err = spec.commandLine().getErr();
        JsonlExport export = new JsonlExport(format, source);
        // --out /dev/stdout (or the file stdout is redirected to) is stdout itself: write to the descriptor
        boolean toStdout = out == null || StdoutWriter.isProcessStdout(out);
        String where = out == null ? "stdout" : out.toString();
        ExportTally tally;
        try {
            tally = toStdout ? writeToStdout(spec.commandLine().getOut(), export) : export.writeTo(out);
        } catch (IOException e) {
            err.println(who + ": cannot write " + where + ": " + describe(e)
                    + (toStdout || JsonlExport.writesThrough(out) ? "; the output is incomplete" : "; nothing was written"));
            err.flush();
            return ArbiterCommand.DATA_ERROR;
        }
        for (String p : tally.problems()) err.println(who + ": cannot write a row for " + p);
        err.printf("wrote %d rows (format %s, labels %s) to %s; skipped: %s%n", tally.rows(), format.name(),
                labelsText, where, tally.skippedText());
        if (!tally.problems().isEmpty()) {
            err.printf("%s: %d labels could not be written (listed above)%n", who, tally.problems().size());
        }
        err.flush();
        return tally.problems().isEmpty() ? 0 : ArbiterCommand.DATA_ERROR;
    }

    private static ExportTally writeToStdout(PrintWriter stdout, JsonlExport export) throws IOException {
        if (stdout instanceof StdoutWriter process) return export.writeTo(process.bytes());
        // a writer a caller set (tests, embedding): it keeps no exception, only a flag
        ExportTally tally = export.writeTo(stdout);
        if (stdout.checkError()) throw new IOException("the output was closed before the export ended");
        return tally;
    }

    /** "No space left on device", "Broken pipe", "NoSuchFileException /x/y": the reason, in the OS's words. */
    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        if (e.getMessage() == null) return kind;
        return e.getClass() == IOException.class ? e.getMessage() : kind + " " + e.getMessage();
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.names().iterator();
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return FORMATS.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown format \"" + value + "\"; use one of " + String.join(", ", FORMATS.names())));
        }
    }

    static final class ScopeConverter implements CommandLine.ITypeConverter<LabelScope> {
        @Override
        public LabelScope convert(String value) {
            for (LabelScope s : LabelScope.values()) if (s.wireName().equals(value)) return s;
            throw new CommandLine.TypeConversionException("unknown labels \"" + value + "\"; use expert, prior, all or consensus");
        }
    }

    static final class PairsConverter implements CommandLine.ITypeConverter<PairSelection> {
        @Override
        public PairSelection convert(String value) {
            PairSelection p = PairSelection.fromWire(value);
            if (p == null) throw new CommandLine.TypeConversionException("unknown pairs \"" + value + "\"; use all, adjacent or best-worst");
            return p;
        }
    }
}

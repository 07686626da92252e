package org.arbiter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.arbiter.base.AtomicFile;
import org.arbiter.logic.exporter.ExportFormat;
import org.arbiter.logic.exporter.ExportSource;
import org.arbiter.logic.exporter.LabelScope;
import org.arbiter.logic.exporter.PairSelection;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.server.AnnotatorInfo;
import org.arbiter.server.GoldSeeding;
import org.arbiter.server.ImportedBatches;
import org.arbiter.server.JsonLines;
import org.arbiter.server.Refusal;
import org.arbiter.wire.PushReceipt;
import org.arbiter.server.ServerStatus;
import org.arbiter.server.ServerLabelStore;
import org.arbiter.server.ServerStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code arbiter server --db JDBC_URL …}: the lab admin's commands, run against the server's database. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Administer the lab server's database: annotators, imports, status, offline ingest, reports, exports.",
        subcommands = {
                ServerCommand.Annotator.class,
                LeadCommand.class,
                ServerCommand.Import.class,
                ServerCommand.Status.class,
                ServerCommand.Ingest.class,
                ServerCommand.Report.class,
                ServerCommand.Export.class,
                ServerCommand.Adjudication.class,
                ServerVerifyCommand.class,
        })
public final class ServerCommand implements Runnable {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:sqlite:FILE or jdbc:postgresql://… (default: the one arbiter serve uses)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the database, runs {@code work}, and turns a refused request into a clean exit 1. */
    static int withStore(CommandSpec spec, String db, Function<ServerStore, Integer> work) {
        // --db may be given on this subcommand or on any command above it
        for (CommandSpec s = spec; db == null && s != null; s = s.parent()) {
            if (s.findOption("--db") != null) db = s.findOption("--db").getValue();
        }
        String url = db != null ? db : ServeCommand.defaultServerDb();
        PrintWriter err = spec.commandLine().getErr();
        try (ServerStore store = ServerStore.open(url, warning -> {
            err.println(warning);
            err.flush();
        })) {
            return work.apply(store);
        } catch (Refusal e) {
            spec.commandLine().getErr().println("arbiter server: " + worded(e));
            spec.commandLine().getErr().flush();
            return 1;
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    /** A refusal for the terminal: a setting is called by its option, and the remedy is a command to run. */
    static String worded(Refusal refusal) {
        String text = refusal.worded(setting -> switch (setting) {
            case BATCH_NAME -> "--batch";
            case OVERLAP -> "--overlap";
            case BATCH_SIZE -> "--batch-size";
            case GOLD_RATE -> "--gold-rate";
        });
        return refusal.reason() == Refusal.Reason.TOO_FEW_ANNOTATORS
                ? text + " (add them with: arbiter server annotator add NAME)" : text;
    }

    /**
     * Prints a new token once, alone on the last line so scripts can take it with {@code tail -1}: only its hash is
     * kept, so this is the one time anybody sees it. Annotators and leads get theirs the same way.
     */
    static int printToken(CommandSpec spec, String whose, String token) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(whose + " (shown once, give it to them privately):");
        out.println(token);
        return 0;
    }

    @Command(name = "annotator", mixinStandardHelpOptions = true, description = "Add, list or revoke annotators.",
            subcommands = {Annotator.Add.class, Annotator.ListAll.class, Annotator.Revoke.class})
    public static final class Annotator implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Add an annotator; prints their token once, alone on the last line (only its hash is kept).")
        static final class Add implements Callable<Integer> {
            @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
            String db;
            @Parameters(paramLabel = "NAME")
            String name;
            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                return withStore(spec, db, store -> printToken(spec, "added annotator " + name + "; their token", store.addAnnotator(name)));
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List annotators and their assignments.")
        static final class ListAll implements Callable<Integer> {
            @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
            String db;
            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                return withStore(spec, db, store -> {
                    PrintWriter out = spec.commandLine().getOut();
                    out.printf("%-24s %-8s %12s %10s%n", "name", "status", "assignments", "completed");
                    for (AnnotatorInfo a : store.annotators()) {
                        out.printf("%-24s %-8s %12d %10d%n", a.name(), a.revoked() ? "revoked" : "active", a.assignments(), a.completed());
                    }
                    return 0;
                });
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an annotator's token at once.")
        static final class Revoke implements Callable<Integer> {
            @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
            String db;
            @Parameters(paramLabel = "NAME")
            String name;
            @Spec
            CommandSpec spec;

            @Override
            public Integer call() {
                return withStore(spec, db, store -> {
                    if (!store.revoke(name)) throw Refusal.notFound("no annotator named " + name);
                    spec.commandLine().getOut().println("revoked " + name + ": their token is refused from now on");
                    return 0;
                });
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import native JSONL items into batches of N, each assigned to K distinct annotators. With --gold, "
                    + "gold items are mixed into every batch at --gold-rate; annotators get them like any other item.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--batch", paramLabel = "NAME", required = true, description = "Batch name; batches are NAME-001, NAME-002, …")
        String batch;
        @Option(names = "--overlap", paramLabel = "K", defaultValue = "1", description = "Annotators per item (default: ${DEFAULT-VALUE}).")
        int overlap;
        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "50", description = "Items per batch (default: ${DEFAULT-VALUE}).")
        int batchSize;
        @Option(names = "--gold", paramLabel = "GOLD_FILE", description = "Native JSONL items with a gold object (preference, direction, correct or first_error) to mix into "
                + "every batch. Their ids are kept, so give them ids in the style of the regular items.")
        Path gold;
        @Option(names = "--gold-rate", paramLabel = "R", description = "Gold items per regular item in each batch, rounded, at least 1 (default with --gold: 0.05, "
                + "i.e. 3 gold with 50 items; 5 with 100).")
        Double goldRate;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (goldRate != null && gold == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--gold-rate needs --gold GOLD_FILE");
            }
            return withStore(spec, db, store -> {
                List<Item> items = JsonLines.items(file, batch);
                GoldSeeding seeding = GoldSeeding.NONE;
                if (gold != null) {
                    List<Item> goldItems = JsonLines.goldItems(gold);
                    if (goldItems.isEmpty()) throw Refusal.invalid(gold + ": the gold file holds no items");
                    warnAboutTellTales(goldItems);
                    seeding = new GoldSeeding(goldItems, goldRate == null ? 0.05 : goldRate);
                }
                ImportedBatches imported = store.importItems(batch, items, overlap, batchSize, seeding);
                PrintWriter out = spec.commandLine().getOut();
                for (Map.Entry<String, List<String>> e : imported.assignments().entrySet()) {
                    int g = imported.goldPerBatch().getOrDefault(e.getKey(), 0);
                    out.println(e.getKey() + ": " + String.join(", ", e.getValue()) + (g > 0 ? " (" + g + " gold)" : ""));
                }
                out.println("imported " + items.size() + " items into " + imported.assignments().size() + " batches, each item for "
                        + overlap + " annotator" + (overlap == 1 ? "" : "s")
                        + (seeding.active() ? "; mixed in " + imported.goldPlacements() + " gold items from " + gold
                        + " (" + seeding.items().size() + " distinct)" : ""));
                return 0;
            });
        }

        /** Annotators see ids, meta and text: a gold item that says "gold" there gives itself away. */
        private void warnAboutTellTales(List<Item> goldItems) {
            PrintWriter err = spec.commandLine().getErr();
            for (Item g : goldItems) {
                String visible = Json.write(ItemJson.write(g.withBatch("b").withoutHiddenLabels()));
                if (visible.toLowerCase(java.util.Locale.ROOT).contains("gold")) {
                    err.println("arbiter server import: warning: gold item " + g.id()
                            + " shows the word \"gold\" to annotators (in its id, meta or text)");
                }
            }
            err.flush();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Counts; with --json the last line is one JSON object.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Option(names = "--json", description = "End with one JSON object.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, db, store -> {
                ServerStatus s = store.status();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode o = Json.object();
                    o.put("items", s.items());
                    o.put("batches", s.batches());
                    o.put("completed_batches", s.completedBatches());
                    o.put("judgments", s.judgments());
                    o.put("judgment_versions", s.versions());
                    o.put("annotators", s.annotators());
                    o.put("assignments", s.assignments());
                    o.put("completed_assignments", s.completedAssignments());
                    out.println(Json.write(o));
                } else {
                    out.println("database:    " + store.url());
                    out.println("items:       " + s.items());
                    out.println("batches:     " + s.batches() + " (" + s.completedBatches() + " completed by all their annotators)");
                    out.println("assignments: " + s.assignments() + " (" + s.completedAssignments() + " completed)");
                    out.println("judgments:   " + s.judgments() + " current (" + s.versions() + " versions)");
                    out.println("annotators:  " + s.annotators() + " active");
                }
                return 0;
            });
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = {
            "How far the labels can be trusted: agreement (Krippendorff's alpha, Fleiss' kappa), gold accuracy,",
            "position bias, speed, a Bradley-Terry leaderboard with intervals, consensus, adjudication, flip audit."})
    static final class Report implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Option(names = "--json", description = "End with one JSON object (alpha_ordinal, alpha_nominal, fleiss_kappa, annotators, leaderboard, flip_rate, …).")
        boolean json;
        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained offline HTML report with plots.")
        java.nio.file.Path html;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, db, store -> {
                org.arbiter.quality.QualityReport r = org.arbiter.quality.QualityReport.build(
                        new org.arbiter.quality.QualityInput(store.allItems(), store.currentJudgments()),
                        org.arbiter.quality.QualityReport.Options.defaults());
                PrintWriter out = spec.commandLine().getOut();
                if (html != null) {
                    try {
                        java.nio.file.Files.writeString(html, org.arbiter.quality.report.QualityReportHtml.write(r));
                    } catch (java.io.IOException e) {
                        spec.commandLine().getErr().println("arbiter server report: cannot write " + html + ": " + e.getMessage());
                        return 1;
                    }
                }
                java.util.Map<String, org.arbiter.server.PrecomputedEvidence.OfBatch> evidence = new org.arbiter.server.PrecomputedEvidence(store).perBatch();
                out.print(json ? PrecomputedEvidenceReport.addedTo(org.arbiter.quality.report.QualityReportJson.write(r), evidence) + "\n"
                        : org.arbiter.quality.report.QualityReportText.write(r) + PrecomputedEvidenceReport.text(evidence));
                if (html != null && !json) out.println("HTML report: " + html);
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the lab's judgments in training formats (JSON Lines, UTF-8), as arbiter export does locally. "
            + "Gold items mixed in by import --gold are calibration, not data: they and their judgments are left out "
            + "unless --include-gold. The summary goes to stderr.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Option(names = "--format", required = true, paramLabel = "F", completionCandidates = ExportCommand.FormatNames.class,
                converter = ExportCommand.FormatConverter.class, description = "full, dpo, stepwise, kto, openai-dpo, prm800k, ranking, label-studio (a JSON array of Label Studio tasks) or argilla (a JSON array of Argilla records, records.json).")
        ExportFormat format;
        @Option(names = "--pairs", paramLabel = "all|adjacent|best-worst", defaultValue = "all",
                converter = ExportCommand.PairsConverter.class, description = ExportCommand.PAIRS_HELP)
        PairSelection pairs;
        @Option(names = "--labels", paramLabel = "expert|prior|all|consensus", defaultValue = "expert",
                converter = ExportCommand.ScopeConverter.class,
                description = "Whose labels: the annotators' (default), the data's prior labels, both, or the consensus per item (items with 2+ judgments).")
        LabelScope labels;
        @Option(names = "--out", paramLabel = "FILE", description = "Write here (a file is replaced only on success; a FIFO or device is written through); default stdout.")
        Path out;
        @Option(names = "--batch", paramLabel = "NAME", description = "Only this batch (NAME-001) or all batches of this import (NAME); repeat for several. Default: all.")
        List<String> batches = List.of();
        @Option(names = "--include-gold", description = "Also export the gold items mixed in by import --gold, and the judgments on them.")
        boolean includeGold;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, db, store -> {
                ExportSource source;
                try {
                    Set<String> wanted = new LinkedHashSet<>();
                    for (String b : batches) {
                        List<String> ofImport = store.batchesOfImport(b);
                        if (ofImport.isEmpty()) wanted.add(b);
                        else wanted.addAll(ofImport);
                    }
                    source = new ExportSource(new ServerLabelStore(store, includeGold), labels, wanted,
                            new org.arbiter.quality.ConsensusLabels());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--batch: " + e.getMessage());
                }
                return ExportCommand.write(spec, "arbiter server export", format.withPairs(pairs), source, out,
                        labels.wireName() + (includeGold ? ", gold included" : ""));
            });
        }
    }

    @Command(name = "adjudication", mixinStandardHelpOptions = true, description = {
            "Write the adjudication queue (the items server report lists under adjudication) as a native Arbiter batch",
            "for an expert: each item as imported, without gold or prior labels, with the others' labels and the reasons",
            "in meta.adjudication. The expert opens it with arbiter app FILE (or arbiter import FILE) and judges it like",
            "any batch; the app shows the others' labels only on such items. Gold items are left out."})
    static final class Adjudication implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Write here (replaced only on success).")
        Path out;
        @Option(names = "--batch", paramLabel = "NAME", description = "Only this batch (NAME-001) or all batches of this import (NAME); repeat for several. Default: all.")
        List<String> batches = List.of();
        @Option(names = "--name", paramLabel = "BATCH", description = "The batch name the expert sees (default: adjudication-NAME for one --batch NAME, else adjudication-all).")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, db, store -> {
                Set<String> wanted = new LinkedHashSet<>();
                for (String b : batches) {
                    List<String> ofImport = store.batchesOfImport(b);
                    if (ofImport.isEmpty()) wanted.add(b);
                    else wanted.addAll(ofImport);
                }
                String batchName = name != null ? name : "adjudication-" + (batches.size() == 1 ? batches.get(0) : "all");
                org.arbiter.quality.QualityInput in = new org.arbiter.quality.QualityInput(store.allItems(), store.currentJudgments());
                org.arbiter.quality.QualityReport.Options o = org.arbiter.quality.QualityReport.Options.defaults();
                List<org.arbiter.quality.AdjudicationQueue.Entry> queue = org.arbiter.quality.AdjudicationQueue.of(in,
                        org.arbiter.quality.Consensus.of(in, o.minJudgments()), o.minConfidence());
                org.arbiter.quality.AdjudicationBatch.Result r = org.arbiter.quality.AdjudicationBatch.of(in, queue, wanted, batchName);
                StringBuilder text = new StringBuilder();
                for (Item item : r.items()) text.append(Json.write(ItemJson.write(item))).append('\n');
                try {
                    AtomicFile.writeString(out, text);
                } catch (IOException e) {
                    spec.commandLine().getErr().println("arbiter server adjudication: cannot write " + out + ": " + e.getMessage()
                            + "; nothing was written");
                    spec.commandLine().getErr().flush();
                    return ArbiterCommand.DATA_ERROR;
                }
                spec.commandLine().getOut().println("wrote " + r.items().size() + " items to adjudicate (batch " + batchName + ") to " + out
                        + (r.skippedGold() > 0 ? "; left out " + r.skippedGold() + " gold items" : "")
                        + (r.skippedDuplicateIds() > 0 ? "; left out " + r.skippedDuplicateIds()
                        + " items whose id an earlier item already has (export them with --batch one at a time)" : ""));
                return 0;
            });
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Take an annotator's offline `full` export (sneakernet): same result as their sync, idempotent.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--annotator", paramLabel = "NAME", required = true, description = "Whose export this is.")
        String annotator;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withStore(spec, db, store -> {
                JsonLines.Numbered<Judgment> judgments = JsonLines.numberedJudgments(file);
                PushReceipt r = store.push(annotator, judgments.values(), org.arbiter.server.JudgmentPlace.lines(judgments::where, "the --annotator given"));
                spec.commandLine().getOut().println("ingested " + r.accepted().size() + " judgment versions from " + file + ": "
                        + r.inserted() + " new, " + r.duplicates() + " already on the server; completed batches: "
                        + (r.completedBatches().isEmpty() ? "none" : String.join(", ", r.completedBatches())));
                return 0;
            });
        }
    }
}

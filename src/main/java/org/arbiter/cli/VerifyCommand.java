package org.arbiter.cli;

import org.arbiter.base.Percentile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;

import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.evidence.math.MathCheck;
import org.arbiter.logic.importer.ImportError;
import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.logic.importer.ImportOptions;
import org.arbiter.logic.importer.ItemReader;
import org.arbiter.model.Item;
import org.arbiter.json.Json;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.node.ObjectNode;

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

    @Option(names = "--json", description = "JSON lines: {item, response, kind, verdict, tests_passed, tests_total, detail, ms}, then the summary.")
    boolean json;

    @Option(names = "--jobs", paramLabel = "N", description = "Checks run at once (default: the number of cores).")
    Integer jobs;

    /** The PATH toolchains are taken from; tests pin it to the system's. */
    @Option(names = "--toolchain-path", hidden = true)
    String toolchainPath = System.getenv("PATH");

    @Spec
    CommandSpec spec;

    /** The checks verify runs, each on the items it applies to. */
    List<Check> checks(CodeCheck code) {
        return List.of(code, new MathCheck());
    }

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        ImportFormat f = null;
        if (format != null) {
            f = ImportFormat.fromWire(format);
            if (f == null) throw new CommandLine.ParameterException(cl, "unknown format '" + format + "' (known: " + ImportFormat.names() + ")");
        }
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) throw new CommandLine.ParameterException(cl, "--jobs must be at least 1");
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
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try (CodeCheck code = CodeCheck.forThisMachine(toolchainPath, Path.of(System.getProperty("java.io.tmpdir")))) {
            EvidenceRunner runner = new EvidenceRunner(checks(code), pool);
            List<CompletableFuture<CheckResult>> pending = new ArrayList<>();
            int checkedItems = 0;
            for (Item item : items) {
                List<CompletableFuture<CheckResult>> forItem = runner.checkItem(item);
                if (!forItem.isEmpty()) checkedItems++;
                pending.addAll(forItem);
            }
            CheckProgressBar progress = System.console() != null && !pending.isEmpty() ? new CheckProgressBar(pending.size(), err) : null;
            if (progress != null) pending.forEach(p -> p.whenComplete((r, e) -> progress.done()));
            VerifySummary summary = new VerifySummary();
            for (CompletableFuture<CheckResult> p : pending) {
                CheckResult r = result(p);
                summary.add(r);
                if (progress != null) progress.clear();
                out.println(json ? Json.write(line(r)) : table(r));
                out.flush();
            }
            if (progress != null) progress.clear();
            out.println(json ? Json.write(summary.json(checkedItems)) : summary.text(checkedItems, (System.nanoTime() - start) / 1_000_000));
            out.flush();
            return summary.allRan() ? 0 : ArbiterCommand.DATA_ERROR;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult result(CompletableFuture<CheckResult> p) throws InterruptedException {
        try {
            return p.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    static ObjectNode line(CheckResult r) {
        ObjectNode o = Json.object();
        o.put("item", r.item());
        o.put("response", r.response());
        o.put("kind", r.kind());
        o.put("verdict", r.verdict());
        if (!r.facts().isEmpty()) {
            r.facts().forEach(o::put);
        } else {
            if (r.testsPassed() == null) o.putNull("tests_passed");
            else o.put("tests_passed", r.testsPassed());
            if (r.testsTotal() == null) o.putNull("tests_total");
            else o.put("tests_total", r.testsTotal());
            o.put("detail", r.detail());
        }
        o.put("ms", Math.round(r.ms() * 1000) / 1000.0);
        return o;
    }

    private static String table(CheckResult r) {
        String tests = r.testsTotal() == null ? "" : (r.testsPassed() == null ? "?" : r.testsPassed()) + "/" + r.testsTotal();
        String first = r.detail().lines().findFirst().orElse("");
        return String.format("%-28s %-3s %-5s %-14s %-6s %9.1f ms  %s", r.item(), r.response(), r.kind(), r.verdict(), tests, r.ms(), first);
    }

    /** Verdict counts by name (whatever the check's kind) and the times of the checks. */
    static final class VerifySummary {
        private final Map<String, Integer> verdicts = new LinkedHashMap<>();
        private final List<Double> ms = new ArrayList<>();
        private boolean allRan = true;

        void add(CheckResult r) {
            verdicts.merge(r.verdict(), 1, Integer::sum);
            ms.add(r.ms());
            allRan &= r.ran();
        }

        boolean allRan() {
            return allRan;
        }

        double percentile(double p) {
            if (ms.isEmpty()) return 0;
            return Math.round(Percentile.of(ms.stream().mapToDouble(Double::doubleValue).toArray(), p) * 1000) / 1000.0;
        }

        ObjectNode json(int items) {
            ObjectNode o = Json.object();
            o.put("items", items);
            o.put("checks", ms.size());
            ObjectNode v = o.putObject("verdicts");
            verdicts.forEach(v::put);
            o.put("ms_p50", percentile(50));
            o.put("ms_p95", percentile(95));
            return o;
        }

        String text(int items, long wallMs) {
            StringBuilder b = new StringBuilder();
            b.append(items).append(" items, ").append(ms.size()).append(" checks: ");
            List<String> parts = new ArrayList<>();
            verdicts.forEach((k, n) -> parts.add(n + " " + k));
            b.append(parts.isEmpty() ? "none" : String.join(", ", parts));
            b.append("; check time p50 ").append(percentile(50)).append(" ms, p95 ").append(percentile(95))
                    .append(" ms; ").append(wallMs).append(" ms in all");
            return b.toString();
        }
    }
}

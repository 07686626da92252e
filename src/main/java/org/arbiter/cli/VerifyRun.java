package org.arbiter.cli;

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
import java.util.function.Consumer;

import org.arbiter.base.Percentile;
import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.evidence.math.MathCheck;
import org.arbiter.json.Json;
import org.arbiter.model.Item;

import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code arbiter verify} and {@code arbiter server verify} both do with items in hand: every check that
 * applies, run in parallel, one line per check in completion-independent (item) order, then the summary; the
 * exit code says whether every check ran. Where the items come from and where results are kept is the caller's.
 */
final class VerifyRun {
    private final int parallel;
    private final String toolchainPath;
    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    VerifyRun(int parallel, String toolchainPath, boolean json, PrintWriter out, PrintWriter err) {
        this.parallel = parallel;
        this.toolchainPath = toolchainPath;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** The checks verify runs, each on the items it applies to. */
    static List<Check> checks(CodeCheck code) {
        return List.of(code, new MathCheck());
    }

    /**
     * Runs and prints; {@code each} gets every result (with its item) as it is printed.
     *
     * @return 0 when every check ran, {@link ArbiterCommand#DATA_ERROR} when some were not_run
     */
    int run(List<Item> items, Consumer<Checked> each) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try (CodeCheck code = CodeCheck.forThisMachine(toolchainPath, Path.of(System.getProperty("java.io.tmpdir")))) {
            EvidenceRunner runner = new EvidenceRunner(checks(code), pool);
            List<CompletableFuture<CheckResult>> pending = new ArrayList<>();
            List<Item> itemOf = new ArrayList<>();
            int checkedItems = 0;
            for (Item item : items) {
                List<CompletableFuture<CheckResult>> forItem = runner.checkItem(item);
                if (!forItem.isEmpty()) checkedItems++;
                pending.addAll(forItem);
                for (int i = 0; i < forItem.size(); i++) itemOf.add(item);
            }
            CheckProgressBar progress = System.console() != null && !pending.isEmpty() ? new CheckProgressBar(pending.size(), err) : null;
            if (progress != null) pending.forEach(p -> p.whenComplete((r, e) -> progress.done()));
            Summary summary = new Summary();
            for (int i = 0; i < pending.size(); i++) {
                CheckResult r = result(pending.get(i));
                summary.add(r);
                if (progress != null) progress.clear();
                ObjectNode line = line(r);
                out.println(json ? Json.write(line) : table(r));
                out.flush();
                each.accept(new Checked(itemOf.get(i), r, line));
            }
            if (progress != null) progress.clear();
            out.println(json ? Json.write(summary.json(checkedItems)) : summary.text(checkedItems, (System.nanoTime() - start) / 1_000_000));
            out.flush();
            return summary.allRan() ? 0 : ArbiterCommand.DATA_ERROR;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One result with the item it is about and its JSON line as printed. */
    record Checked(Item item, CheckResult result, ObjectNode line) {
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
    static final class Summary {
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

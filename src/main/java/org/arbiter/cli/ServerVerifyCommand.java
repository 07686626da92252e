package org.arbiter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.server.PrecomputedEvidence;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arbiter server verify --batch NAME}: {@code arbiter verify} on the items of a server batch, with the
 * same lines, summary and exit codes, and every result kept in the server database for {@code server report}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Run the evidence checks (as arbiter verify does) on every item of a server batch and keep the results",
                "in the server database; server report then counts them per batch.",
                "Exit codes: 0 every check ran (whatever the verdicts), 1 some were not_run, 2 usage errors or an unknown batch."})
final class ServerVerifyCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
    String db;

    @Option(names = "--batch", paramLabel = "NAME", required = true,
            description = "A batch (NAME-001) or all batches of one import (NAME).")
    String batch;

    @CommandLine.Mixin
    VerifyOptions options = new VerifyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        VerifyRun checks = options.run(spec.commandLine(), spec.commandLine().getOut(), err);
        return ServerCommand.withStore(spec, db, store -> {
            PrecomputedEvidence evidence = new PrecomputedEvidence(store);
            List<String> batches = evidence.batchExists(batch) ? List.of(batch) : store.batchesOfImport(batch);
            if (batches.isEmpty()) {
                err.println("arbiter server verify: --batch " + batch + ": no batch and no import of that name in " + store.url()
                        + " (server import --batch NAME makes batches NAME-001, NAME-002, …)");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            List<Item> items = new ArrayList<>();
            List<String> batchOf = new ArrayList<>();
            for (String b : batches) {
                for (Item i : evidence.items(b)) {
                    items.add(i);
                    batchOf.add(b);
                }
            }
            // Items are checked in this order; the same item id may sit in two batches of one import (overlap).
            java.util.IdentityHashMap<Item, String> where = new java.util.IdentityHashMap<>();
            for (int i = 0; i < items.size(); i++) where.put(items.get(i), batchOf.get(i));
            try {
                return checks.run(items, checked ->
                        evidence.save(where.get(checked.item()), checked.result().item(), checked.result().response(),
                                checked.result().kind(), checked.result().verdict(), Json.write(checked.line())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("arbiter server verify: interrupted; the results printed so far are kept");
                return 1;
            }
        });
    }
}

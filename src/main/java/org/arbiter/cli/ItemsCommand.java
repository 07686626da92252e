package org.arbiter.cli;

import java.io.PrintWriter;
import java.util.Map;

import org.arbiter.json.Json;
import org.arbiter.store.LocalStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code arbiter items}: what the store holds, per batch. */
@Command(name = "items", mixinStandardHelpOptions = true,
        description = "Count items per batch: judged and remaining.")
public final class ItemsCommand implements Runnable {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "End with one JSON object: items, judged, remaining, batches.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (LocalStore s = store.open()) {
            Map<String, Integer> counts = s.items().countsByBatch();
            Map<String, Integer> judged = s.judgments().judgedItemsByBatch();
            int items = 0;
            int judgedTotal = 0;
            ObjectNode batches = Json.object();
            if (!json) out.printf("%-32s %8s %8s %10s%n", "batch", "items", "judged", "remaining");
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                int n = e.getValue();
                int j = judged.getOrDefault(e.getKey(), 0);
                items += n;
                judgedTotal += j;
                ObjectNode b = batches.putObject(e.getKey());
                b.put("items", n);
                b.put("judged", j);
                b.put("remaining", n - j);
                if (!json) out.printf("%-32s %8d %8d %10d%n", e.getKey(), n, j, n - j);
            }
            if (json) {
                ObjectNode o = Json.object();
                o.put("items", items);
                o.put("judged", judgedTotal);
                o.put("remaining", items - judgedTotal);
                o.put("judgments", s.judgments().current().size());
                o.set("batches", batches);
                out.println(Json.write(o));
            } else {
                out.printf("%-32s %8d %8d %10d%n", "total", items, judgedTotal, items - judgedTotal);
                out.println("store: " + s.file());
            }
        }
        out.flush();
    }
}

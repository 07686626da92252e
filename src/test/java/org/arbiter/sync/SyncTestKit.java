package org.arbiter.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.arbiter.server.ArbiterServer;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Assumptions;

/** Real parts for sync tests: items with hidden labels, judgments, and a server on a random loopback port. */
public final class SyncTestKit {
    public static final String PG_ENV = "ARBITER_TEST_PG_URL";

    private SyncTestKit() {
    }

    /** Items carrying a gold answer and a prior label, which must never reach a client. */
    public static List<Item> items(int n) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Response> responses = List.of(new Response("a", "m1", "It is " + (2 * i) + "."), new Response("b", "m2", "It is " + (2 * i + 1) + "."));
            out.add(new Item("q" + i, "incoming", Domain.MATH, Prompt.text("What is " + i + " + " + i + "?"), responses,
                    new Reference(String.valueOf(2 * i), null, null, null), org.arbiter.model.Gold.parse(Map.of("answer", "SECRET-GOLD-" + i), responses), Map.of("n", i),
                    List.of(new PriorLabel("SECRET-PRIOR", Preference.A_BETTER, List.of(), Map.of()))));
        }
        return out;
    }

    public static Judgment judgment(Item item, String annotator, UUID id, int version) {
        Preference[] ps = Preference.values();
        return new Judgment(id, item.id(), item.batch(), annotator, version, ps[(version + item.id().hashCode() & 0x7fff) % ps.length],
                Set.of(), Map.of(), "rationale v" + version, List.of(), "a",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z").plusSeconds(version), 1000L * version);
    }

    /** A server database in {@code dir} (SQLite) or a fresh schema of the test PostgreSQL. */
    public static String jdbcUrl(Path dir, boolean postgres) throws Exception {
        if (!postgres) return "jdbc:sqlite:" + dir.resolve("server.db");
        String base = System.getenv(PG_ENV);
        Assumptions.assumeTrue(base != null && !base.isBlank(),
                "PostgreSQL tests skipped: set " + PG_ENV + " (run eval \"$(.ci/start-postgres.sh)\")");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A lab: server store, annotators with their tokens, one imported batch set, and the HTTP server. */
    public static final class Lab implements AutoCloseable {
        public final ServerStore store;
        public final ArbiterServer server;
        public final Map<String, String> tokens = new LinkedHashMap<>();

        public Lab(String jdbcUrl, List<String> annotators) {
            this(jdbcUrl, annotators, null);
        }

        public Lab(String jdbcUrl, List<String> annotators, ArbiterServer.Tls tls) {
            store = ServerStore.open(jdbcUrl);
            for (String a : annotators) tokens.put(a, store.addAnnotator(a));
            server = new ArbiterServer(store, "127.0.0.1", 0, tls).start();
        }

        public String url() {
            return server.url();
        }

        @Override
        public void close() {
            server.stop();
            store.close();
        }
    }
}

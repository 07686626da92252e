package org.arbiter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.server.DashboardQueries;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's queries at lab scale on PostgreSQL: 100 annotators, 1,000 batches of 100 items, 3 annotators
 * a batch, 1,000,000 judgment versions. Runs only when {@code ARBITER_DASH_SCALE_URL} names a database of its own
 * (it fills it once, then measures); prints the median of 5 runs and the plan of each query.
 */
class DashboardScaleProbe {
    static final String ENV = "ARBITER_DASH_SCALE_URL";

    @Test
    void theDashboardQueriesStayFastWithAMillionJudgmentVersions() throws Exception {
        String url = System.getenv(ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(), "scale probe skipped: set " + ENV + " to a PostgreSQL database of its own");
        try (ServerStore store = ServerStore.open(url); Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM judgment");
            rs.next();
            if (rs.getLong(1) == 0) fill(s);
            rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM judgment), (SELECT COUNT(*) FROM batch), (SELECT COUNT(*) FROM annotator), "
                    + "(SELECT COUNT(*) FROM item)");
            rs.next();
            System.out.printf("scale: %d judgment versions, %d batches, %d annotators, %d items%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(1_000_000);

            DashboardQueries q = new DashboardQueries(store);
            List<Long> all = new ArrayList<>();
            all.add(time("changeStamp (polled every second)", q::changeStamp));
            all.add(time("batchCount", q::batchCount));
            all.add(time("imports", q::imports));
            all.add(time("batches page 1 (50)", () -> q.batches(0, 50)));
            all.add(time("batches page 20 (offset 950)", () -> q.batches(950, 50)));
            all.add(time("lastActivity (100 annotators)", q::lastActivity));
            all.add(time("batchLastActivity (1,000 batches)", q::batchLastActivity));
            for (String sql : List.of("SELECT (SELECT MAX(received_at) FROM judgment), (SELECT COUNT(*) FROM batch)",
                    "SELECT s.annotator, (SELECT COUNT(DISTINCT j.item_id) FROM judgment j WHERE j.batch = s.batch AND j.annotator = s.annotator), "
                            + "(SELECT MAX(j.received_at) FROM judgment j WHERE j.batch = s.batch AND j.annotator = s.annotator) "
                            + "FROM assignment s WHERE s.batch = 'imp5-0500'",
                    "SELECT b.name, (SELECT MAX(j.received_at) FROM judgment j WHERE j.batch = b.name) FROM batch b ORDER BY b.name",
                    "SELECT a.name, (SELECT MAX(j.received_at) FROM judgment j WHERE j.annotator = a.name) FROM annotator a")) {
                ResultSet plan = s.executeQuery("EXPLAIN " + sql);
                StringBuilder p = new StringBuilder();
                while (plan.next()) p.append("    ").append(plan.getString(1)).append('\n');
                System.out.println("plan of " + sql + "\n" + p);
                assertThat(p.toString()).doesNotContain("Seq Scan on judgment");
            }
            assertThat(Collections.max(all)).isLessThan(2_000);
        }
    }

    private static long time(String what, Callable<?> query) throws Exception {
        query.call(); // warm the cache and the plan
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            query.call();
            ms.add((System.nanoTime() - t0) / 1_000_000);
        }
        Collections.sort(ms);
        System.out.printf("query %-36s median %4d ms (runs %s)%n", what, ms.get(2), ms);
        return ms.get(2);
    }

    /** Set-based generation on the server: 10 imports of 100 batches, each batch to 3 of 100 annotators. */
    private static void fill(Statement s) throws Exception {
        long t0 = System.nanoTime();
        s.execute("INSERT INTO annotator (name, token_hash, revoked, created_at) SELECT 'ann' || lpad(g::text, 3, '0'), md5('t' || g), 0, "
                + "'2026-12-01T00:00:00Z' FROM generate_series(1, 100) g");
        s.execute("INSERT INTO batch (name, source, created_at) SELECT 'imp' || ((g - 1) / 100 + 1) || '-' || lpad(g::text, 4, '0'), "
                + "'imp' || ((g - 1) / 100 + 1), '2026-12-01T00:00:00Z' FROM generate_series(1, 1000) g");
        s.execute("INSERT INTO item (batch, id, seq, body, seeded_gold) SELECT b.name, 'q' || i, i, '{}', 0 FROM batch b, generate_series(1, 100) i");
        s.execute("INSERT INTO assignment (batch, annotator, assigned_at, completed_at) SELECT b.name, "
                + "'ann' || lpad((((right(b.name, 4)::int) * 3 + k) % 100 + 1)::text, 3, '0'), '2026-12-01T00:00:00Z', "
                + "CASE WHEN right(b.name, 4)::int <= 600 THEN '2026-12-02T00:00:00Z' END FROM batch b, generate_series(0, 2) k");
        s.execute("INSERT INTO judgment_owner (judgment_id, annotator, batch, item_id) SELECT md5(a.batch || i.id || a.annotator)::uuid::text, "
                + "a.annotator, a.batch, i.id FROM assignment a JOIN item i ON i.batch = a.batch");
        // 300,000 (annotator, item) pairs: versions 1-3 for each, a 4th for two thirds of them: about 1,100,000 versions
        s.execute("INSERT INTO judgment (judgment_id, version, batch, item_id, annotator, body, received_at) "
                + "SELECT o.judgment_id, v, o.batch, o.item_id, o.annotator, "
                + "'{\"judgment_id\":\"' || o.judgment_id || '\",\"version\":' || v || ',\"preference\":\"A>B\"}', "
                + "to_char(timestamp '2026-12-01' + ((right(o.batch, 4)::int * 1000 + substr(o.item_id, 2)::int * 7 + v) * interval '1 second'), "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "FROM judgment_owner o, generate_series(1, 4) v WHERE v <= 3 OR (abs(hashtext(o.judgment_id)) % 3 <> 2)");
        s.execute("ANALYZE");
        System.out.printf("scale: generated in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }
}

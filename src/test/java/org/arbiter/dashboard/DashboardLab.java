package org.arbiter.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.server.ArbiterServer;
import org.arbiter.server.ServerStore;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.wire.PushReceipt;

/** A lab server with the dashboard on a random loopback port, annotators, a lead and one import. */
final class DashboardLab implements AutoCloseable {
    final ServerStore store;
    final Dashboard dashboard;
    final ArbiterServer server;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final String leadToken;
    final Map<String, List<String>> batches;

    DashboardLab(String jdbcUrl, List<String> annotators, ArbiterServer.Tls tls) {
        this(jdbcUrl, annotators, tls, SyncTestKit.items(6), 2, 3);
    }

    DashboardLab(String jdbcUrl, List<String> annotators, ArbiterServer.Tls tls, List<Item> items, int overlap, int batchSize) {
        store = ServerStore.open(jdbcUrl);
        for (String a : annotators) tokens.put(a, store.addAnnotator(a));
        leadToken = store.addLead("lea");
        batches = store.importItems("math", items, overlap, batchSize);
        dashboard = new Dashboard(store);
        server = new ArbiterServer(store, "127.0.0.1", 0, tls, List.of(dashboard)).start();
    }

    String url() {
        return server.url();
    }

    /** An annotator judges the first item of their first batch through the real sync API. */
    PushReceipt push(String annotator, int itemIndex) {
        SyncClient client = new SyncClient(url(), tokens.get(annotator));
        String batch = client.batches().get(0).name();
        Item item = client.items(batch).get(itemIndex);
        Judgment j = SyncTestKit.judgment(item, annotator, UUID.randomUUID(), 1);
        return client.push(List.of(j));
    }

    @Override
    public void close() {
        server.stop();
        dashboard.close();
        store.close();
    }
}

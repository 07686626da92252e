package org.arbiter.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.store.LocalStore;

/**
 * The bundled demo batch: real math pairs, proofs and verified code pairs from the public corpus, so a new
 * user sees real content on first start instead of an empty window.
 */
public final class DemoBatch {
    public static final String RESOURCE = "/arbiter/demo/demo.jsonl";
    public static final String NAME = "demo";

    private DemoBatch() {
    }

    /** Loads the demo batch when the store holds no items at all; returns the number of items added. */
    public static int loadIfEmpty(LocalStore store) {
        if (store.items().count() > 0) return 0;
        return load(store, RESOURCE, NAME);
    }

    /** Loads a native JSONL batch bundled in the jar (the demo, the benchmark's corpus) in one transaction. */
    public static int load(LocalStore store, String resource, String batch) {
        return store.inTransaction(c -> {
            int added = 0;
            try (InputStream in = DemoBatch.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("bundled batch missing from the build: " + resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank()) continue;
                    if (store.items().insertIfAbsent(c, ItemJson.read(Json.parse(line), batch, batch))) added++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return added;
        });
    }
}

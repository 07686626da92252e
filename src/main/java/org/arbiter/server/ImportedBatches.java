package org.arbiter.server;

import java.util.List;
import java.util.Map;

/** What an import made: each new batch with its annotators, and how many gold items went into each. */
public record ImportedBatches(Map<String, List<String>> assignments, Map<String, Integer> goldPerBatch) {
    public int goldPlacements() {
        return goldPerBatch.values().stream().mapToInt(Integer::intValue).sum();
    }
}

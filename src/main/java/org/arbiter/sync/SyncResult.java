package org.arbiter.sync;

import java.util.List;

/**
 * What one sync moved.
 *
 * @param pushed           judgment versions the server acknowledged in this sync (new or already there)
 * @param completedBatches batches the server recorded as complete for this annotator during this sync
 */
public record SyncResult(List<String> pulledBatches, int pulledItems, int pushed, int duplicates,
                         List<String> completedBatches, int pending) {
    public String summary() {
        return "pulled " + pulledBatches.size() + " batch" + (pulledBatches.size() == 1 ? "" : "es") + " (" + pulledItems
                + " items), pushed " + pushed + " judgment version" + (pushed == 1 ? "" : "s")
                + (duplicates > 0 ? " (" + duplicates + " already on the server)" : "")
                + ", completed " + completedBatches.size() + " batch" + (completedBatches.size() == 1 ? "" : "es")
                + ", " + pending + " pending";
    }
}

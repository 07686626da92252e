package org.arbiter.sync;

import java.util.List;
import java.util.Map;

/**
 * What one sync moved.
 *
 * @param pushed           judgment versions the server acknowledged in this sync (new or already there)
 * @param completedBatches batches the server recorded as complete for this annotator during this sync
 * @param pending          versions by {@code annotator} still to send
 * @param stranded         versions on server batches stamped with another name, by name: never sent
 */
public record SyncResult(List<String> pulledBatches, int pulledItems, int pushed, int duplicates,
                         List<String> completedBatches, int pending, String annotator, Map<String, Integer> stranded) {
    public String summary() {
        return "pulled " + pulledBatches.size() + " batch" + (pulledBatches.size() == 1 ? "" : "es") + " (" + pulledItems
                + " items), pushed " + pushed + " judgment version" + (pushed == 1 ? "" : "s")
                + (duplicates > 0 ? " (" + duplicates + " already on the server)" : "")
                + ", completed " + completedBatches.size() + " batch" + (completedBatches.size() == 1 ? "" : "es")
                + ", " + pending + " pending";
    }
}

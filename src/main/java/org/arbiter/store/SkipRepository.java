package org.arbiter.store;

import java.util.Map;
import java.util.Optional;

/** Items an annotator set aside, with the reason; skipping again replaces the reason. */
public final class SkipRepository {
    private final PerItemText rows;

    SkipRepository(LocalStore store) {
        this.rows = new PerItemText(store, "skip", "reason", "skipped_at");
    }

    public void save(String batch, String itemId, String annotator, String reason) {
        rows.save(batch, itemId, annotator, reason);
    }

    public Optional<String> reason(String batch, String itemId, String annotator) {
        return rows.load(batch, itemId, annotator);
    }

    /** item id → reason, for one annotator in one batch. */
    public Map<String, String> inBatch(String batch, String annotator) {
        return rows.inBatch(batch, annotator);
    }

    public void delete(String batch, String itemId, String annotator) {
        rows.delete(batch, itemId, annotator);
    }
}

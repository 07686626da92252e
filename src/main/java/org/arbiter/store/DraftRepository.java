package org.arbiter.store;

import java.util.Optional;

/**
 * Work in progress on an item, one row per (batch, item, annotator). The body is opaque here: the review
 * session decides what a draft holds and serializes it.
 */
public final class DraftRepository {
    private final PerItemText rows;

    DraftRepository(LocalStore store) {
        this.rows = new PerItemText(store, "draft", "body", "updated_at");
    }

    public void save(String batch, String itemId, String annotator, String body) {
        rows.save(batch, itemId, annotator, body);
    }

    public Optional<String> load(String batch, String itemId, String annotator) {
        return rows.load(batch, itemId, annotator);
    }

    public void delete(String batch, String itemId, String annotator) {
        rows.delete(batch, itemId, annotator);
    }
}

package org.arbiter.logic.exporter;

import java.util.List;
import java.util.function.Consumer;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.store.LocalStore;

/**
 * What an export reads: the desktop's local store, or the lab server's database. The exporter only needs
 * these four reads, so both stores can feed every format.
 */
public interface LabelStore {
    /** Batch names in creation order. */
    List<String> batches();

    /** One batch's items in import order, hidden labels included. */
    List<Item> items(String batch);

    /** Every version of every judgment, oldest first, streamed. */
    void forEachVersion(Consumer<Judgment> sink);

    /** The newest version of each judgment id, in the order they arrived. */
    List<Judgment> current();

    static LabelStore of(LocalStore store) {
        return new LabelStore() {
            @Override
            public List<String> batches() {
                return store.items().batches();
            }

            @Override
            public List<Item> items(String batch) {
                return store.items().batch(batch);
            }

            @Override
            public void forEachVersion(Consumer<Judgment> sink) {
                store.judgments().forEachVersion(sink);
            }

            @Override
            public List<Judgment> current() {
                return store.judgments().current();
            }
        };
    }
}

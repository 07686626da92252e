package org.arbiter.server;

import java.util.List;

import org.arbiter.model.Item;

/**
 * Gold items to mix into every batch of an import, and how many: {@code rate} × the batch's regular items,
 * rounded, at least one. The same gold item may go into several batches, but never reaches one annotator
 * twice (across all their batches and imports): the import is refused when the pool is too small for that.
 */
public record GoldSeeding(List<Item> items, double rate) {
    public static final GoldSeeding NONE = new GoldSeeding(List.of(), 0);

    public GoldSeeding {
        items = List.copyOf(items);
    }

    public boolean active() {
        return !items.isEmpty();
    }

    /** Gold items for a batch of {@code regular} regular items. */
    public int countFor(int regular) {
        return active() ? Math.max(1, (int) Math.round(rate * regular)) : 0;
    }
}

package org.arbiter.review;

import java.util.Optional;

import org.arbiter.store.LocalStore;
import org.arbiter.store.Setting;

/**
 * Where an annotator left off, kept in the store's settings so that a new session on the same file (after
 * a crash, kill -9 or a normal quit) reopens the same item.
 */
record RememberedPosition(String batch, String itemId) {
    static Optional<RememberedPosition> of(LocalStore store, String annotator) {
        return store.settings().get(Setting.reviewPosition(annotator)).map(s -> s.split("\0", 2)).filter(p -> p.length == 2)
                .map(p -> new RememberedPosition(p[0], p[1]));
    }

    void save(LocalStore store, StoreWrites writes, String annotator) {
        writes.write("your place in the batch", () -> store.settings().put(Setting.reviewPosition(annotator), batch + "\0" + itemId));
    }
}

package org.arbiter.logic.importer;

import org.arbiter.json.FieldException;
import org.arbiter.model.Item;

/**
 * How many responses an item may hold: a ranking item holds 3 to 9. Past nine, an order is more than an
 * expert can keep in mind on one screen and a keyboard has no rank keys left, so a bigger item is refused at
 * import rather than half-reviewed.
 */
final class ResponseLimit {
    static final int MAX = 9;

    private ResponseLimit() {
    }

    /** @throws FieldException naming {@code responses} when the item has more than {@link #MAX} responses */
    static void check(Item item) {
        int n = item.responses().size();
        if (n > MAX) {
            throw new FieldException("responses", "at most " + MAX + " responses (a ranking item holds 3 to " + MAX
                    + "), found " + n);
        }
    }
}

package org.arbiter.server;

import org.arbiter.model.JudgmentKey;
import java.util.List;

/**
 * The server's answer to a push: every (judgment_id, version) it now holds from the request (new or already
 * there), and the batches the push completed. The client marks exactly {@code accepted} as synced.
 */
public record PushReceipt(List<JudgmentKey> accepted, int inserted, int duplicates, List<String> completedBatches) {
}

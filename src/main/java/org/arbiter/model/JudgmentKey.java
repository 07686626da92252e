package org.arbiter.model;

import java.util.UUID;

/** What identifies one judgment version everywhere: the server's primary key and the client's receipt. */
public record JudgmentKey(UUID judgmentId, int version) {
}

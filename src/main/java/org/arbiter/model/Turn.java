package org.arbiter.model;

import java.util.Objects;

/** One message of a conversation: role ("system", "user", "assistant", ...) and Markdown content. */
public record Turn(String role, String content) {
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}

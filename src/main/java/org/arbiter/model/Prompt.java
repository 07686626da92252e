package org.arbiter.model;

import java.util.List;
import java.util.Objects;

/**
 * What the models were asked: either one Markdown text or a conversation (multi-turn HH-RLHF,
 * TRL conversational data). Exactly one of the two is present.
 */
public record Prompt(String markdown, List<Turn> turns) {
    public Prompt {
        if ((markdown == null) == (turns == null)) {
            throw new IllegalArgumentException("a prompt is either markdown or turns");
        }
        turns = turns == null ? null : List.copyOf(turns);
    }

    public static Prompt text(String markdown) {
        return new Prompt(Objects.requireNonNull(markdown), null);
    }

    public static Prompt conversation(List<Turn> turns) {
        return new Prompt(null, Objects.requireNonNull(turns));
    }

    public boolean isConversation() {
        return turns != null;
    }

    /** The conversation as turns; a plain prompt is one user turn. */
    public List<Turn> asTurns() {
        return turns != null ? turns : List.of(new Turn("user", markdown));
    }

    /** The prompt as one text: the Markdown, or the last user turn of a conversation. */
    public String asText() {
        if (markdown != null) return markdown;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role().equals("user")) return turns.get(i).content();
        }
        return turns.isEmpty() ? "" : turns.get(turns.size() - 1).content();
    }
}

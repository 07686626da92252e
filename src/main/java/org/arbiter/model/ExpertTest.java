package org.arbiter.model;

import java.util.List;
import java.util.Objects;

/**
 * A check the expert wrote during review ("does it handle the empty list?") and what it did to each response
 * when run in the same sandbox as the item's own tests. Kept with the judgment version that was submitted
 * while it was on screen, so an auditor sees the extra evidence the expert relied on.
 *
 * @param language the language of the test code (the item's language)
 * @param source   the test code as the expert wrote it
 * @param outcomes one {@link ShownEvidence} of kind {@link ShownEvidence#CODE} per response it ran against
 */
public record ExpertTest(String language, String source, List<ShownEvidence> outcomes) {
    public ExpertTest {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(source, "source");
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}

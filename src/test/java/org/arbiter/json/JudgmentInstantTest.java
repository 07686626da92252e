package org.arbiter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast path for the instants judgments carry must read exactly what Instant.parse reads, or defer to it. */
class JudgmentInstantTest {
    @Test
    void agreesWithInstantParseOnWhatWeWriteAndRefusesTheRest() {
        Random r = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000));
            if (r.nextBoolean()) t = Instant.ofEpochMilli(t.toEpochMilli());
            String text = t.toString();
            assertThat(JudgmentJson.utcInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String bad : new String[] {"2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:60Z",
                "2026-01-01T00:00:00+01:00", "2026-01-01T00:00:00.1234567891Z", "2026-01-01T00:00:00.Z", "2026-1-01T00:00:00Z"}) {
            assertThat(JudgmentJson.utcInstant(bad)).as(bad).isNull();
            boolean parses;
            try {
                Instant.parse(bad);
                parses = true;
            } catch (DateTimeParseException e) {
                parses = false;
            }
            // Whatever the fast path leaves, Instant.parse still decides: offsets are valid ISO-8601 for it.
            if (bad.endsWith("+01:00")) assertThat(parses).isTrue();
        }
    }
}

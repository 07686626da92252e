package org.arbiter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.ShownEvidence;
import org.junit.jupiter.api.Test;

/** The evidence shown with a judgment survives the codec; a judgment without evidence keeps its old body. */
class JudgmentEvidenceJsonTest {
    /** A body as the codec wrote it before evidence was recorded (main at b87128b). */
    static final String OLD_BODY = "{\"judgment_id\":\"0b1e4a43-2c9a-4f0e-9a51-8d0f2f3a1c11\",\"item_id\":\"q1\",\"batch\":\"wk-001\","
            + "\"annotator\":\"ana\",\"version\":2,\"preference\":\"A>B\",\"flags\":[\"unsure\"],\"rubric\":{\"a\":{\"clarity\":3}},"
            + "\"rationale\":\"a is right\",\"step_labels\":[],\"shown_left\":\"b\",\"started_at\":\"2026-01-01T00:00:00Z\","
            + "\"submitted_at\":\"2026-01-01T00:01:00Z\",\"active_ms\":60000}";

    static Judgment judgment() {
        return new Judgment(UUID.fromString("0b1e4a43-2c9a-4f0e-9a51-8d0f2f3a1c11"), "q1", "wk-001", "ana", 2, Preference.B_BETTER,
                Set.of(), Map.of(), "b despite its failing test", List.of(), "a", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:01:00Z"), 60_000);
    }

    @Test
    void oldBodiesAreReadAndWrittenByteForByte() {
        Judgment j = JudgmentJson.read(Json.parse(OLD_BODY));
        assertThat(j.evidence()).isEmpty();
        assertThat(Json.write(JudgmentJson.write(j))).isEqualTo(OLD_BODY);
        assertThat(Json.write(JudgmentJson.write(judgment()))).doesNotContain("evidence");
    }

    @Test
    void evidenceRoundTripsWithEveryField() {
        List<ShownEvidence> shown = List.of(
                new ShownEvidence("a", "code", "passed", 7, 7, null, null, null, "arbiter-evidence 1; python3 3.11.2", false, ""),
                new ShownEvidence("b", "code", "failed", 2, 7, null, null, null, "arbiter-evidence 1; python3 3.11.2", true,
                        "the test asserts the wrong rounding"),
                new ShownEvidence("a", "math", "mismatch", null, null, "\\frac{1}{2}", "0.4", "rational", "arbiter-evidence 1", false, ""));
        Judgment j = judgment().withEvidence(shown);
        String body = Json.write(JudgmentJson.write(j));
        assertThat(body).endsWith(",\"active_ms\":60000,\"evidence\":[{\"response_id\":\"a\",\"kind\":\"code\",\"verdict\":\"passed\","
                + "\"tests_passed\":7,\"tests_total\":7,\"runner\":\"arbiter-evidence 1; python3 3.11.2\",\"confirmed_against\":false},"
                + "{\"response_id\":\"b\",\"kind\":\"code\",\"verdict\":\"failed\",\"tests_passed\":2,\"tests_total\":7,"
                + "\"runner\":\"arbiter-evidence 1; python3 3.11.2\",\"confirmed_against\":true,\"reason\":\"the test asserts the wrong rounding\"},"
                + "{\"response_id\":\"a\",\"kind\":\"math\",\"verdict\":\"mismatch\",\"answer\":\"\\\\frac{1}{2}\",\"reference\":\"0.4\","
                + "\"rule\":\"rational\",\"runner\":\"arbiter-evidence 1\",\"confirmed_against\":false}]}");
        Judgment back = JudgmentJson.read(Json.parse(body));
        assertThat(back).isEqualTo(j);
        assertThat(back.evidence()).isEqualTo(shown);
    }

    @Test
    void badEvidenceNamesTheField() {
        String withEvidence = OLD_BODY.substring(0, OLD_BODY.length() - 1);
        assertThatThrownBy(() -> JudgmentJson.read(Json.parse(withEvidence + ",\"evidence\":{}}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("evidence");
        assertThatThrownBy(() -> JudgmentJson.read(Json.parse(withEvidence
                + ",\"evidence\":[{\"response_id\":\"a\",\"kind\":\"code\",\"verdict\":\"passed\",\"tests_passed\":\"7\"}]}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("evidence[0].tests_passed");
        assertThatThrownBy(() -> JudgmentJson.read(Json.parse(withEvidence + ",\"evidence\":[{\"response_id\":\"a\",\"kind\":\"code\"}]}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("verdict");
    }
}

package org.arbiter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.arbiter.model.ExpertTest;
import org.arbiter.model.Judgment;
import org.arbiter.model.Ranking;
import org.arbiter.model.ShownEvidence;
import org.junit.jupiter.api.Test;

/** A ranking and the expert's own test survive the codec, and a body without them is unchanged. */
class JudgmentRankingJsonTest {
    @Test
    void rankingWithTiesAndShownOrderRoundTrips() {
        Ranking r = new Ranking(List.of(List.of("r2"), List.of("r1", "r4"), List.of("r3")), List.of("r3", "r1", "r2", "r4"));
        Judgment j = JudgmentEvidenceJsonTest.judgment().withRanking(r);
        String body = Json.write(JudgmentJson.write(j));
        assertThat(body).endsWith(",\"ranking\":{\"order\":[[\"r2\"],[\"r1\",\"r4\"],[\"r3\"]],\"shown_order\":[\"r3\",\"r1\",\"r2\",\"r4\"]}}");
        Judgment back = JudgmentJson.read(Json.parse(body));
        assertThat(back).isEqualTo(j);
        assertThat(back.ranking().rankOf("r4")).isEqualTo(2);
        assertThat(back.ranking().rankOf("r3")).isEqualTo(3);
    }

    @Test
    void expertTestRoundTrips() {
        ExpertTest t = new ExpertTest("python", "assert candidate([]) == []",
                List.of(new ShownEvidence("a", "code", "passed", 1, 1, null, null, null, "arbiter-evidence 1; python3 3.11.2", false, ""),
                        new ShownEvidence("b", "code", "runtime_error", null, null, null, null, null, "arbiter-evidence 1", false, "")));
        Judgment j = JudgmentEvidenceJsonTest.judgment().withExpertTest(t);
        Judgment back = JudgmentJson.read(Json.parse(Json.write(JudgmentJson.write(j))));
        assertThat(back.expertTest()).isEqualTo(t);
        assertThat(Json.write(JudgmentJson.write(JudgmentEvidenceJsonTest.judgment()))).doesNotContain("ranking").doesNotContain("expert_test");
    }

    @Test
    void aResponseRankedTwiceNamesTheField() {
        String body = JudgmentEvidenceJsonTest.OLD_BODY.substring(0, JudgmentEvidenceJsonTest.OLD_BODY.length() - 1);
        assertThatThrownBy(() -> JudgmentJson.read(Json.parse(body + ",\"ranking\":{\"order\":[[\"a\"],[\"a\"]]}}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("ranking.order").hasMessageContaining("ranked twice");
        assertThatThrownBy(() -> JudgmentJson.read(Json.parse(body + ",\"ranking\":{\"order\":[[]]}}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("ranking.order[0]");
    }
}

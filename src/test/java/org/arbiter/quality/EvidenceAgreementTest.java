package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.StepLabel;
import org.arbiter.quality.report.QualityReportHtml;
import org.arbiter.quality.report.QualityReportJson;
import org.arbiter.quality.report.QualityReportText;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Agreement with decisive evidence on a set whose figures are counted by hand:
 * <pre>
 *        p1 (a passed, b failed)  p2 (a failed, b passed)   p3 (a match, b mismatch)  p4 (not decisive)
 * ana    A>B  agrees              A>B  against, confirmed    A=B  a tie: not agreeing   B>A (both passed)
 * ben    A>>B agrees              B>A  agrees                A>B  but no evidence shown  A>B (b not_run)
 *   → ana 1 of 3, ben 2 of 2.  Single path s1, s2 (math):
 * ana    s1 mismatch, a −1 step   s2 mismatch, only +1 steps → 1 of 2 without a −1 step
 * ben    s1 mismatch, no labels   s2 match (not counted)     → 1 of 1
 * </pre>
 * ana's superseded first version of p1 (B>A, confirmed against) counts nowhere.
 */
class EvidenceAgreementTest {
    static final String RUNNER = "arbiter-evidence 1; python3 3.11.2";

    static Item pair(String id) {
        return new Item(id, "wk", Domain.CODE, Prompt.text("write " + id),
                List.of(new Response("a", "m1", "code a"), new Response("b", "m2", "code b")), null, null, Map.of(), List.of());
    }

    static Item single(String id) {
        return new Item(id, "wk", Domain.MATH, Prompt.text("solve " + id), List.of(new Response("a", "m1", "steps")),
                null, null, Map.of(), List.of());
    }

    static ShownEvidence code(String response, String verdict) {
        boolean passed = verdict.equals("passed");
        return new ShownEvidence(response, "code", verdict, passed ? 5 : 1, 5, null, null, null, RUNNER, false, "");
    }

    static ShownEvidence math(String response, String verdict) {
        return new ShownEvidence(response, "math", verdict, null, null, "x", "42", "integer", "arbiter-evidence 1", false, "");
    }

    static Judgment j(String annotator, String item, int version, Preference p, List<StepLabel> steps, ShownEvidence... shown) {
        return new Judgment(UUID.nameUUIDFromBytes((annotator + item).getBytes()), item, "wk", annotator, version, p, Set.of(),
                Map.of(), "", steps, "a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 30_000,
                List.of(shown));
    }

    static StepLabel step(int index, int rating) {
        return new StepLabel("a", index, null, rating, List.of(), null);
    }

    static QualityInput input() {
        List<Item> items = List.of(pair("p1"), pair("p2"), pair("p3"), pair("p4"), single("s1"), single("s2"));
        List<Judgment> js = new ArrayList<>();
        js.add(j("ana", "p1", 1, Preference.B_BETTER, List.of(), code("a", "passed"), code("b", "failed").confirmedAgainst("old reason")));
        js.add(j("ana", "p1", 2, Preference.A_BETTER, List.of(), code("a", "passed"), code("b", "failed")));
        js.add(j("ana", "p2", 1, Preference.A_BETTER, List.of(), code("a", "failed").confirmedAgainst("the tests expect the wrong rounding"),
                code("b", "passed")));
        js.add(j("ana", "p3", 1, Preference.TIE, List.of(), math("a", "match"), math("b", "mismatch")));
        js.add(j("ana", "p4", 1, Preference.B_BETTER, List.of(), code("a", "passed"), code("b", "passed")));
        js.add(j("ben", "p1", 1, Preference.A_MUCH_BETTER, List.of(), code("a", "passed"), code("b", "failed")));
        js.add(j("ben", "p2", 1, Preference.B_BETTER, List.of(), code("a", "failed"), code("b", "passed")));
        js.add(j("ben", "p3", 1, Preference.A_BETTER, List.of()));
        js.add(j("ben", "p4", 1, Preference.A_BETTER, List.of(), code("a", "passed"), code("b", "not_run")));
        js.add(j("ana", "s1", 1, null, List.of(step(0, 1), step(1, -1)), math("a", "mismatch")));
        js.add(j("ana", "s2", 1, null, List.of(step(0, 1), step(1, 1)), math("a", "mismatch")));
        js.add(j("ben", "s1", 1, null, List.of(), math("a", "mismatch")));
        js.add(j("ben", "s2", 1, null, List.of(step(0, 1)), math("a", "match")));
        return new QualityInput(items, js);
    }

    @Test
    void figuresCountedByHand() {
        EvidenceAgreement e = EvidenceAgreement.of(input());
        assertThat(e.annotators()).containsExactly(new EvidenceAgreement.Annotator("ana", 3, 1, 2, 1),
                new EvidenceAgreement.Annotator("ben", 2, 2, 1, 1));
        assertThat(e.annotators().get(0).agreement()).isEqualTo(1.0 / 3);
        assertThat(e.annotators().get(1).agreement()).isEqualTo(1.0);
        assertThat(e.mismatchJudged()).isEqualTo(3);
        assertThat(e.mismatchWithoutError()).isEqualTo(2);
        assertThat(e.confirmedAgainst()).containsExactly(new EvidenceAgreement.Confirmation(
                UUID.nameUUIDFromBytes("anap2".getBytes()), "wk", "p2", "ana", "a", "code", "failed", "the tests expect the wrong rounding"));
    }

    @Test
    void noEvidenceMeansNoFigures() {
        QualityInput in = new QualityInput(List.of(pair("p1")), List.of(j("ana", "p1", 1, Preference.A_BETTER, List.of())));
        EvidenceAgreement e = EvidenceAgreement.of(in);
        assertThat(e.annotators()).containsExactly(new EvidenceAgreement.Annotator("ana", 0, 0, 0, 0));
        assertThat(e.annotators().get(0).agreement()).isNaN();
        assertThat(e.confirmedAgainst()).isEmpty();
        String html = QualityReportHtml.write(QualityReport.build(in, QualityReport.Options.defaults()));
        assertThat(html).doesNotContain("decisive evidence");
    }

    @Test
    void theReportShowsThemInJsonTextAndHtml() {
        QualityReport r = QualityReport.build(input(), QualityReport.Options.defaults());
        JsonNode ev = Json.parse(QualityReportJson.write(r)).get("evidence");
        assertThat(ev.get("annotators").get(0).get("name").asString()).isEqualTo("ana");
        assertThat(ev.get("annotators").get(0).get("decisive_judgments").asInt()).isEqualTo(3);
        assertThat(ev.get("annotators").get(0).get("agreeing").asInt()).isEqualTo(1);
        assertThat(ev.get("annotators").get(0).get("agreement").asDouble()).isEqualTo(0.333333);
        assertThat(ev.get("annotators").get(1).get("agreement").asDouble()).isEqualTo(1.0);
        assertThat(ev.get("mismatch_judged").asInt()).isEqualTo(3);
        assertThat(ev.get("mismatch_without_error_step").asInt()).isEqualTo(2);
        assertThat(ev.get("mismatch_without_error_step_rate").asDouble()).isEqualTo(0.666667);
        assertThat(ev.get("confirmed_against")).hasSize(1);
        assertThat(ev.get("confirmed_against").get(0).get("item_id").asString()).isEqualTo("p2");
        assertThat(ev.get("confirmed_against").get(0).get("reason").asString()).isEqualTo("the tests expect the wrong rounding");

        String text = QualityReportText.write(r);
        assertThat(text).contains("ana              agrees with decisive evidence 33.3% (1 of 3); wrong final answer without a -1 step: 1 of 2")
                .contains("ben              agrees with decisive evidence 100.0% (2 of 2); wrong final answer without a -1 step: 1 of 1")
                .contains("wk/p2 by ana (a code failed): the tests expect the wrong rounding")
                .doesNotContain("old reason");

        String html = QualityReportHtml.write(r);
        assertThat(html).contains("<h2>Agreement with decisive evidence</h2>").contains("33.3% (1)")
                .contains("the tests expect the wrong rounding").contains("1 of 2");
    }
}

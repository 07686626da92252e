package org.arbiter.evidence.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.junit.jupiter.api.Test;

/** What {@code arbiter verify} prints for a math item: one line per response, in the agreed field order. */
class MathEvidenceTest {
    private static Item item(Domain domain, String answer, Response... responses) {
        return new Item("hm-1", "b", domain, Prompt.text("What is 3/4 of 1?"), List.of(responses),
                answer == null ? null : new Reference(answer, null, null, null), null, Map.of(), List.of());
    }

    @Test
    void oneLinePerResponseWithVerdictAnswerReferenceRuleAndTime() {
        Item item = item(Domain.MATH, "\\frac{3}{4}",
                new Response("a", "m1", "So it is $\\boxed{0.75}$."),
                new Response("b", "m2", "The final answer is 0.8."));
        List<MathEvidenceLine> lines = MathEvidence.check(item);
        assertThat(lines).hasSize(2);
        Map<String, Object> a = lines.get(0).fields();
        assertThat(a.keySet()).containsExactly("item", "response", "kind", "verdict", "answer", "reference", "rule", "ms");
        assertThat(a).containsEntry("item", "hm-1").containsEntry("response", "a").containsEntry("kind", "math")
                .containsEntry("verdict", "match").containsEntry("answer", "0.75").containsEntry("reference", "\\frac{3}{4}");
        assertThat((Double) a.get("ms")).isGreaterThanOrEqualTo(0.0);
        Map<String, Object> b = lines.get(1).fields();
        assertThat(b).containsEntry("verdict", "mismatch").containsEntry("answer", "0.8");
        assertThat(lines.get(1).detail().span().form()).isEqualTo("final-answer");
    }

    @Test
    void noFinalAnswerIsItsOwnVerdict() {
        Map<String, Object> f = MathEvidence.check(item(Domain.MATH, "5", new Response("a", "m1", "I could not solve it."))).get(0).fields();
        assertThat(f).containsEntry("verdict", "no_answer").containsEntry("answer", null);
    }

    @Test
    void onlyMathItemsWithAReferenceAnswerAreChecked() {
        assertThat(MathEvidence.check(item(Domain.MATH, null, new Response("a", "m1", "\\boxed{1}")))).isEmpty();
        assertThat(MathEvidence.check(item(Domain.CODE, "1", new Response("a", "m1", "\\boxed{1}")))).isEmpty();
        assertThat(MathEvidence.check(item(Domain.MATH, "  ", new Response("a", "m1", "\\boxed{1}")))).isEmpty();
    }
}

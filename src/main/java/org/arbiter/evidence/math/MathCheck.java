package org.arbiter.evidence.math;

import java.util.LinkedHashMap;
import java.util.Map;

import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Item;
import org.arbiter.model.Response;

/** The final-answer check as one of {@code arbiter verify}'s checks: kind "math", on items with a reference answer. */
public final class MathCheck implements Check {
    @Override
    public String kind() {
        return MathEvidenceLine.KIND;
    }

    @Override
    public boolean appliesTo(Item item) {
        return MathEvidence.applies(item);
    }

    @Override
    public CheckResult run(Item item, Response response) {
        long t0 = System.nanoTime();
        AnswerVerdict v = MathAnswerCheck.check(response.content(), item.reference().answer());
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("answer", v.answer());
        facts.put("reference", v.reference());
        facts.put("rule", v.rule());
        String detail = v.answer() == null ? "no final answer found" : v.normalizedAnswer() + " vs " + v.normalizedReference();
        return new CheckResult(item.id(), response.id(), kind(), v.verdict().wireName(), null, null, detail, ms, facts);
    }
}

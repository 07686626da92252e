package org.arbiter.evidence.code;

import org.arbiter.evidence.Check;
import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Item;
import org.arbiter.model.Response;

/**
 * The expert's own test as a {@link Check}, so the {@link org.arbiter.evidence.EvidenceRunner} runs it in the
 * background like the item's checks: a code check with {@code source} in place of the item's tests.
 */
public record ExpertTestCheck(CodeCheck code, String source) implements Check {
    @Override
    public String kind() {
        return CodeCheck.KIND;
    }

    @Override
    public boolean appliesTo(Item item) {
        return code.appliesTo(item);
    }

    @Override
    public CheckResult run(Item item, Response response) throws InterruptedException {
        return code.runExpertTest(item, response, source);
    }
}

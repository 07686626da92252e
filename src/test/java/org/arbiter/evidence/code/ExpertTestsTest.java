package org.arbiter.evidence.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.arbiter.evidence.CheckResult;
import org.arbiter.model.Item;
import org.junit.jupiter.api.Test;

/** The expert's own test is composed like the item's tests, and runs in the real sandbox like them. */
class ExpertTestsTest {
    private static Item item(String id) throws IOException {
        return VerifyCorpus.item(id, "t");
    }

    @Test
    void pythonAssertsGoInsideCheckAndEachCountsAsATest() throws IOException {
        Item item = item("hv-Python/34");
        String code = CodeBlocks.extract(item.b().orElseThrow().content(), CodeLanguage.PYTHON);
        TestProgram p = TestProgram.compose(CodeLanguage.PYTHON, code,
                ExpertTests.asReference(item.reference(), "# duplicates\nassert candidate([1, 1]) == [1]\n\nassert unique([]) == []"), item.meta());
        assertThat(p.source()).contains("def check(candidate):\n    # duplicates\n    assert candidate([1, 1]) == [1]\n\n    assert unique([]) == []\n")
                .endsWith("check(unique)\n");
        assertThat(p.assertionLines()).hasSize(2);
        // Python starts empty (a line of asserts is enough); other languages start from the item's own tests.
        assertThat(ExpertTests.template(item.reference())).isEmpty();
        assertThat(ExpertTests.template(item("hv-JavaScript/24").reference())).startsWith("const testLargestDivisor = () => {");
    }

    @Test
    void anEmptyTestIsNotRun() throws Exception {
        Item item = item("hv-Python/34");
        CodeCheck check = VerifyCorpus.check();
        CheckResult r = check.runExpertTest(item, item.a(), "  \n");
        assertThat(r.verdict()).isEqualTo("not_run");
        assertThat(r.detail()).isEqualTo("the test is empty");
    }

    /** JavaScript, edited from the template: console.assert fails the run as it does for the item's own tests. */
    @Test
    void aJavaScriptTestRunsInTheSandboxAgainstEachResponse() throws Exception {
        Item item = item("hv-JavaScript/24");
        CodeCheck check = VerifyCorpus.check();
        String test = ExpertTests.template(item.reference()).replace("largestDivisor(3) === 1", "largestDivisor(21) === 7");
        String canonical = (String) item.meta().get("canonical");
        for (var r : item.responses()) {
            CheckResult result = check.runExpertTest(item, r, test);
            assertThat(result.verdict()).as(r.id() + ": " + result.detail()).isEqualTo(r.id().equals(canonical) ? "passed" : "failed");
            assertThat(result.testsTotal()).isEqualTo(5);
        }
    }
}

package org.arbiter.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.arbiter.model.ShownEvidence;
import org.junit.jupiter.api.Test;

/** What a reviewer saw becomes the recorded evidence, and decides a pair only when it clearly does. */
class ShownEvidenceOfTest {
    static CheckResult code(String response, String verdict, Integer passed, Integer total) {
        return new CheckResult("q1", response, "code", verdict, passed, total, "", 12.5);
    }

    static CheckResult math(String response, String verdict) {
        return new CheckResult("q1", response, "math", verdict, null, null, "", 0.1,
                Map.of("answer", response + "-answer", "reference", "42", "rule", "integer"));
    }

    @Test
    void resultsBecomeRecordedEvidenceWithRunnerAndToolchain() {
        List<ShownEvidence> shown = ShownEvidenceOf.results(List.of(code("a", "failed", 3, 7), math("b", "match")), "python3 3.11.2");
        assertThat(shown).containsExactly(
                new ShownEvidence("a", "code", "failed", 3, 7, null, null, null, "arbiter-evidence 1; python3 3.11.2", false, ""),
                new ShownEvidence("b", "math", "match", null, null, "b-answer", "42", "integer", "arbiter-evidence 1; python3 3.11.2", false, ""));
        assertThat(ShownEvidenceOf.results(List.of(math("a", "match")), null).get(0).runner()).isEqualTo("arbiter-evidence 1");
        assertThat(shown.get(0).confirmedAgainst("tests are wrong")).extracting(ShownEvidence::confirmedAgainst, ShownEvidence::reason)
                .containsExactly(true, "tests are wrong");
    }

    @Test
    void codeIsDecisiveWhenExactlyOneSidePassedAndBothRan() {
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7), code("b", "failed", 2, 7)), "a", "b")).isTrue();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "timeout", 0, 7), code("b", "passed", 7, 7)), "a", "b")).isTrue();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7), code("b", "passed", 7, 7)), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "failed", 1, 7), code("b", "compile_error", 0, 7)), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7), code("b", "not_run", null, null)), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7)), "a", "b")).isFalse();
        assertThat(ShownEvidence.decisiveFor(ShownEvidenceOf.results(
                List.of(code("a", "runtime_error", 0, 7), code("b", "passed", 7, 7)), ""), "a", "b")).isEqualTo("b");
    }

    @Test
    void mathIsDecisiveWhenExactlyOneSideMatchesAndTheOtherIsWrongOrMissing() {
        assertThat(ShownEvidenceOf.decisive(List.of(math("a", "match"), math("b", "mismatch")), "a", "b")).isTrue();
        assertThat(ShownEvidenceOf.decisive(List.of(math("a", "no_answer"), math("b", "match")), "a", "b")).isTrue();
        assertThat(ShownEvidenceOf.decisive(List.of(math("a", "match"), math("b", "undecided")), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(math("a", "match"), math("b", "match")), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(math("a", "mismatch"), math("b", "mismatch")), "a", "b")).isFalse();
    }

    @Test
    void kindsThatPointDifferentWaysAreNotDecisive() {
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7), code("b", "failed", 0, 7),
                math("a", "mismatch"), math("b", "match")), "a", "b")).isFalse();
        assertThat(ShownEvidenceOf.decisive(List.of(code("a", "passed", 7, 7), code("b", "failed", 0, 7),
                math("a", "match"), math("b", "undecided")), "a", "b")).isTrue();
    }
}

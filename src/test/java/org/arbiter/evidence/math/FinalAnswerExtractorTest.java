package org.arbiter.evidence.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms in which models write their final answer, and the span a view would highlight. */
class FinalAnswerExtractorTest {
    private static AnswerSpan extract(String text) {
        AnswerSpan s = FinalAnswerExtractor.extract(text).orElseThrow();
        if (!s.text().contains(", ") || s.form().equals("answer-is")) {
            assertThat(text.substring(s.start(), s.end()).strip()).as("span").isEqualTo(s.text());
        }
        return s;
    }

    @Test
    void lastBoxedWithNestedBraces() {
        AnswerSpan s = extract("First \\boxed{3}. Then, the answer is \\(\\boxed{\\frac{1}{\\sqrt{2}}}\\).");
        assertThat(s.text()).isEqualTo("\\frac{1}{\\sqrt{2}}");
        assertThat(s.form()).isEqualTo("boxed");
    }

    @Test
    void fboxCounts() {
        assertThat(extract("so it is $\\fbox{12}$").text()).isEqualTo("12");
    }

    @Test
    void boxesSideBySideAreOneAnswerButBoxesInEarlierSentencesAreNot() {
        assertThat(extract("Thus \\[ \\boxed{10, 11} \\quad \\text{and} \\quad \\boxed{-2, -1} \\]").text())
                .isEqualTo("10, 11, -2, -1");
        assertThat(extract("We get \\boxed{4} for the first part. Checking again the total gives \\boxed{7}.").text())
                .isEqualTo("7");
    }

    @Test
    void prm800kAnswerSection() {
        AnswerSpan s = extract("That means a pencil costs 29 cents.\n\n# Answer\n\n29");
        assertThat(s.text()).isEqualTo("29");
        assertThat(s.form()).isEqualTo("answer-section");
    }

    @Test
    void finalAnswerPhraseStopsAtTheSentenceEnd() {
        AnswerSpan s = extract("$$x^2-y^2=361.$$ Final Answer: The final answer is 361. I hope it is correct.");
        assertThat(s.text()).isEqualTo("361");
        assertThat(s.form()).isEqualTo("final-answer");
    }

    @Test
    void theAnswerIsWithInlineMath() {
        assertThat(extract("Adding up, the answer is $\\frac{3}{4}$.").text()).isEqualTo("$\\frac{3}{4}$");
    }

    @Test
    void boldAnswerLabelAndGsm8kAnswerLine() {
        assertThat(extract("Some work.\n\n**Answer:** 42").text()).isEqualTo("42");
        AnswerSpan s = extract("Half of 88 is 88 / 2 = <<88/2=44.0>>44.0 castles.\nA: 44");
        assertThat(s.text()).isEqualTo("44");
        assertThat(s.form()).isEqualTo("answer-label");
    }

    @Test
    void lastDisplayFormulaKeepsAnEquationButTakesTheValueOfAComputation() {
        assertThat(extract("Thus, the equation of the circle is:\n\\[ x^2 + y^2 = 13 \\]").text()).isEqualTo("x^2 + y^2 = 13");
        AnswerSpan s = extract("So\n\\[ \\text{Area} = \\frac{1}{2} \\times 12 = 6 \\]");
        assertThat(s.text()).isEqualTo("6");
        assertThat(s.form()).isEqualTo("display-formula");
    }

    @Test
    void lastNumberOrFormulaOfTheClosingParagraph() {
        AnswerSpan s = extract("The price of 2 sandwiches is 3.\n\nSo, the package with 8 sandwiches costs $6.");
        assertThat(s.text()).isEqualTo("6");
        assertThat(s.form()).isEqualTo("closing-sentence");
        assertThat(extract("The range is \\(\\left[-\\frac{\\pi}{2}, \\frac{\\pi}{2}\\right]\\). This covers all steps.").text())
                .isEqualTo("\\left[-\\frac{\\pi}{2}, \\frac{\\pi}{2}\\right]");
    }

    @Test
    void nothingToFind() {
        assertThat(FinalAnswerExtractor.extract("I am not sure how to proceed.")).isEmpty();
        AnswerVerdict v = MathAnswerCheck.check("I am not sure how to proceed.", "5");
        assertThat(v.verdict()).isEqualTo(Verdict.NO_ANSWER);
        assertThat(v.span()).isNull();
    }
}

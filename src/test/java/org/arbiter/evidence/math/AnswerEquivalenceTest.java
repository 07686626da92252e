package org.arbiter.evidence.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each normalization and comparison rule, on answers written as MATH, GSM8K and OlympiadBench write them. */
class AnswerEquivalenceTest {
    private static AnswerVerdict cmp(String reference, String answer) {
        return MathAnswerCheck.compareAnswers(reference, answer, List.of());
    }

    private static void match(String reference, String answer) {
        AnswerVerdict v = cmp(reference, answer);
        assertThat(v.verdict()).as(reference + " vs " + answer + " (" + v.rule() + ")").isEqualTo(Verdict.MATCH);
    }

    private static void mismatch(String reference, String answer) {
        AnswerVerdict v = cmp(reference, answer);
        assertThat(v.verdict()).as(reference + " vs " + answer + " (" + v.rule() + ")").isEqualTo(Verdict.MISMATCH);
    }

    private static void undecided(String reference, String answer) {
        AnswerVerdict v = cmp(reference, answer);
        assertThat(v.verdict()).as(reference + " vs " + answer + " (" + v.rule() + ")").isEqualTo(Verdict.UNDECIDED);
    }

    @Test
    void normalizationOfNotation() {
        match("\\dfrac{3}{50}", "\\frac{3}{50}");
        match("\\tfrac12", "0.5");
        match("\\left( 4, \\pi \\right)", "(4,\\pi)");
        match("3,\\!110,\\!400", "3110400");
        match("48^\\circ", "48");
        match("80^{\\circ}", "80");
        match("100\\text{ square units}", "100");
        match("65 \\text{ children tickets }", "65");
        match("10", "10 hours");
        match("\\$76.80", "76.8");
        match("x=5", "5");
        match("5.", "5");
        match("$\\frac{15}{4}$", "\\frac{15}{4}");
        AnswerVerdict v = cmp("10\\;\\text{edges}", "\\boxed{10}");
        assertThat(v.normalizedReference()).isEqualTo("10");
        assertThat(v.normalizedAnswer()).isEqualTo("10");
    }

    @Test
    void percentEitherReading() {
        match("25\\%", "25");
        match("0.6", "60%");
        mismatch("25\\%", "30");
    }

    @Test
    void exactNumbers() {
        match("\\frac{2}{4}", "\\frac12");
        match("37.50", "37.5");
        mismatch("0.5", "\\frac13");
        match("7.8\\times 10^2", "780");
        mismatch("\\frac{11}{221}", "\\frac{11}{222}");
        // a rounded decimal for an exact value is neither right nor wrong without the problem's instructions
        undecided("\\frac13", "0.333");
        undecided("\\sqrt{2}", "1.414");
        mismatch("\\frac{1}{8}", "0.13");
        mismatch("5", "5.01");
        mismatch("\\frac13", "0.334");
    }

    @Test
    void radicalsAndPi() {
        match("4\\sqrt{2}", "\\sqrt{32}");
        match("-\\frac{2 \\sqrt{3}}{3}", "-\\frac{2}{\\sqrt3}");
        mismatch("2\\sqrt{3}", "3\\sqrt{2}");
        match("5 \\sqrt[3]{4}", "\\sqrt[3]{500}");
        match("90 - \\frac{25}{2}\\pi", "90-12.5\\pi");
        mismatch("8\\pi", "18\\pi");
    }

    @Test
    void mixedNumbers() {
        match("3\\frac12", "\\frac72");
        match("12\\frac{3}{5}", "12.6");
        match("1\\frac{1}{10}", "\\frac{11}{10}");
    }

    @Test
    void thousandsSeparatorAgainstATuple() {
        match("1,000", "1000");
        mismatch("1,000", "100");
        // "(1,000)" is a pair; "1,000" may be a thousand or the same two numbers: never a match
        undecided("1,000", "(1,000)");
        match("(1,000)", "(1, 0)");
    }

    @Test
    void tuplesAreOrderedListsAndSetsAreNot() {
        match("(2,-1)", "(2, -1)");
        mismatch("(2,3)", "(3,2)");
        mismatch("(2,3)", "(2,3,4)");
        match("1,-3", "-3, 1");
        match("\\{1, 2\\}", "\\{2, 1\\}");
        match("(2,1),(3,1)", "(3,1),(2,1)");
        match("1,-1,7,-7", "\\pm 1, \\pm 7");
        mismatch("8,-112", "8");
    }

    @Test
    void intervalsWithTheirBrackets() {
        match("\\left[ \\frac{1}{2}, \\frac{3}{2} \\right]", "[0.5, 1.5]");
        mismatch("[0,25]", "(0,25]");
        match("(-\\infty, -2] \\cup [2, \\infty)", "(-\\infty,-2]\\cup[2,\\infty)");
        mismatch("(-\\infty,-8)\\cup (8,\\infty)", "(-\\infty, -8) \\cup (4, \\infty)");
        match("(5,\\infty)", "x > 5");
        match("[\\frac{1}{2}, 8]", "\\frac{1}{2} \\le x \\le 8");
    }

    @Test
    void matricesAndVectors() {
        match("\\begin{pmatrix} 1/5 \\\\ -3/5 \\end{pmatrix}", "\\begin{pmatrix} \\frac{1}{5} \\\\ -\\frac{3}{5} \\end{pmatrix}");
        match("\\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}", "\\begin{bmatrix}0&1\\\\1&0\\end{bmatrix}");
        mismatch("\\begin{pmatrix} 2 & 7 \\\\ 13 & -2 \\end{pmatrix}", "\\begin{pmatrix} 2 & 7 \\\\ 13 & 2 \\end{pmatrix}");
        mismatch("\\begin{pmatrix} 0 & 1 \\\\ 1 & 0 \\end{pmatrix}", "\\begin{pmatrix} 0 & 1 \\end{pmatrix}");
        match("\\begin{pmatrix} -2 \\\\ 3 \\\\ 3 \\end{pmatrix}", "(-2, 3, 3)");
        match("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\mathbf{v} = \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}");
    }

    @Test
    void choiceLettersAndWords() {
        match("\\text{(C)}", "C");
        mismatch("\\text{(E)}", "(D)");
        match("\\text{even}", "even");
        mismatch("\\text{odd}", "\\text{neither}");
        mismatch("\\text{Friday}", "5");
        mismatch("\\frac{1}{3},-2,5", "\\text{No solution}");
    }

    @Test
    void baseNumerals() {
        match("1200_7", "1200_{7}");
        mismatch("1200_7", "1201_7");
        match("1112112_3", "1112112");
    }

    @Test
    void equationsUpToAConstantFactor() {
        match("x^2+y^2=1", "1-x^{2}-y^{2}=0");
        mismatch("x^2+y^2=1", "x^{2}-y^{2}=1");
        match("4x-5y=-50", "5y - 4x = 50");
        undecided("x^2 + y^2 = 13", "13");
    }

    @Test
    void expressionsAtRandomPoints() {
        match("$\\frac{1}{4} n(n+1)$", "\\frac{n(n+1)}{4}");
        mismatch("$2 n^{2}-2 n+1$", "n^2 - 2n + 1");
        match("21a^5 - 7a^4 - 16a^2 + 32a", "a(21a^4-7a^3-16a+32)");
        match("$f(x)=\\frac{1}{x}$", "\\frac1x");
        match("2 + 7i", "7i+2");
        match("\\frac{(n-1)!}{k!} \\frac{n}{(n-k)!}", "\\binom{n}{k}");
        AnswerVerdict v = cmp("2^{k}", "2^k + 1");
        assertThat(v.rule()).contains("random point");
    }

    @Test
    void ratioAgainstItsQuotientIsLeftToTheExpert() {
        match("1:2", "2:4");
        undecided("1:2", "\\frac{1}{2}");
    }

    @Test
    void inequalitiesAndHugePowers() {
        mismatch("10^{10^{10^{10}}}", "10^{10}");
        mismatch("k \\geqslant 2", "2");
    }

    @Test
    void statedPrecision() {
        assertThat(MathAnswerCheck.compareAnswers("7 \\times 10^{35}", "7.1 \\cdot 10^{35}", List.of(1e34)).verdict())
                .isEqualTo(Verdict.MATCH);
        assertThat(MathAnswerCheck.compareAnswers("7 \\times 10^{35}", "7.1 \\cdot 10^{35}", List.of(1e33)).verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void verdictCarriesRuleAndBothNormalizedForms() {
        AnswerVerdict v = MathAnswerCheck.check("So the area is $\\boxed{\\dfrac{3}{4}}$.", "0.75");
        assertThat(v.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(v.answer()).isEqualTo("\\dfrac{3}{4}");
        assertThat(v.normalizedAnswer()).isEqualTo("\\frac{3}{4}");
        assertThat(v.normalizedReference()).isEqualTo("0.75");
        assertThat(v.rule()).isEqualTo("equal exact values");
        assertThat(v.span().form()).isEqualTo("boxed");
    }
}

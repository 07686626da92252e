package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.evidence.math.AnswerSpan;
import org.arbiter.evidence.math.FinalAnswerExtractor;
import org.arbiter.evidence.math.MathEvidence;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.fx.KatexEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The final answer the math check compares is marked in the drawn response, exactly that and nothing else, with
 * real KaTeX: the expert sees what was compared, and reads the same text as without the mark.
 */
class AnswerMarkTest {
    private static final Pattern MARK = Pattern.compile("<mark class=\"final-answer( display)?\">(.*?)</mark>", Pattern.DOTALL);
    private static KatexEngine katex;
    private final ResponseRenderer renderer = new ResponseRenderer();

    @BeforeAll
    static void startKatex() {
        katex = Fx.katex();
    }

    @Test
    void aBoxedFractionInDisplayMathMarksTheWholeDrawnFormula() {
        String content = "The probability is the ratio of the counts:\n\\[\n\\boxed{\\frac{3}{4}}\n\\]";
        RenderedText r = drawn(content);
        List<String> marks = marks(r.html());
        assertThat(marks).containsExactly(katexHtml("\n\\boxed{\\frac{3}{4}}\n", true));
        assertThat(r.html()).contains("<mark class=\"final-answer display\"><span class=\"katex-display\">");
        assertThat(r.formulas()).allMatch(RenderedText.FormulaOutcome::ok);
        assertUnchangedApartFromTheMark(content, r);
        // the raw view marks the exact characters compared
        assertThat(marks(r.rawHtml())).containsExactly("\\frac{3}{4}");
    }

    @Test
    void nestedBracesInAnInlineBoxMarkOnlyThatFormula() {
        String content = "Since $x^2 = \\frac12$, we get $x = \\boxed{\\frac{1}{\\sqrt{2}}}$ for positive $x$.";
        RenderedText r = drawn(content);
        assertThat(marks(r.html())).containsExactly(katexHtml("x = \\boxed{\\frac{1}{\\sqrt{2}}}", false));
        assertThat(marks(r.rawHtml())).containsExactly("\\frac{1}{\\sqrt{2}}");
        assertUnchangedApartFromTheMark(content, r);
    }

    @Test
    void prm800kAnswerSectionMarksTheNumberUnderIt() {
        assertMarksWords("The sum of the roots is $-b/a = 12$.\n\n# Answer\n\n12", "12",
                "<p><mark class=\"final-answer\">12</mark></p>");
    }

    @Test
    void theAnswerIsMarksTheWordsAfterThePhraseNotTheFullStop() {
        assertMarksWords("Adding them up gives seven apples. The answer is 7.", "7",
                "The answer is <mark class=\"final-answer\">7</mark>.");
    }

    @Test
    void aBoldAnswerLabelMarksTheAnswerNotTheLabel() {
        assertMarksWords("Solving the linear equation step by step.\n\n**Answer:** x=2", "x=2",
                "<strong>Answer:</strong> <mark class=\"final-answer\">x=2</mark>");
    }

    @Test
    void moneyBeforeABoxedAnswerStaysText() {
        // from GSM8K in the corpus: a sentinel right before the answer's $ would make "$100. … is $" a formula
        String content = "Gerald has $50 left after spending $100. The answer is $\\boxed{50}$.";
        RenderedText r = drawn(content);
        assertThat(marks(r.html())).containsExactly(katexHtml("\\boxed{50}", false));
        assertThat(r.formulas()).hasSize(1);
        assertUnchangedApartFromTheMark(content, r);
    }

    @Test
    void theMarkIsInTheStepThatHoldsTheAnswer() {
        String content = "First, $2+2=4$.\n\nThen double it: $4 \\cdot 2 = 8$.\n\nSo the answer is $\\boxed{8}$.";
        List<Step> steps = StepSegmenter.segment(content, Domain.MATH);
        assertThat(steps).hasSizeGreaterThan(1);
        AnswerSpan a = FinalAnswerExtractor.extract(content).orElseThrow();
        Step holder = steps.stream().filter(s -> s.start() <= a.start() && a.end() <= s.end()).findFirst().orElseThrow();
        RenderedText r = renderer.render(content, Domain.MATH, null, steps, katex, new PlainCodeHighlighter(),
                new AnswerRange(a.start(), a.end()));
        int mark = r.html().indexOf("<mark");
        int stepOpen = r.html().lastIndexOf("<div class=\"step\" data-step=\"", mark);
        assertThat(r.html().substring(stepOpen)).startsWith("<div class=\"step\" data-step=\"" + holder.index() + "\"");
        int rawMark = r.rawHtml().indexOf("<mark");
        assertThat(r.rawHtml().substring(r.rawHtml().lastIndexOf("data-step=\"", rawMark)))
                .startsWith("data-step=\"" + holder.index() + "\"");
    }

    @Test
    void noReferenceOrNoAnswerDrawsNoMark() {
        Item noReference = item("""
                {"id": "n", "domain": "math", "prompt": "Add.", "responses": [{"id": "a", "content": "So $\\\\boxed{4}$."}]}""");
        assertThat(MathEvidence.answerSpan(noReference, noReference.a())).isEmpty();
        Item noAnswer = item("""
                {"id": "m", "domain": "math", "prompt": "Prove it.", "responses": [{"id": "a", "content": "I cannot see how to prove this."}],
                 "reference": {"answer": "4"}}""");
        assertThat(MathEvidence.answerSpan(noAnswer, noAnswer.a())).isEmpty();
        RenderedText r = renderer.render(noReference.a().content(), Domain.MATH, null, null, katex, new PlainCodeHighlighter(), null);
        assertThat(r.html()).doesNotContain("<mark").doesNotContain("\uE002").doesNotContain("\uE003");
        assertThat(r.rawHtml()).doesNotContain("<mark");
        Item withReference = item("""
                {"id": "w", "domain": "math", "prompt": "Add.", "responses": [{"id": "a", "content": "So $\\\\boxed{4}$."}],
                 "reference": {"answer": "4"}}""");
        assertThat(MathEvidence.answerSpan(withReference, withReference.a())).isPresent();
    }

    @Test
    void anAnswerAcrossEmphasisAndParagraphsStaysWellFormed() {
        String content = "Intro.\n\nThe final answer: *two* and $\\frac{1}{2}$ and **three** more.";
        RenderedText r = drawn(content);
        assertThat(marks(r.html())).containsExactly("two", "and ", katexHtml("\\frac{1}{2}", false), "and ", "three", "more");
        assertUnchangedApartFromTheMark(content, r);
    }

    /** Plain-text answers: exactly these words are marked, where {@code inContext} shows them, in drawn and raw view. */
    private void assertMarksWords(String content, String words, String inContext) {
        RenderedText r = drawn(content);
        assertThat(marks(r.html())).containsExactly(words);
        assertThat(marks(r.rawHtml())).containsExactly(words);
        assertThat(r.html()).contains(inContext);
        assertUnchangedApartFromTheMark(content, r);
    }

    private RenderedText drawn(String content) {
        AnswerSpan a = FinalAnswerExtractor.extract(content).orElseThrow();
        RenderedText r = renderer.render(content, Domain.MATH, null, null, katex, new PlainCodeHighlighter(),
                new AnswerRange(a.start(), a.end()));
        assertThat(r.html()).doesNotContain("\uE002").doesNotContain("\uE003");
        return r;
    }

    /** The marked HTML less its marks is exactly what is drawn with no answer given: not a character more or less. */
    private void assertUnchangedApartFromTheMark(String content, RenderedText marked) {
        RenderedText plain = renderer.render(content, Domain.MATH, null, null, katex, new PlainCodeHighlighter());
        assertThat(withoutMarks(marked.html())).isEqualTo(plain.html());
        assertThat(withoutMarks(marked.rawHtml())).isEqualTo(plain.rawHtml());
    }

    private static String withoutMarks(String html) {
        return html.replaceAll("<mark class=\"final-answer( display)?\">", "").replace("</mark>", "");
    }

    private static List<String> marks(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = MARK.matcher(html);
        while (m.find()) out.add(m.group(2));
        return out;
    }

    private static String katexHtml(String tex, boolean display) {
        TexResult t = katex.render(TexPreprocessor.forKatex(tex, display), display);
        assertThat(t.ok()).isTrue();
        return t.html();
    }

    private static Item item(String json) {
        return ItemJson.read(Json.parse(json), "marks", null);
    }
}

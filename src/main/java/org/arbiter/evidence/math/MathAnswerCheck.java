package org.arbiter.evidence.math;

import java.util.List;
import java.util.Optional;

/**
 * Checks a math response's final answer against a reference answer: extract ({@link FinalAnswerExtractor}),
 * normalize ({@link LatexNormalizer}), read into a shape ({@link AnswerReader}) and compare
 * ({@link AnswerComparator}). Pure and stateless; safe to call from any thread.
 */
public final class MathAnswerCheck {
    private MathAnswerCheck() {
    }

    /** The response's final answer against the reference. */
    public static AnswerVerdict check(String responseText, String referenceAnswer) {
        Optional<AnswerSpan> span = FinalAnswerExtractor.extract(responseText);
        String normRef = LatexNormalizer.normalize(referenceAnswer).text();
        if (span.isEmpty()) return new AnswerVerdict(Verdict.NO_ANSWER, null, referenceAnswer, "no final answer found",
                null, normRef, null);
        AnswerSpan s = span.get();
        Compared c = compare(referenceAnswer, s.text(), List.of());
        return new AnswerVerdict(c.outcome().verdict(), s.text(), referenceAnswer, c.outcome().rule(),
                c.answer(), c.reference(), s);
    }

    /**
     * Two answers compared directly (no extraction), with the absolute tolerances a source states, one per
     * answer (OlympiadBench's {@code precision}); an empty list compares exactly.
     */
    public static AnswerVerdict compareAnswers(String referenceAnswer, String answer, List<Double> tolerances) {
        Compared c = compare(referenceAnswer, answer, tolerances);
        return new AnswerVerdict(c.outcome().verdict(), answer, referenceAnswer, c.outcome().rule(), c.answer(),
                c.reference(), null);
    }

    private record Compared(Outcome outcome, String reference, String answer) { }

    private static Compared compare(String referenceAnswer, String answer, List<Double> tolerances) {
        LatexNormalizer.Normalized ref = LatexNormalizer.normalize(referenceAnswer);
        LatexNormalizer.Normalized ans = LatexNormalizer.normalize(answer);
        if (ref.text().isEmpty()) return new Compared(Outcome.undecided("the reference answer is empty"), ref.text(), ans.text());
        if (ans.text().isEmpty()) return new Compared(Outcome.undecided("the answer is empty after normalization"), ref.text(), ans.text());
        AnswerComparator comparator = new AnswerComparator(tolerances);
        MathAnswer r = read(ref, null);
        MathAnswer a = read(ans, r);
        if (AnswerReader.hasThousandsSeparators(ref.text())) r = readThousands(ref, a);
        Outcome o;
        try {
            o = comparator.compare(r, a);
        } catch (RuntimeException e) {
            // an arithmetic corner the reader let through (a huge power, a zero denominator)
            o = Outcome.undecided("not computable: " + e.getMessage());
        }
        return new Compared(o, ref.text(), ans.text());
    }

    /**
     * {@code 1,000} is a thousand unless the other side is a list of as many entries: the reading is chosen
     * by the other side, never by trying both and keeping a match.
     */
    private static MathAnswer read(LatexNormalizer.Normalized n, MathAnswer other) {
        if (!AnswerReader.hasThousandsSeparators(n.text())) return AnswerReader.read(n.text(), n.percent());
        return readThousands(n, other);
    }

    private static MathAnswer readThousands(LatexNormalizer.Normalized n, MathAnswer other) {
        MathAnswer list = AnswerReader.read(n.text(), n.percent());
        int entries = list instanceof MathAnswer.Several s ? s.items().size() : 1;
        boolean otherIsList = other instanceof MathAnswer.Several s && s.items().size() == entries
                || other instanceof MathAnswer.Tuple t && t.items().size() == entries;
        return otherIsList ? list : AnswerReader.readAsNumber(n.text(), n.percent());
    }
}

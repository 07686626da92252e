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
        Outcome o;
        try {
            o = compareReadings(comparator, ref, ans);
        } catch (RuntimeException e) {
            // an arithmetic corner the reader let through (a huge power, a zero denominator)
            o = Outcome.undecided("not computable: " + e.getMessage());
        }
        return new Compared(o, ref.text(), ans.text());
    }

    /**
     * {@code 1,000} is a thousand, unless the other side is a tuple or list of as many entries: then it may as
     * well be two answers, and only a verdict both readings give is kept (a match of the list reading alone
     * is undecided, never a match).
     */
    private static Outcome compareReadings(AnswerComparator comparator, LatexNormalizer.Normalized ref,
                                           LatexNormalizer.Normalized ans) {
        MathAnswer r = AnswerReader.read(ref.text(), ref.percent());
        MathAnswer a = AnswerReader.read(ans.text(), ans.percent());
        boolean refAmbiguous = AnswerReader.hasThousandsSeparators(ref.text()) && !AnswerReader.hasThousandsSeparators(ans.text());
        boolean ansAmbiguous = AnswerReader.hasThousandsSeparators(ans.text()) && !AnswerReader.hasThousandsSeparators(ref.text());
        if (!refAmbiguous && !ansAmbiguous) return comparator.compare(r, a);
        MathAnswer number = refAmbiguous ? AnswerReader.readAsNumber(ref.text(), ref.percent())
                : AnswerReader.readAsNumber(ans.text(), ans.percent());
        MathAnswer list = refAmbiguous ? r : a;
        MathAnswer other = refAmbiguous ? a : r;
        Outcome asNumber = refAmbiguous ? comparator.compare(number, other) : comparator.compare(other, number);
        if (!sameCount(list, other)) return asNumber;
        Outcome asList = refAmbiguous ? comparator.compare(list, other) : comparator.compare(other, list);
        if (asList.verdict() == asNumber.verdict()) return asNumber;
        return Outcome.undecided("1,000 may be a thousand or two answers");
    }

    private static boolean sameCount(MathAnswer list, MathAnswer other) {
        int entries = list instanceof MathAnswer.Several s ? s.items().size() : 1;
        return other instanceof MathAnswer.Several s && s.items().size() == entries
                || other instanceof MathAnswer.Tuple t && t.items().size() == entries;
    }
}

package org.arbiter.evidence.math;

/**
 * The outcome of checking one response's final answer against the reference answer.
 *
 * @param verdict             match, mismatch, undecided or no_answer
 * @param answer              the answer as extracted from the response (null for no_answer)
 * @param reference           the reference answer as given
 * @param rule                the rule that decided, or why it stays undecided
 * @param normalizedAnswer    the answer after normalization (null for no_answer)
 * @param normalizedReference the reference after normalization
 * @param span                where the answer stands in the response (null for no_answer)
 */
public record AnswerVerdict(Verdict verdict, String answer, String reference, String rule,
                            String normalizedAnswer, String normalizedReference, AnswerSpan span) {
}

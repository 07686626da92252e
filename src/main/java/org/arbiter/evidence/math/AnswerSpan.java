package org.arbiter.evidence.math;

/**
 * The final answer found in a response: its text and where it stands ({@code start} inclusive, {@code end}
 * exclusive, in characters of the response content), so a view can highlight what was compared.
 *
 * @param form how it was found: boxed, answer-section, final-answer, answer-is, answer-label,
 *             display-formula, closing-sentence
 */
public record AnswerSpan(String text, int start, int end, String form) {
}

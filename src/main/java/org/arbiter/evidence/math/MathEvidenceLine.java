package org.arbiter.evidence.math;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response's answer check, as {@code arbiter verify} prints it:
 * {@code {"item","response","kind":"math","verdict","answer","reference","rule","ms"}}.
 *
 * @param ms     wall time of the check in milliseconds (fractional: a check takes well under one)
 * @param detail the full verdict, with both normalized forms and the answer's span
 */
public record MathEvidenceLine(String item, String response, AnswerVerdict detail, double ms) {
    public static final String KIND = "math";

    public Verdict verdict() {
        return detail.verdict();
    }

    /** The printed fields, in order; answer is null when no final answer was found. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item);
        m.put("response", response);
        m.put("kind", KIND);
        m.put("verdict", detail.verdict().wireName());
        m.put("answer", detail.answer());
        m.put("reference", detail.reference());
        m.put("rule", detail.rule());
        m.put("ms", Math.round(ms * 1000) / 1000.0);
        return m;
    }
}

package org.arbiter.quality.report;

import uk.ac.ed.ph.snuggletex.SnuggleEngine;
import uk.ac.ed.ph.snuggletex.SnuggleInput;
import uk.ac.ed.ph.snuggletex.SnuggleSession;

/**
 * Display formulas as MathML made in pure Java by SnuggleTeX, trimmed for an offline HTML5 page: the
 * namespace attribute goes (HTML5 knows {@code <math>} without it, and the page then names no URL at all),
 * and {@code <mfenced>}, which MathML Core browsers no longer draw, becomes an {@code <mrow>} with explicit
 * fences.
 */
final class MathMl {
    private final SnuggleEngine engine = new SnuggleEngine();

    /** @throws IllegalArgumentException when SnuggleTeX cannot read the formula (a bug in the report's own TeX) */
    String display(String tex) {
        SnuggleSession session = engine.createSession();
        try {
            if (!session.parseInput(new SnuggleInput("$$" + tex + "$$")) || !session.getErrors().isEmpty()) {
                throw new IllegalArgumentException("SnuggleTeX cannot read " + tex + ": " + session.getErrors());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return unfence(session.buildXMLString().replace(" xmlns=\"http://www.w3.org/1998/Math/MathML\"", ""));
    }

    static String unfence(String xml) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<String> closers = new java.util.ArrayDeque<>();
        int i = 0;
        while (i < xml.length()) {
            if (xml.startsWith("<mfenced", i)) {
                int end = xml.indexOf('>', i);
                String tag = xml.substring(i, end);
                String open = attr(tag, "open", "(");
                String close = attr(tag, "close", ")");
                out.append("<mrow><mo>").append(open).append("</mo>");
                closers.push(close);
                i = end + 1;
            } else if (xml.startsWith("</mfenced>", i)) {
                out.append("<mo>").append(closers.isEmpty() ? ")" : closers.pop()).append("</mo></mrow>");
                i += "</mfenced>".length();
            } else {
                out.append(xml.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String attr(String tag, String name, String fallback) {
        int at = tag.indexOf(name + "=\"");
        if (at < 0) return fallback;
        int start = at + name.length() + 2;
        return tag.substring(start, tag.indexOf('"', start));
    }
}

package org.arbiter.render;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the final answer's place through Markdown: two sentinel characters go into the step's source at the
 * answer's boundaries, and after Markdown the text between them is wrapped in {@code <mark class="final-answer">}.
 * Only text runs are wrapped (never across a tag), so the result is well-formed however the answer crosses
 * emphasis or paragraphs. A boundary inside a formula moves to the formula's edge: TeX is never touched, and the
 * whole drawn formula is marked instead (KaTeX runs with {@code trust: false}, so {@code \htmlClass} is not
 * available, and a formula is what the expert reads as one thing anyway).
 */
final class AnswerMarks {
    static final char OPEN = '\uE002';
    static final char CLOSE = '\uE003';
    static final String MARK = "<mark class=\"final-answer\">";
    /** Markdown block syntax at a line start that a sentinel in front of it would turn into text. */
    private static final Pattern BLOCK_START = Pattern.compile("(?:[ \\t]{0,3}(?:#{1,6}[ \\t]+|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+|>[ \\t]?))+");

    private AnswerMarks() {
    }

    /** True when the text holds none of the private-use characters the renderer uses as markers. */
    static boolean markable(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= '\uE000' && c <= '\uE003') return false;
        }
        return true;
    }

    /**
     * The range [from, to) widened so that neither end falls inside a formula, and moved past block syntax at a
     * line start; null when nothing is left.
     */
    static int[] clamp(String text, List<MathSpan> spans, int from, int to) {
        for (MathSpan s : spans) {
            if (from > s.start() && from < s.end()) from = s.start();
            if (to > s.start() && to < s.end()) to = s.end();
        }
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        if (text.substring(lineStart, from).isBlank()) {
            Matcher m = BLOCK_START.matcher(text).region(lineStart, to);
            if (m.lookingAt() && m.end() > from) from = m.end();
        }
        return from < to ? new int[]{from, to} : null;
    }

    /**
     * Where else the opening sentinel may go to mark the same words: before the spaces in front of the answer, or
     * -1. "spent $100. The answer is $\boxed{50}$": a $ closes a formula only after a non-space, so a sentinel
     * right before the answer's $ turns the money into a formula; before the spaces it does not (while after
     * {@code **Answer:**} it is the other way round, so both places are tried).
     */
    static int before(String text, int from) {
        int back = from;
        while (back > 0 && (text.charAt(back - 1) == ' ' || text.charAt(back - 1) == '\t')) back--;
        return back < from && back > 0 && text.charAt(back - 1) != '\n' ? back : -1;
    }

    /** The text with {@link #OPEN} at {@code from} and {@link #CLOSE} at {@code to}. */
    static String withSentinels(String text, int from, int to) {
        return text.substring(0, from) + OPEN + text.substring(from, to) + CLOSE + text.substring(to);
    }

    /** The spans of {@link #withSentinels}' text: neither sentinel is inside a span, so each shifts whole. */
    static List<MathSpan> shifted(List<MathSpan> spans, int from, int to) {
        return spans.stream().map(s -> {
            int by = (from <= s.start() ? 1 : 0) + (to <= s.start() ? 1 : 0);
            return new MathSpan(s.start() + by, s.end() + by, s.tex(), s.display(), s.delimiter());
        }).toList();
    }

    /**
     * Markdown's output with the sentinels turned into marks, or null when the sentinels changed what Markdown
     * made of the text (then the step is shown unmarked rather than altered).
     *
     * @param plain   Markdown's output for the same text without sentinels
     * @param display the global numbers of the formulas drawn as blocks
     */
    static String apply(String marked, String plain, char phOpen, char phClose, Set<Integer> display) {
        if (!marked.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "").equals(plain)) return null;
        StringBuilder out = new StringBuilder(marked.length() + 64);
        boolean marking = false;
        boolean open = false;
        boolean inTag = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN || c == CLOSE) {
                if (open) out.append("</mark>");
                open = false;
                marking = c == OPEN;
            } else if (inTag) {
                out.append(c);
                if (c == '>') inTag = false;
            } else if (c == '<') {
                if (open) out.append("</mark>");
                open = false;
                inTag = true;
                out.append(c);
            } else if (c == phOpen && marking && marked.indexOf(phClose, i) > i) {
                int end = marked.indexOf(phClose, i);
                if (open) out.append("</mark>");
                open = false;
                int n = Integer.parseInt(marked.substring(i + 1, end));
                out.append(display.contains(n) ? "<mark class=\"final-answer display\">" : MARK)
                        .append(marked, i, end + 1).append("</mark>");
                i = end;
            } else {
                // Whitespace between blocks stays outside: a mark holds what the expert reads.
                if (marking && !open && !Character.isWhitespace(c)) {
                    out.append(MARK);
                    open = true;
                }
                out.append(c);
            }
        }
        if (open) out.append("</mark>");
        return out.toString();
    }

    /** Escaped text of content[from, to) with the part inside {@code answer} marked (the raw view). */
    static String escaped(String content, int from, int to, AnswerRange answer) {
        int a = answer == null ? to : Math.max(from, answer.start());
        int b = answer == null ? to : Math.min(to, answer.end());
        if (a >= b) return Html.escape(content.substring(from, to));
        return Html.escape(content.substring(from, a)) + MARK + Html.escape(content.substring(a, b)) + "</mark>"
                + Html.escape(content.substring(b, to));
    }
}

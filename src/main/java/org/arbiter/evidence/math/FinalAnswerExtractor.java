package org.arbiter.evidence.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a solution, in the forms models write, strongest first: the last
 * {@code \boxed{…}} / {@code \fbox{…}} (boxes side by side in one sentence are read together), PRM800K's
 * {@code # Answer} section, "final answer: …" / "the final answer is …", "the answer is …",
 * {@code **Answer:**} and GSM8K's {@code A: …} line; failing those, whichever ends later of the last display
 * formula (its right-hand side) and the last number or inline formula of the closing sentence.
 */
public final class FinalAnswerExtractor {
    private static final Pattern BOX = Pattern.compile("\\\\(?:boxed|fbox)\\s*\\{");
    private static final Pattern SECTION = Pattern.compile("(?m)^#+\\s*Answer\\s*$");
    private static final Pattern FINAL = Pattern.compile("(?i)final answer(?: is)?\\s*[:：]?\\s*(?:is\\s*)?");
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)\\banswer is\\s*[:：]?\\s*");
    private static final Pattern LABEL = Pattern.compile("(?m)(?:\\*\\*\\s*answer\\s*[:：]?\\s*\\*\\*\\s*[:：]?|^\\s*(?:A|Answer)\\s*[:：])\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPLAY = Pattern.compile("\\\\\\[(.+?)\\\\\\]|\\$\\$(.+?)\\$\\$", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\$([^$]+)\\$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");
    /** Text between two boxes that still belongs to one answer: ", ", " and ", "$ or $". */
    private static final Pattern JOIN = Pattern.compile("(?:[\\s$\\\\(),]|\\\\quad|\\\\qquad|\\\\text\\{\\s*(?:and|or)\\s*\\}|\\band\\b|\\bor\\b)*");

    private FinalAnswerExtractor() {
    }

    public static Optional<AnswerSpan> extract(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        Optional<AnswerSpan> found = boxed(text);
        if (found.isEmpty()) found = section(text);
        if (found.isEmpty()) found = after(text, FINAL, "final-answer");
        if (found.isEmpty()) found = after(text, ANSWER_IS, "answer-is");
        if (found.isEmpty()) found = after(text, LABEL, "answer-label");
        if (found.isEmpty()) found = closing(text);
        return found.filter(s -> !s.text().isBlank());
    }

    private static Optional<AnswerSpan> boxed(String text) {
        List<int[]> boxes = new ArrayList<>();
        Matcher m = BOX.matcher(text);
        while (m.find()) {
            int open = m.end() - 1;
            int close = LatexNormalizer.matchingBrace(text, open);
            if (close > 0) boxes.add(new int[]{open + 1, close});
        }
        if (boxes.isEmpty()) return Optional.empty();
        int last = boxes.size() - 1;
        int first = last;
        while (first > 0 && boxes.get(first - 1)[1] < boxes.get(first)[0]
                && JOIN.matcher(between(text, boxes.get(first - 1)[1] + 1, boxes.get(first)[0])).matches()) {
            first--;
        }
        if (first == last) {
            int[] b = boxes.get(last);
            return Optional.of(new AnswerSpan(text.substring(b[0], b[1]).strip(), b[0], b[1], "boxed"));
        }
        StringBuilder joined = new StringBuilder();
        for (int k = first; k <= last; k++) {
            if (k > first) joined.append(", ");
            joined.append(text, boxes.get(k)[0], boxes.get(k)[1]);
        }
        return Optional.of(new AnswerSpan(joined.toString().strip(), boxes.get(first)[0], boxes.get(last)[1], "boxed"));
    }

    /** The text between a box's closing brace and the next box's opening command. */
    private static String between(String text, int from, int nextOpen) {
        int cmd = text.lastIndexOf('\\', nextOpen);
        return cmd >= from ? text.substring(from, cmd) : "";
    }

    private static Optional<AnswerSpan> section(String text) {
        Matcher m = SECTION.matcher(text);
        int start = -1;
        while (m.find()) start = m.end();
        if (start < 0) return Optional.empty();
        return trimmed(text, start, text.length(), "answer-section");
    }

    /** The rest of the sentence after the last phrase that announces the answer. */
    private static Optional<AnswerSpan> after(String text, Pattern phrase, String form) {
        Matcher m = phrase.matcher(text);
        int start = -1;
        while (m.find()) start = m.end();
        if (start < 0) return Optional.empty();
        return trimmed(text, start, sentenceEnd(text, start), form);
    }

    /** Up to a line break, or a period followed by a space and not inside math. */
    private static int sentenceEnd(String text, int from) {
        boolean inDollar = false;
        int paren = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') return k;
            if (c == '$') inDollar = !inDollar;
            if (text.startsWith("\\(", k) || text.startsWith("\\[", k)) paren++;
            if (text.startsWith("\\)", k) || text.startsWith("\\]", k)) paren--;
            if (c == '.' && !inDollar && paren <= 0 && (k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1)))) {
                return k;
            }
        }
        return text.length();
    }

    private static Optional<AnswerSpan> trimmed(String text, int start, int end, String form) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (start >= end) return Optional.empty();
        return Optional.of(new AnswerSpan(text.substring(start, end), start, end, form));
    }

    /** The last display formula or the last number of the closing sentence, whichever ends later. */
    private static Optional<AnswerSpan> closing(String text) {
        AnswerSpan display = null;
        Matcher d = DISPLAY.matcher(text);
        while (d.find()) {
            int g = d.group(1) != null ? 1 : 2;
            display = rightHandSide(text, d.start(g), d.end(g), "display-formula");
        }
        String body = text.stripTrailing();
        // the closing paragraph: a solution often ends "… is \(x\). This covers all steps."
        int sentenceStart = body.lastIndexOf("\n\n") + 1;
        AnswerSpan number = null;
        Matcher in = INLINE.matcher(body);
        in.region(sentenceStart, body.length());
        while (in.find()) {
            int g = in.group(1) != null ? 1 : 2;
            AnswerSpan s = rightHandSide(body, in.start(g), in.end(g), "closing-sentence");
            if (s != null && s.text().matches(".*\\d.*")) number = s;
        }
        if (number == null) {
            Matcher n = NUMBER.matcher(body);
            n.region(sentenceStart, body.length());
            while (n.find()) number = new AnswerSpan(n.group(), n.start(), n.end(), "closing-sentence");
        }
        if (display == null) return Optional.ofNullable(number);
        if (number == null) return Optional.of(display);
        return Optional.of(number.end() > display.end() ? number : display);
    }

    /**
     * For {@code A = \frac12 \cdot 6 = 3}, the part after the last {@code =}; but an equation such as
     * {@code x^2 + y^2 = 13} is kept whole, since it may be the answer.
     */
    private static AnswerSpan rightHandSide(String text, int start, int end, String form) {
        String f = text.substring(start, end);
        int eq = f.lastIndexOf('=');
        if (eq >= 0 && eq + 1 < f.length()) {
            String lhs = f.substring(0, f.indexOf('=')).replaceAll("\\\\text\\{[^{}]*\\}", "");
            if (eq != f.indexOf('=') || !lhs.matches("(?s).*\\d.*")) start += eq + 1;
        }
        return trimmed(text, start, end, form).orElse(null);
    }
}

package org.arbiter.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the formulas in Markdown the way chat UIs do: {@code $…$}, {@code $$…$$}, {@code \(…\)},
 * {@code \[…\]} and bare display environments (align, equation, …), never inside code spans, fenced code
 * or [asy] figures.
 *
 * <p>Money stays text, by the pandoc / markdown-it-texmath rule: an opening {@code $} must not be followed
 * by a space, the first unescaped {@code $} after it closes, and only if it does not follow a space nor is
 * followed by a digit; inline math never crosses a blank line. So "$5 and $10" is text. {@code \$} is a literal dollar. The scan is linear and
 * keeps no nesting stack beyond one counter per environment, so deep braces cannot hurt it.
 */
public final class MathScanner {
    /** Environments KaTeX draws at top level (after {@link TexPreprocessor}), as models write them bare. */
    static final Set<String> DISPLAY_ENVIRONMENTS = Set.of(
            "align", "align*", "alignat", "alignat*", "equation", "equation*", "gather", "gather*",
            "multline", "multline*", "eqnarray", "eqnarray*", "flalign", "flalign*", "displaymath", "split",
            "CD");
    private static final Pattern BEGIN = Pattern.compile("\\\\begin\\{([A-Za-z]+\\*?)}");
    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(`{3,}|~{3,})");

    private MathScanner() {
    }

    public static List<MathSpan> scan(String text) {
        List<MathSpan> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (atLineStart(text, i)) {
                int skip = skipFence(text, i);
                if (skip > i) {
                    i = skip;
                    continue;
                }
            }
            if (c == '`') {
                int run = runLength(text, i, '`');
                int close = findBacktickRun(text, i + run, run);
                // An unmatched backtick run is literal text, per CommonMark.
                i = close < 0 ? i + run : close + run;
                continue;
            }
            if (c == '[' && text.startsWith("[asy]", i)) {
                int close = text.indexOf("[/asy]", i + 5);
                i = close < 0 ? n : close + 6;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                char d = text.charAt(i + 1);
                if (d == '(' || d == '[') {
                    String closer = d == '(' ? "\\)" : "\\]";
                    int close = findUnescaped(text, i + 2, closer);
                    if (close >= 0) {
                        out.add(new MathSpan(i, close + 2, text.substring(i + 2, close), d == '[', "\\" + d));
                        i = close + 2;
                        continue;
                    }
                } else if (d == 'b' && text.startsWith("\\begin{", i)) {
                    Matcher m = BEGIN.matcher(text).region(i, n);
                    if (m.lookingAt() && DISPLAY_ENVIRONMENTS.contains(m.group(1))) {
                        int end = findEnvironmentEnd(text, m.end(), m.group(1));
                        if (end >= 0) {
                            out.add(new MathSpan(i, end, text.substring(i, end), true, "env"));
                            i = end;
                            continue;
                        }
                    }
                }
                // \$, \\ and any other escape: the next character is not a delimiter.
                i += 2;
                continue;
            }
            if (c == '$') {
                if (i + 1 < n && text.charAt(i + 1) == '$') {
                    int close = findDoubleDollar(text, i + 2);
                    if (close >= 0) {
                        out.add(new MathSpan(i, close + 2, text.substring(i + 2, close), true, "$$"));
                        i = close + 2;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                int close = findInlineClose(text, i + 1);
                if (close >= 0) {
                    out.add(new MathSpan(i, close + 1, text.substring(i + 1, close), false, "$"));
                    i = close + 1;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    private static boolean atLineStart(String text, int i) {
        return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
    }

    /** When a fence opens at {@code i}, the offset after its closing fence line (or the end of text). */
    private static int skipFence(String text, int i) {
        Matcher m = FENCE.matcher(text).region(i, text.length());
        if (!m.lookingAt()) return i;
        String marker = m.group(1);
        int lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0) return text.length();
        // The info string of a backtick fence may not contain backticks; then it is no fence.
        if (marker.charAt(0) == '`' && text.substring(m.end(), lineEnd).indexOf('`') >= 0) return i;
        int k = lineEnd + 1;
        while (k < text.length()) {
            int e = text.indexOf('\n', k);
            if (e < 0) e = text.length();
            String line = text.substring(k, e).strip();
            if (line.length() >= marker.length() && line.chars().allMatch(ch -> ch == marker.charAt(0))) return e;
            k = e + 1;
        }
        return text.length();
    }

    private static int runLength(String text, int i, char c) {
        int k = i;
        while (k < text.length() && text.charAt(k) == c) k++;
        return k - i;
    }

    private static int findBacktickRun(String text, int from, int run) {
        int k = from;
        while (k < text.length()) {
            int j = text.indexOf('`', k);
            if (j < 0) return -1;
            int len = runLength(text, j, '`');
            if (len == run) return j;
            k = j + len;
        }
        return -1;
    }

    private static int findUnescaped(String text, int from, String closer) {
        for (int k = from; k < text.length() - 1; k++) {
            if (text.startsWith(closer, k)) return k;
            if (text.charAt(k) == '\\') k++;
        }
        return -1;
    }

    private static int findDoubleDollar(String text, int from) {
        for (int k = from; k < text.length() - 1; k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '$' && text.charAt(k + 1) == '$') return k;
        }
        return -1;
    }

    private static int findInlineClose(String text, int from) {
        if (from >= text.length() || Character.isWhitespace(text.charAt(from))) return -1;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
                continue;
            }
            if (c == '\n' && blankLineFollows(text, k)) return -1;
            if (c == '$') {
                // Only the first unescaped dollar may close: "$5 and $x$" is money, then a formula.
                if (k == from || Character.isWhitespace(text.charAt(k - 1))) return -1;
                if (k + 1 < text.length() && Character.isDigit(text.charAt(k + 1))) return -1;
                return k;
            }
        }
        return -1;
    }

    private static boolean blankLineFollows(String text, int newline) {
        for (int k = newline + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }

    /** Offset after the matching {@code \end{name}}, counting nested uses of the same environment. */
    private static int findEnvironmentEnd(String text, int from, String name) {
        String open = "\\begin{" + name + "}";
        String close = "\\end{" + name + "}";
        int depth = 1;
        int k = from;
        while (depth > 0) {
            int o = text.indexOf(open, k);
            int c = text.indexOf(close, k);
            if (c < 0) return -1;
            if (o >= 0 && o < c) {
                depth++;
                k = o + open.length();
            } else {
                depth--;
                k = c + close.length();
            }
        }
        return k;
    }
}

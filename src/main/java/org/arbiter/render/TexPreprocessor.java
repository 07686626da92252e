package org.arbiter.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what models write into what KaTeX accepts, only where KaTeX lacks a feature that chat UIs paper
 * over. The original source is kept elsewhere: errors and render-check report what the model wrote.
 */
public final class TexPreprocessor {
    private static final Pattern LABEL = Pattern.compile("\\\\label\\s*\\{[^{}]*}");
    private static final Pattern EQREF = Pattern.compile("\\\\eqref\\s*\\{([^{}]*)}");
    private static final Pattern REF = Pattern.compile("\\\\ref\\s*\\{([^{}]*)}");
    private static final Pattern MBOX = Pattern.compile("\\\\mbox\\s*\\{");
    private static final Pattern EQNARRAY = Pattern.compile("\\\\(begin|end)\\{eqnarray\\*?}");
    private static final Pattern DISPLAY_ONLY = Pattern.compile("\\\\(begin|end)\\{(align|gather|alignat)\\*?}");
    private static final Pattern EQUATION = Pattern.compile("\\\\(begin|end)\\{(equation\\*?|displaymath)}");
    private static final Pattern PROOF_BEGIN = Pattern.compile("\\\\begin\\{proof}(\\[([^\\]]*)])?");
    private static final Pattern PROOF_END = Pattern.compile("\\\\end\\{proof}");

    private TexPreprocessor() {
    }

    /** KaTeX source for a formula found by {@link MathScanner}. */
    public static String forKatex(String tex, boolean display) {
        String t = LABEL.matcher(tex).replaceAll("");
        t = EQREF.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\text{(" + labelText(m.group(1)) + ")}"));
        t = REF.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\text{" + labelText(m.group(1)) + "}"));
        t = MBOX.matcher(t).replaceAll(Matcher.quoteReplacement("\\text{"));
        t = EQNARRAY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).equals("begin") ? "\\begin{array}{rcl}" : "\\end{array}"));
        if (t.contains("\\begin{array}") || t.contains("\\multicolumn") || t.contains("\\cline")) t = arrays(t);
        if (!display) {
            // align* written inside $…$: chat UIs show the aligned rows, KaTeX only allows it in display mode.
            t = DISPLAY_ONLY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                    "\\" + m.group(1) + "{" + (m.group(2).equals("gather") ? "gathered" : m.group(2).equals("alignat") ? "alignedat" : "aligned") + "}"));
            t = EQUATION.matcher(t).replaceAll("");
        }
        return t;
    }

    /**
     * Array features KaTeX lacks but long division and column arithmetic in MATH solutions use: {@code @{…}}
     * and {@code p{…}} in column specs, {@code *{n}{spec}}, {@code \multicolumn{n}{…}{x}} (x goes in the
     * last spanned cell, which keeps right-aligned digits in place) and {@code \cline} (dropped).
     */
    static String arrays(String t) {
        StringBuilder b = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            if (t.startsWith("\\begin{array}", i)) {
                int open = skipSpaces(t, i + "\\begin{array}".length());
                int close = open < t.length() && t.charAt(open) == '{' ? matchingBrace(t, open) : -1;
                if (close > 0) {
                    b.append("\\begin{array}{").append(columnSpec(t.substring(open + 1, close))).append('}');
                    i = close + 1;
                    continue;
                }
            } else if (t.startsWith("\\cline", i)) {
                int open = skipSpaces(t, i + "\\cline".length());
                int close = open < t.length() && t.charAt(open) == '{' ? matchingBrace(t, open) : -1;
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            } else if (t.startsWith("\\multicolumn", i)) {
                int a = skipSpaces(t, i + "\\multicolumn".length());
                int ae = a < t.length() && t.charAt(a) == '{' ? matchingBrace(t, a) : -1;
                int s = ae > 0 ? skipSpaces(t, ae + 1) : -1;
                int se = s > 0 && s < t.length() && t.charAt(s) == '{' ? matchingBrace(t, s) : -1;
                int c = se > 0 ? skipSpaces(t, se + 1) : -1;
                int ce = c > 0 && c < t.length() && t.charAt(c) == '{' ? matchingBrace(t, c) : -1;
                if (ce > 0) {
                    int n;
                    try {
                        n = Math.max(1, Math.min(64, Integer.parseInt(t.substring(a + 1, ae).strip())));
                    } catch (NumberFormatException e) {
                        n = 1;
                    }
                    b.append("&".repeat(n - 1)).append('{').append(t, c + 1, ce).append('}');
                    i = ce + 1;
                    continue;
                }
            }
            b.append(t.charAt(i++));
        }
        return b.toString();
    }

    private static String columnSpec(String spec) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if ((c == '@' || c == '!' || c == '>' || c == '<') && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                int e = matchingBrace(spec, i + 1);
                if (e < 0) break;
                i = e + 1;
            } else if ((c == 'p' || c == 'm' || c == 'b') && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                int e = matchingBrace(spec, i + 1);
                if (e < 0) break;
                b.append('l');
                i = e + 1;
            } else if (c == '*' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                int ne = matchingBrace(spec, i + 1);
                int se = ne > 0 && ne + 1 < spec.length() && spec.charAt(ne + 1) == '{' ? matchingBrace(spec, ne + 1) : -1;
                if (se < 0) break;
                int n;
                try {
                    n = Math.max(0, Math.min(64, Integer.parseInt(spec.substring(i + 2, ne).strip())));
                } catch (NumberFormatException e) {
                    n = 1;
                }
                b.append(columnSpec(spec.substring(ne + 2, se)).repeat(n));
                i = se + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
        return i;
    }

    /** Offset of the brace closing the one at {@code open}, skipping escaped braces; -1 when unbalanced. */
    private static int matchingBrace(String t, int open) {
        int depth = 0;
        for (int k = open; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** Label names shown as text: only characters that KaTeX's text mode takes literally. */
    private static String labelText(String label) {
        return label.replaceAll("[^A-Za-z0-9:.,\\- ]", "");
    }

    /** The proof environment is text: "Proof." in italics, the body as prose, a closing ∎. */
    public static String proofAsProse(String markdown) {
        if (!markdown.contains("{proof}")) return markdown;
        String t = PROOF_BEGIN.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                "*" + (m.group(2) == null || m.group(2).isBlank() ? "Proof" : m.group(2).strip()) + ".* "));
        return PROOF_END.matcher(t).replaceAll(Matcher.quoteReplacement(" ∎"));
    }
}

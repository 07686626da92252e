package org.arbiter.evidence.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an answer's LaTeX into the plain form {@link AnswerReader} reads: delimiters, {@code \boxed},
 * {@code \dfrac}, {@code \left}/{@code \right}, spacing, degrees, {@code \$}, units in {@code \text{}} and
 * trailing periods go; "and"/"or" between answers become commas. Percent signs are removed here and
 * reported, because whether {@code 25\%} equals {@code 25} or {@code 0.25} is the comparison's decision.
 */
final class LatexNormalizer {
    private static final Pattern UNIT_TEXT = Pattern.compile("(?<![_{^])\\\\(?:text|textbf|textit|mbox|mathrm)\\s*\\{([^{}]*)\\}(\\^\\{?\\d\\}?)?");
    private static final Pattern WORD_UNITS = Pattern.compile("^(.*[\\d}])\\s+([a-z]{2,}\\.?(?:\\s+[a-z]+\\.?)*)$");
    private static final Pattern SPACING = Pattern.compile("(?<!\\\\)\\\\(?:[,;: ]|quad|qquad|displaystyle|textstyle|big[lr]?|Big[lr]?|bigg[lr]?|Bigg[lr]?)(?![a-zA-Z])|~");
    private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{\\s*\\\\circ\\s*\\}|\\^\\s*\\\\circ|\\\\circ|°|\\\\degree");
    /** "k \\in \\mathbb{Z}" after a family of solutions says which k, not another answer. */
    private static final Pattern INTEGER_QUALIFIER = Pattern.compile(
            "[,\\s]*(?:\\\\text\\{\\s*(?:for|where)(?: all| some| any)?(?: integers?)?\\s*\\}|for|where)?\\s*(?:[a-zA-Z]\\s*\\\\in\\s*\\\\mathbb\\s*\\{?\\s*Z\\s*\\}?|\\\\text\\{\\s*(?:for|where)? ?(?:any|all|some)? ?integers? ?[a-z]?\\s*\\})\\s*$");
    private static final Pattern MIXED = Pattern.compile("(?<![\\d.}^_{])(\\d+)\\s*\\\\frac\\s*(\\{\\d+\\}|\\d)\\s*(\\{\\d+\\}|\\d)");
    private static final Pattern JOINERS = Pattern.compile("\\s*(?:\\\\text\\{\\s*(?:and|or)\\s*\\}|\\\\(?:text|mbox)\\{\\s*,\\s*(?:and|or)?\\s*\\}|\\s(?:and|or)\\s)\\s*");

    /** The normalized text, and whether a percent sign was written. */
    record Normalized(String text, boolean percent) { }

    private LatexNormalizer() {
    }

    static Normalized normalize(String raw) {
        String s = raw.strip();
        s = s.replace("±", "\\pm ").replace("∓", "\\mp ").replace("−", "-").replace("×", "\\times ")
                .replace("·", "\\cdot ").replace("÷", "\\div ").replace("π", "\\pi ").replace("∞", "\\infty ")
                .replace("√", "\\sqrt ");
        s = unwrap(s, "\\boxed");
        s = unwrap(s, "\\fbox");
        s = s.replace("\\$", "").replace("\\!", "").replace("{,}", ",");
        s = s.replaceAll("(?<!\\\\)\\\\(?=\\d)", ""); // \boxed{\15}: a stray backslash before a number
        s = s.replace("$", "").replace("\\(", "").replace("\\)", "").replace("\\[", "").replace("\\]", "");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        s = s.replaceAll("\\\\left\\s*\\.|\\\\right\\s*\\.", "").replaceAll("\\\\(left|right)(?![a-zA-Z])", "");
        s = s.replace("\\lbrace", "\\{").replace("\\rbrace", "\\}").replace("\\lvert", "|").replace("\\rvert", "|");
        s = SPACING.matcher(s).replaceAll(" ");
        s = DEGREES.matcher(s).replaceAll("");
        boolean percent = s.contains("%");
        s = s.replace("\\%", "").replace("%", "");
        s = s.replaceAll("\\\\geqslant|\\\\geq(?![a-zA-Z])|≥", "\\\\ge ").replaceAll("\\\\leqslant|\\\\leq(?![a-zA-Z])|≤", "\\\\le ");
        s = INTEGER_QUALIFIER.matcher(s).replaceAll("");
        s = JOINERS.matcher(s).replaceAll(", ");
        s = units(s);
        s = mixedNumbers(s);
        s = s.replaceAll("\\s+", " ").strip();
        s = trimTrailing(s);
        if (s.startsWith("=")) s = s.substring(1).strip();
        return new Normalized(s, percent);
    }

    /** {@code 12\text{ square units}} → 12, but {@code \text{even}} → even. */
    private static String units(String s) {
        String without = UNIT_TEXT.matcher(s).replaceAll("").strip();
        if (without.matches(".*[\\d}].*") && !without.isEmpty()) {
            s = without;
            Matcher m = WORD_UNITS.matcher(s);
            if (m.matches()) s = m.group(1);
            return s;
        }
        // only words: keep them
        return UNIT_TEXT.matcher(s).replaceAll("$1");
    }

    /** {@code 3\frac12} is 3½ (MATH writes mixed numbers so), not 3 × ½; only a proper fraction of integers. */
    private static String mixedNumbers(String s) {
        Matcher m = MIXED.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String num = m.group(2).replaceAll("[{}]", ""), den = m.group(3).replaceAll("[{}]", "");
            boolean proper = num.length() < 10 && den.length() < 10 && Long.parseLong(num) < Long.parseLong(den);
            m.appendReplacement(out, Matcher.quoteReplacement(proper
                    ? "(" + m.group(1) + "+\\frac{" + num + "}{" + den + "})" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String trimTrailing(String s) {
        while (!s.isEmpty()) {
            char c = s.charAt(s.length() - 1);
            if (c == '.' || c == ',' || c == ';' || c == ' ' || c == ':') s = s.substring(0, s.length() - 1);
            else if (s.endsWith("\\\\")) s = s.substring(0, s.length() - 2);
            else break;
        }
        return s;
    }

    /** Replaces each {@code \boxed{X}} by X, following nested braces. */
    static String unwrap(String s, String command) {
        int at;
        while ((at = s.indexOf(command + "{")) >= 0) {
            int open = at + command.length();
            int close = matchingBrace(s, open);
            if (close < 0) return s;
            s = s.substring(0, at) + s.substring(open + 1, close) + s.substring(close + 1);
        }
        return s;
    }

    /** The index of the brace closing the one at {@code open}, or −1. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length() && (s.charAt(k + 1) == '{' || s.charAt(k + 1) == '}')) { k++; continue; }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return k;
        }
        return -1;
    }
}

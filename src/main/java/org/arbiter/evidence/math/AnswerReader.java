package org.arbiter.evidence.math;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a normalized answer into its shape: tuple, solution list, set, interval union, matrix, choice letter,
 * words, base numeral, equation, relation or scalar. A leading name ({@code x=}, {@code f(x)=},
 * {@code a_{n}=}, {@code c\in}) is dropped, as graders do.
 */
final class AnswerReader {
    /** {@code x}, {@code a_{n}}, {@code \Delta p}, {@code f(x)}, {@code \Phi (x,y)}, {@code I_{\max}}. */
    private static final Pattern NAME = Pattern.compile(
            "\\s*+(?:(?:\\\\(?:mathbf|vec|bold|boldsymbol|overrightarrow|mathrm)\\s*+\\{[A-Za-z]++\\}|\\\\?[A-Za-z]++)(?:\\s*+_\\s*+(?:\\{[^{}]*+\\}|\\\\?[A-Za-z0-9]++))?'*+\\s*+)++(?:\\([^()]*+\\))?\\s*+");
    private static final Pattern CHOICE = Pattern.compile("\\(?([A-E])\\)?");
    private static final Pattern BASE = Pattern.compile("(\\d[0-9A-F]*)\\s*_\\s*\\{?(\\d+)\\}?");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][A-Za-z '\\-]*");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern RELATION = Pattern.compile("[<>]|\\\\(?:le|ge|lt|gt|neq|ne)(?![a-zA-Z])");

    private AnswerReader() {
    }

    /** True for {@code 1,000} and {@code 3,110,400}, which may also be read as a list. */
    static boolean hasThousandsSeparators(String normalized) {
        return THOUSANDS.matcher(normalized).matches();
    }

    static MathAnswer read(String s, boolean percent) {
        s = dropName(s.strip());
        List<String> parts = splitTop(s, ",");
        if (parts.size() > 1) {
            List<MathAnswer> items = new ArrayList<>();
            for (String p : parts) {
                MathAnswer a = element(dropName(p.strip()), false);
                // ±1, ±7 is four answers, not two pairs
                if (a instanceof MathAnswer.Several several) items.addAll(several.items());
                else items.add(a);
            }
            return new MathAnswer.Several(s, items);
        }
        return element(s, percent);
    }

    /** The reading of {@code 1,000} as one number. */
    static MathAnswer readAsNumber(String s, boolean percent) {
        return element(s.replace(",", ""), percent);
    }

    private static String dropName(String s) {
        int eq = topIndex(s, "=");
        String rel = null;
        int at = eq;
        for (String r : new String[]{"\\in ", "\\approx", "\\equiv"}) {
            int k = topIndex(s, r);
            if (k >= 0 && (at < 0 || k < at)) { at = k; rel = r; }
        }
        if (at <= 0) return s;
        String lhs = s.substring(0, at);
        if (rel == null && !NAME.matcher(lhs).matches() && splitTop(s, "=").size() == 2 && splitTop(s, ",").size() == 1
                && NAME.matcher(s.substring(at + 1)).matches() && !RELATION.matcher(s).find()) {
            return lhs.strip(); // 3 = A_{4}
        }
        if (!NAME.matcher(lhs).matches() || lhs.startsWith("\\frac") || lhs.startsWith("\\sqrt")) return s;
        String rest = s.substring(at + (rel == null ? 1 : rel.length()));
        // x = \frac{45}{5} = 9: the last value written is the answer
        int last;
        while ((last = topIndex(rest, "=")) >= 0 && topIndex(rest.substring(0, last), ",") < 0) {
            rest = rest.substring(last + 1);
        }
        return rest.strip();
    }

    private static MathAnswer element(String t, boolean percent) {
        t = t.strip();
        if (t.isEmpty()) return new MathAnswer.Unread(t, "empty");
        t = dropName(t);
        if (t.startsWith("\\begin{")) return matrix(t);
        if (t.startsWith("\\{") && t.endsWith("\\}")) {
            List<MathAnswer> items = new ArrayList<>();
            for (String p : splitTop(t.substring(2, t.length() - 2), ",")) items.add(element(p, false));
            return new MathAnswer.Several(t, items);
        }
        List<String> union = splitTop(t, "\\cup");
        if (union.size() > 1) {
            List<MathAnswer.Interval> parts = new ArrayList<>();
            for (String u : union) {
                MathAnswer a = element(u, false);
                if (a instanceof MathAnswer.Interval iv) parts.add(iv);
                else if (a instanceof MathAnswer.Tuple tp && tp.items().size() == 2) {
                    MathAnswer.Interval iv = asOpenInterval(tp);
                    if (iv == null) return new MathAnswer.Unread(t, "a union of something other than intervals");
                    parts.add(iv);
                } else return new MathAnswer.Unread(t, "a union of something other than intervals");
            }
            return new MathAnswer.Union(t, parts);
        }
        char first = t.charAt(0), last = t.charAt(t.length() - 1);
        if ((first == '(' || first == '[') && (last == ')' || last == ']') && closerOf(t, 0) == t.length() - 1) {
            List<String> parts = splitTop(t.substring(1, t.length() - 1), ",");
            boolean interval = first == '[' || last == ']' || t.contains("\\infty");
            if (interval && parts.size() == 2) {
                try {
                    return new MathAnswer.Interval(t, first == '[', ExprParser.parse(parts.get(0)),
                            ExprParser.parse(parts.get(1)), last == ']');
                } catch (RuntimeException e) {
                    return new MathAnswer.Unread(t, "an interval end not read: " + e.getMessage());
                }
            }
            if (parts.size() > 1) {
                List<MathAnswer> items = new ArrayList<>();
                for (String p : parts) items.add(element(p, false));
                return new MathAnswer.Tuple(t, items);
            }
        }
        List<String> pm = splitTop(t, "\\pm");
        if (pm.size() == 2) {
            String a = pm.get(0).strip(), b = pm.get(1).strip();
            String plus = a.isEmpty() ? b : a + "+(" + b + ")";
            String minus = a.isEmpty() ? "-(" + b + ")" : a + "-(" + b + ")";
            return new MathAnswer.Several(t, List.of(element(plus, false), element(minus, false)));
        }
        List<String> ratio = splitTop(t, ":");
        if (ratio.size() == 2) {
            MathAnswer q = scalar(t, "(" + ratio.get(0) + ")/(" + ratio.get(1) + ")", false);
            return q instanceof MathAnswer.Scalar sc ? new MathAnswer.Scalar(t, sc.expr(), false, true) : q;
        }
        Matcher m = CHOICE.matcher(t);
        if (m.matches()) return new MathAnswer.Choice(t, m.group(1).charAt(0));
        m = BASE.matcher(t);
        if (m.matches()) return new MathAnswer.BaseNumeral(t, m.group(1).toUpperCase(), m.group(2));
        if (RELATION.matcher(t).find()) return relation(t);
        List<String> sides = splitTop(t, "=");
        if (sides.size() == 2) {
            try {
                return new MathAnswer.Equation(t, ExprParser.parse(sides.get(0)), ExprParser.parse(sides.get(1)));
            } catch (RuntimeException e) {
                return new MathAnswer.Unread(t, "an equation not read: " + e.getMessage());
            }
        }
        if (WORDS.matcher(t).matches() && t.replaceAll("[^A-Za-z]", "").length() >= 3) {
            return new MathAnswer.Words(t, t.toLowerCase().replaceAll("[^a-z]", ""));
        }
        return scalar(t, t, percent);
    }

    private static final Pattern ONE_SIDED = Pattern.compile("([a-zA-Z])\\s*(<|>|\\\\le|\\\\ge|\\\\lt|\\\\gt)\\s*([^<>=]+)");
    private static final Pattern TWO_SIDED = Pattern.compile("([^<>=]+?)\\s*(<|\\\\le|\\\\lt)\\s*([a-zA-Z])\\s*(<|\\\\le|\\\\lt)\\s*([^<>=]+)");

    /** {@code x > 2} and {@code \frac12 \le x \le 8} are intervals; other relations stay text. */
    private static MathAnswer relation(String t) {
        try {
            Matcher m = TWO_SIDED.matcher(t);
            if (m.matches()) {
                return new MathAnswer.Interval(t, !m.group(2).equals("<") && !m.group(2).equals("\\lt"),
                        ExprParser.parse(m.group(1)), ExprParser.parse(m.group(5)),
                        !m.group(4).equals("<") && !m.group(4).equals("\\lt"));
            }
            m = ONE_SIDED.matcher(t);
            if (m.matches()) {
                Expr bound = ExprParser.parse(m.group(3));
                Expr inf = new Expr.Const("infty", Double.POSITIVE_INFINITY);
                String op = m.group(2);
                boolean closed = op.equals("\\le") || op.equals("\\ge");
                boolean below = op.equals("<") || op.equals("\\le") || op.equals("\\lt");
                return below ? new MathAnswer.Interval(t, false, new Expr.Neg(inf), bound, closed)
                        : new MathAnswer.Interval(t, closed, bound, inf, false);
            }
        } catch (RuntimeException e) {
            return new MathAnswer.Relation(t);
        }
        return new MathAnswer.Relation(t);
    }

    private static MathAnswer scalar(String shown, String t, boolean percent) {
        try {
            return new MathAnswer.Scalar(shown, ExprParser.parse(t), percent);
        } catch (RuntimeException e) {
            return new MathAnswer.Unread(shown, "not read as a number or expression: " + e.getMessage());
        }
    }

    static MathAnswer.Interval asOpenInterval(MathAnswer.Tuple t) {
        if (t.items().size() != 2) return null;
        if (t.items().get(0) instanceof MathAnswer.Scalar a && t.items().get(1) instanceof MathAnswer.Scalar b) {
            return new MathAnswer.Interval(t.text(), false, a.expr(), b.expr(), false);
        }
        return null;
    }

    private static MathAnswer matrix(String t) {
        Matcher m = Pattern.compile("\\\\begin\\{([a-zA-Z]*matrix|array)\\}(?:\\{[^{}]*\\})?(.*)\\\\end\\{\\1\\}",
                Pattern.DOTALL).matcher(t);
        if (!m.matches()) return new MathAnswer.Unread(t, "not read as a matrix");
        List<List<MathAnswer>> rows = new ArrayList<>();
        for (String row : m.group(2).split("\\\\\\\\")) {
            if (row.isBlank()) continue;
            List<MathAnswer> cells = new ArrayList<>();
            for (String cell : row.split("&")) cells.add(element(cell, false));
            rows.add(cells);
        }
        return new MathAnswer.Matrix(t, rows);
    }

    /** Splits at {@code sep} outside any brackets or braces. */
    static List<String> splitTop(String s, String sep) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length() && (s.charAt(k + 1) == '{' || s.charAt(k + 1) == '}')) {
                depth += s.charAt(k + 1) == '{' ? 1 : -1;
                k++;
                continue;
            }
            if (s.startsWith("\\begin", k)) depth++;
            if (s.startsWith("\\end", k)) depth--;
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && s.startsWith(sep, k) && !(sep.startsWith("\\") && k + sep.length() < s.length()
                    && Character.isLetter(s.charAt(k + sep.length())))) {
                out.add(s.substring(from, k));
                from = k + sep.length();
                k = from - 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    private static int topIndex(String s, String sep) {
        List<String> parts = splitTop(s, sep);
        return parts.size() < 2 ? -1 : parts.get(0).length();
    }

    /** The index of the bracket closing the one at {@code open} (any bracket kind closes any). */
    private static int closerOf(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && --depth == 0) return k;
        }
        return -1;
    }
}

package org.arbiter.render.code;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Side-by-side diff of two code responses: line rows, and inside changed rows the words that differ. The two
 * sides are whatever the caller puts there; the workstation passes the responses as the review shows them
 * (left, right), never in storage order, so that the diff and the scale can never disagree on which is which.
 *
 * <p>Built on java-diff-utils' Myers diff ({@code DiffUtils.diff}) at two levels, lines then word tokens,
 * rather than on {@code DiffRowGenerator}: the generator's padding rows do not say which side is padding
 * (so line numbers would be guessed) and its tags are spliced into the text before escaping is settled; here
 * every piece of code text goes through {@link SourceLines#escape} exactly once and markup is only ours.
 *
 * @param rows  one row per line pair, in order
 * @param stats how many rows are inserted, deleted and changed
 */
public record CodeDiff(List<Row> rows, Stats stats) {

    public enum Kind { EQUAL, CHANGED, INSERTED, DELETED }

    /**
     * @param leftNumber  1-based line number on the left, 0 when the row has no left line
     * @param leftHtml    escaped left line (word changes in {@code <span class="d-del">}), "" when absent
     * @param rightNumber 1-based line number on the right, 0 when the row has no right line
     * @param rightHtml   escaped right line (word changes in {@code <span class="d-ins">}), "" when absent
     */
    public record Row(Kind kind, int leftNumber, String leftHtml, int rightNumber, String rightHtml) {
    }

    /**
     * @param added   lines only on the right
     * @param removed lines only on the left
     * @param changed lines present on both sides with different text
     */
    public record Stats(int added, int removed, int changed) {
        public boolean identical() {
            return added == 0 && removed == 0 && changed == 0;
        }
    }

    public CodeDiff {
        rows = List.copyOf(rows);
    }

    /** Plain diff: no syntax colours. */
    public static CodeDiff of(String left, String right) {
        return of(left, right, null, null);
    }

    /**
     * Diff with syntax colours on every line; in changed lines the word marks wrap the coloured tokens.
     *
     * @param leftCode    the code shown in the left column
     * @param rightCode   the code shown in the right column
     * @param language    fence info string or reference language; null to guess from the left code
     * @param highlighter null for no colours
     */
    public static CodeDiff of(String leftCode, String rightCode, String language, CodeHighlighter highlighter) {
        List<String> left = SourceLines.split(leftCode == null ? "" : leftCode);
        List<String> right = SourceLines.split(rightCode == null ? "" : rightCode);
        List<String> leftHtml = coloured(leftCode, left, language, highlighter);
        List<String> rightHtml = coloured(rightCode, right, language, highlighter);

        List<Row> rows = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int changed = 0;
        int li = 0;
        int ri = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(left, right).getDeltas()) {
            int ls = d.getSource().getPosition();
            int rs = d.getTarget().getPosition();
            while (li < ls && ri < rs) {
                rows.add(new Row(Kind.EQUAL, li + 1, leftHtml.get(li), ri + 1, rightHtml.get(ri)));
                li++;
                ri++;
            }
            int ln = d.getType() == DeltaType.INSERT ? 0 : d.getSource().size();
            int rn = d.getType() == DeltaType.DELETE ? 0 : d.getTarget().size();
            int paired = Math.min(ln, rn);
            for (int k = 0; k < paired; k++) {
                String[] words = words(left.get(li), right.get(ri), leftHtml.get(li), rightHtml.get(ri));
                rows.add(new Row(Kind.CHANGED, li + 1, words[0], ri + 1, words[1]));
                li++;
                ri++;
                changed++;
            }
            for (int k = paired; k < ln; k++) {
                rows.add(new Row(Kind.DELETED, li + 1, leftHtml.get(li), 0, ""));
                li++;
                removed++;
            }
            for (int k = paired; k < rn; k++) {
                rows.add(new Row(Kind.INSERTED, 0, "", ri + 1, rightHtml.get(ri)));
                ri++;
                added++;
            }
        }
        while (li < left.size() && ri < right.size()) {
            rows.add(new Row(Kind.EQUAL, li + 1, leftHtml.get(li), ri + 1, rightHtml.get(ri)));
            li++;
            ri++;
        }
        return new CodeDiff(rows, new Stats(added, removed, changed));
    }

    private static List<String> coloured(String code, List<String> lines, String language,
            CodeHighlighter highlighter) {
        if (highlighter != null && code != null) {
            HighlightedCode h = highlighter.highlight(code, language);
            if (h.ok() && h.lines().size() == lines.size()) return h.lines();
        }
        List<String> plain = new ArrayList<>(lines.size());
        for (String line : lines) plain.add(SourceLines.escape(line));
        return plain;
    }

    /** Word-level marks for one changed line pair, keeping the token colours of the given HTML lines. */
    static String[] words(String a, String b, String aHtml, String bHtml) {
        List<String> at = tokens(a);
        List<String> bt = tokens(b);
        boolean[] aMarked = new boolean[at.size()];
        boolean[] bMarked = new boolean[bt.size()];
        for (AbstractDelta<String> d : DiffUtils.diff(at, bt).getDeltas()) {
            if (d.getType() != DeltaType.INSERT) {
                for (int k = 0; k < d.getSource().size(); k++) aMarked[d.getSource().getPosition() + k] = true;
            }
            if (d.getType() != DeltaType.DELETE) {
                for (int k = 0; k < d.getTarget().size(); k++) bMarked[d.getTarget().getPosition() + k] = true;
            }
        }
        return new String[] {marked(at, aMarked, "d-del", colours(a, aHtml)),
                marked(bt, bMarked, "d-ins", colours(b, bHtml))};
    }

    /** Words, runs of spaces, and single other characters: the unit a reader sees change. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < line.length()) {
            int start = k;
            char c = line.charAt(k);
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (k < line.length() && (Character.isLetterOrDigit(line.charAt(k)) || line.charAt(k) == '_')) k++;
            } else if (Character.isWhitespace(c)) {
                while (k < line.length() && Character.isWhitespace(line.charAt(k))) k++;
            } else {
                k += Character.isHighSurrogate(c) && k + 1 < line.length() ? 2 : 1;
            }
            out.add(line.substring(start, k));
        }
        return out;
    }

    private static String marked(List<String> tokens, boolean[] marked, String css, String[] colours) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) text.append(token);
        boolean[] mark = new boolean[text.length()];
        int offset = 0;
        for (int k = 0; k < tokens.size(); k++) {
            int len = tokens.get(k).length();
            if (marked[k]) java.util.Arrays.fill(mark, offset, offset + len, true);
            offset += len;
        }
        StringBuilder b = new StringBuilder();
        int from = 0;
        while (from < text.length()) {
            int to = from + 1;
            String colour = colours == null ? null : colours[from];
            while (to < text.length() && mark[to] == mark[from]
                    && (colours == null || java.util.Objects.equals(colours[to], colour))) {
                to++;
            }
            if (mark[from] && (from == 0 || !mark[from - 1])) b.append("<span class=\"").append(css).append("\">");
            if (colour != null) b.append("<span class=\"").append(colour).append("\">");
            SourceLines.escape(text, from, to, b);
            if (colour != null) b.append("</span>");
            if (mark[from] && (to == text.length() || !mark[to])) b.append("</span>");
            from = to;
        }
        return b.toString();
    }

    /**
     * The token class of each character of {@code line}, read back from its highlighted HTML (the
     * {@link CodeHighlighter} format: flat {@code <span class="t-…">} around escaped text); null when the
     * HTML is plain or does not spell exactly that line.
     */
    static String[] colours(String line, String html) {
        if (html.indexOf('<') < 0) return null;
        String[] out = new String[line.length()];
        String current = null;
        int pos = 0;
        int k = 0;
        while (k < html.length()) {
            if (html.startsWith("<span class=\"", k)) {
                int q = html.indexOf('"', k + 13);
                if (q < 0 || q + 1 >= html.length() || html.charAt(q + 1) != '>') return null;
                current = html.substring(k + 13, q);
                k = q + 2;
                continue;
            }
            if (html.startsWith("</span>", k)) {
                current = null;
                k += 7;
                continue;
            }
            char c = html.charAt(k);
            int next = k + 1;
            if (c == '&') {
                int semi = html.indexOf(';', k);
                if (semi < 0) return null;
                c = switch (html.substring(k, semi + 1)) {
                    case "&amp;" -> '&';
                    case "&lt;" -> '<';
                    case "&gt;" -> '>';
                    case "&quot;" -> '"';
                    case "&#39;" -> '\'';
                    default -> '\0';
                };
                if (c == '\0') return null;
                next = semi + 1;
            } else if (c == '<') {
                return null;
            }
            if (pos >= line.length() || line.charAt(pos) != c) return null;
            out[pos++] = current;
            k = next;
        }
        return pos == line.length() ? out : null;
    }

    /** Styles for {@link #toHtml(String, String)}; the page may use its own instead. */
    public static final String CSS = """
            table.code-diff { border-collapse: collapse; width: 100%; font-family: monospace; font-size: 0.9em; }
            table.code-diff td { padding: 0 0.4em; vertical-align: top; white-space: pre-wrap; }
            table.code-diff td.d-num { color: #888; text-align: right; user-select: none; width: 3em; }
            tr.d-changed td.d-left, tr.d-deleted td.d-left { background: #fde8e8; }
            tr.d-changed td.d-right, tr.d-inserted td.d-right { background: #e6f6e6; }
            td.d-none { background: #f4f4f4; }
            span.d-del { background: #f5b5b5; text-decoration: line-through; }
            span.d-ins { background: #a8e0a8; }
            """;

    /**
     * A table with a line-number gutter per side, each column headed as the caller names it (the workstation:
     * "left" and "right", as the scale says); safe to put into a page (all code text and headings are escaped).
     */
    public String toHtml(String leftHeading, String rightHeading) {
        StringBuilder b = new StringBuilder("<table class=\"code-diff\">\n");
        b.append("<tr class=\"d-head\"><th colspan=\"2\" class=\"d-left\">").append(SourceLines.escape(leftHeading))
                .append("</th><th colspan=\"2\" class=\"d-right\">").append(SourceLines.escape(rightHeading)).append("</th></tr>\n");
        for (Row r : rows) {
            b.append("<tr class=\"d-").append(r.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">");
            cell(b, r.leftNumber(), r.leftHtml(), "d-left");
            cell(b, r.rightNumber(), r.rightHtml(), "d-right");
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static void cell(StringBuilder b, int number, String html, String side) {
        if (number == 0) {
            b.append("<td class=\"d-num\"></td><td class=\"").append(side).append(" d-none\"></td>");
        } else {
            b.append("<td class=\"d-num\">").append(number).append("</td><td class=\"").append(side)
                    .append("\">").append(html).append("</td>");
        }
    }
}

package org.arbiter.model.steps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.model.Domain;
import org.arbiter.model.Response;

/**
 * Splits a response into the steps an expert rates. A pure, deterministic function of the content.
 *
 * <p>Rules. Prose and math: every non-blank line is a step (PRM800K steps are lines), except that a list
 * item keeps its indented continuation lines, a table is one step, an [asy] figure is one step, a display
 * formula that spans lines ($$…$$, \[…\], \begin{align}…\end{align}) stays inside the step that opens it,
 * and lines holding only \begin{proof} or \end{proof} join the neighbouring step. Code: one step per
 * non-blank line of each fenced block; fence lines are not steps. A code item whose content has no fence
 * at all is one code block. A response with explicit steps (PRM800K) uses those.
 */
public final class StepSegmenter {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}([-*+]|\\d{1,9}[.)])\\s+\\S.*");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}(\\s.*)?$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*");
    private static final Pattern BEGIN_ENV = Pattern.compile("\\\\begin\\{([^}]*)}");
    private static final Pattern END_ENV = Pattern.compile("\\\\end\\{([^}]*)}");
    private static final Pattern PROOF_ONLY = Pattern.compile("^\\s*\\\\(begin|end)\\{proof}\\s*(\\[[^\\]]*])?\\s*$");

    private StepSegmenter() {
    }

    public static List<Step> segment(Response response, Domain domain) {
        if (response.steps() != null) return explicit(response.steps());
        return segment(response.content(), domain);
    }

    public static List<Step> segment(String content, Domain domain) {
        List<Line> lines = Line.split(content);
        boolean anyFence = lines.stream().anyMatch(l -> FENCE.matcher(l.text).matches());
        Builder b = new Builder(content);
        if (domain == Domain.CODE && !anyFence) {
            for (Line l : lines) if (!l.isBlank()) b.code(l, "", l.number, 0);
            return b.steps;
        }
        int block = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Matcher fence = FENCE.matcher(line.text);
            if (fence.matches()) {
                b.flushPrefix();
                block++;
                String marker = fence.group(1);
                String language = fence.group(2);
                int codeLine = 0;
                i++;
                for (; i < lines.size() && !closesFence(lines.get(i).text, marker); i++) {
                    codeLine++;
                    if (!lines.get(i).isBlank()) b.code(lines.get(i), language, codeLine, block);
                }
                continue;
            }
            if (line.isBlank()) continue;
            if (PROOF_ONLY.matcher(line.text).matches()) {
                if (line.text.contains("\\end")) b.extendLast(line);
                else b.prefixNext(line);
                continue;
            }
            if (line.text.trim().startsWith("[asy]")) {
                int close = findLine(lines, i, "[/asy]");
                int last = close < 0 ? i : close;
                b.add(StepKind.FIGURE, lines.get(i), lines.get(last));
                i = last;
                continue;
            }
            if (TABLE_ROW.matcher(line.text).matches()) {
                int last = i;
                while (last + 1 < lines.size() && TABLE_ROW.matcher(lines.get(last + 1).text).matches()) last++;
                if (last > i) {
                    b.add(StepKind.TABLE, line, lines.get(last));
                    i = last;
                    continue;
                }
            }
            StepKind kind = HEADING.matcher(line.text).matches() ? StepKind.HEADING
                    : LIST_ITEM.matcher(line.text).matches() ? StepKind.LIST_ITEM : StepKind.TEXT;
            int last = displayEnd(lines, i);
            if (kind == StepKind.LIST_ITEM) {
                while (last + 1 < lines.size() && isContinuation(lines.get(last + 1).text)) {
                    last = displayEnd(lines, last + 1);
                }
            }
            b.add(kind, line, lines.get(last));
            i = last;
        }
        b.flushPrefix();
        return b.steps;
    }

    private static List<Step> explicit(List<String> texts) {
        List<Step> steps = new ArrayList<>(texts.size());
        Keys keys = new Keys();
        int offset = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            steps.add(new Step(i, keys.next(StepKind.EXPLICIT, t), StepKind.EXPLICIT, offset, offset + t.length(),
                    t, null, 0, -1));
            offset += t.length() + 1;
        }
        return steps;
    }

    private static boolean closesFence(String text, String marker) {
        String t = text.strip();
        if (t.isEmpty() || t.charAt(0) != marker.charAt(0)) return false;
        int n = 0;
        while (n < t.length() && t.charAt(n) == marker.charAt(0)) n++;
        return n >= marker.length() && n == t.length() && text.indexOf(marker.charAt(0)) <= 3;
    }

    private static boolean isContinuation(String text) {
        return !text.isBlank() && (text.startsWith("  ") || text.startsWith("\t"))
                && !LIST_ITEM.matcher(text).matches() && !FENCE.matcher(text).matches();
    }

    private static int findLine(List<Line> lines, int from, String needle) {
        for (int j = from; j < lines.size(); j++) if (lines.get(j).text.contains(needle)) return j;
        return -1;
    }

    /**
     * The last line of the display formula that line {@code i} opens, or {@code i} itself when the line opens
     * none. A formula that never closes joins nothing: broken source must not swallow the rest.
     */
    private static int displayEnd(List<Line> lines, int i) {
        MathBalance balance = new MathBalance();
        balance.feed(lines.get(i).text);
        if (balance.closed()) return i;
        for (int j = i + 1; j < lines.size(); j++) {
            balance.feed(lines.get(j).text);
            if (balance.closed()) return j;
        }
        return i;
    }

    /** Tracks open display-math delimiters across lines. Proof is a text environment, not math. */
    private static final class MathBalance {
        private boolean dollars;
        private int brackets;
        private int envs;

        void feed(String text) {
            int k = 0;
            while ((k = text.indexOf("$$", k)) >= 0) {
                if (k == 0 || text.charAt(k - 1) != '\\') dollars = !dollars;
                k += 2;
            }
            brackets += count(text, "\\[") - count(text, "\\]");
            Matcher m = BEGIN_ENV.matcher(text);
            while (m.find()) if (!m.group(1).equals("proof")) envs++;
            m = END_ENV.matcher(text);
            while (m.find()) if (!m.group(1).equals("proof")) envs--;
        }

        boolean closed() {
            return !dollars && brackets <= 0 && envs <= 0;
        }

        private static int count(String s, String needle) {
            int n = 0;
            for (int k = s.indexOf(needle); k >= 0; k = s.indexOf(needle, k + needle.length())) n++;
            return n;
        }
    }

    private record Line(int number, int start, int end, String text) {
        boolean isBlank() {
            return text.isBlank();
        }

        /** Splits on \n, \r\n and \r, keeping offsets into the original content. */
        static List<Line> split(String content) {
            List<Line> out = new ArrayList<>();
            int start = 0;
            int n = 1;
            for (int k = 0; k < content.length(); k++) {
                char c = content.charAt(k);
                if (c == '\n' || c == '\r') {
                    out.add(new Line(n++, start, k, content.substring(start, k)));
                    if (c == '\r' && k + 1 < content.length() && content.charAt(k + 1) == '\n') k++;
                    start = k + 1;
                }
            }
            if (start < content.length()) out.add(new Line(n, start, content.length(), content.substring(start)));
            return out;
        }
    }

    private static final class Builder {
        final String content;
        final List<Step> steps = new ArrayList<>();
        final Keys keys = new Keys();
        Line pendingPrefix;

        Builder(String content) {
            this.content = content;
        }

        void add(StepKind kind, Line first, Line last) {
            int start = pendingPrefix != null ? pendingPrefix.start : first.start;
            pendingPrefix = null;
            append(kind, start, last.end, null, 0, -1);
        }

        void code(Line line, String language, int codeLine, int block) {
            append(StepKind.CODE, line.start, line.end, language, codeLine, block);
        }

        void extendLast(Line line) {
            if (steps.isEmpty()) {
                add(StepKind.TEXT, line, line);
                return;
            }
            Step last = steps.remove(steps.size() - 1);
            keys.forget(last.kind(), last.text());
            append(last.kind(), last.start(), line.end, last.language(), last.codeLine(), last.block());
        }

        void prefixNext(Line line) {
            if (pendingPrefix == null) pendingPrefix = line;
        }

        void flushPrefix() {
            // A dangling \begin{proof} with no step after it is still content the expert must see.
            if (pendingPrefix != null) {
                Line p = pendingPrefix;
                pendingPrefix = null;
                add(StepKind.TEXT, p, p);
            }
        }

        private void append(StepKind kind, int start, int end, String language, int codeLine, int block) {
            String text = content.substring(start, end);
            steps.add(new Step(steps.size(), keys.next(kind, text), kind, start, end, text, language, codeLine, block));
        }
    }

    /** Content hash plus occurrence number: equal steps ("return x") get distinct, stable keys. */
    private static final class Keys {
        private final Map<String, Integer> seen = new HashMap<>();

        String next(StepKind kind, String text) {
            String hash = hash(kind, text);
            int n = seen.merge(hash, 1, Integer::sum);
            return hash + (n == 1 ? "" : "." + n);
        }

        void forget(StepKind kind, String text) {
            seen.computeIfPresent(hash(kind, text), (k, v) -> v == 1 ? null : v - 1);
        }

        private static String hash(StepKind kind, String text) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-1");
                byte[] d = md.digest((kind.name() + '\u0000' + text.strip()).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
            }
        }
    }
}

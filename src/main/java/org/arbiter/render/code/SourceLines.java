package org.arbiter.render.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Line counting shared by the highlighter and the diff: \n, \r\n and \r end a line, a final line ending
 * does not start another line, and empty code has no lines (same rule as the step segmenter, so code step
 * line numbers and highlighted lines agree).
 */
public final class SourceLines {
    private SourceLines() {
    }

    /** The text with every line ending turned into \n. */
    public static String normalize(String code) {
        if (code.indexOf('\r') < 0) return code;
        return code.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static List<String> split(String code) {
        String s = normalize(code);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines.add(s.substring(start, k));
                start = k + 1;
            }
        }
        if (start < s.length()) lines.add(s.substring(start));
        return lines;
    }

    static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), b);
        return b.toString();
    }
}

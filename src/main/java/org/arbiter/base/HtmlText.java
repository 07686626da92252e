package org.arbiter.base;

/** Text into HTML: the one escaping every HTML producer here uses (the rendered responses, the report, pages). */
public final class HtmlText {
    private HtmlText() {
    }

    /** Escapes the five characters that matter in element content and in quoted attributes; null gives "". */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null) {
                if (b != null) b.append(s.charAt(i));
            } else {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(r);
            }
        }
        return b == null ? s : b.toString();
    }
}

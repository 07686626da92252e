package org.arbiter.quality.report;

import java.util.Locale;

/** Text and numbers as they appear in the HTML report. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Fixed decimals, or an en dash for an undefined value. */
    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "–";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return "–";
        if (p < 1e-4) return String.format(Locale.ROOT, "%.1e", p);
        return String.format(Locale.ROOT, "%.4f", p);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}

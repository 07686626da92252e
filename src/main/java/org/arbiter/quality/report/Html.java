package org.arbiter.quality.report;

import java.util.Locale;

import org.arbiter.base.HtmlText;

/** Text and numbers as they appear in the HTML report. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        return HtmlText.escape(s);
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

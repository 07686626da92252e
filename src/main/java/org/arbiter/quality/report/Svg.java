package org.arbiter.quality.report;

import java.util.Locale;

/** A tiny SVG writer for the report's plots: coordinates in pixels, text escaped. */
public final class Svg {
    private final StringBuilder b = new StringBuilder();

    public Svg(int width, int height, String label) {
        // Inline SVG in HTML5 needs no namespace declaration, so the page names no URL.
        b.append(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                width, height, width, height, Html.escape(label)));
    }

    public Svg line(double x1, double y1, double x2, double y2, String style) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1, y1, x2, y2, style));
        return this;
    }

    public Svg rect(double x, double y, double w, double h, String style, String title) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\">", x, y,
                Math.max(0, w), Math.max(0, h), style));
        if (title != null) b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("</rect>");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String style, String title) {
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"%s\">", cx, cy, r, style));
        if (title != null) b.append("<title>").append(Html.escape(title)).append("</title>");
        b.append("</circle>");
        return this;
    }

    public Svg text(double x, double y, String anchor, String style, String text) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">", x, y, anchor, style))
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    @Override
    public String toString() {
        return b + "</svg>";
    }
}

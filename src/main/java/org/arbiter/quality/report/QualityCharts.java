package org.arbiter.quality.report;

import java.util.List;

import org.arbiter.quality.PositionBias;
import org.arbiter.quality.QualityReport;
import org.arbiter.quality.SpeedAnomalies;

/**
 * The report's plots as SVG fragments for pages other than the offline report (the lab dashboard). They carry
 * style classes only (grid, axis, ci, dot, bar, bar2, ref, band, bad, ok, title, line), no colours, so the page
 * that holds them decides light or dark.
 */
public final class QualityCharts {
    /** z for a two-sided test at {@link PositionBias#ALPHA} = 0.01. */
    private static final double Z = 2.5758;

    private QualityCharts() {
    }

    /** Bradley–Terry scores with their 95% bootstrap intervals, best first. */
    public static String leaderboard(QualityReport r) {
        return QualityReportHtml.leaderboardPlot(r.leaderboard());
    }

    /** One annotator's active time per judgment in the report's bins; the first bin (too fast) in the alarm colour. */
    public static String timeHistogram(String annotator, SpeedAnomalies.Distribution d) {
        return QualityReportHtml.histogram(annotator, d);
    }

    /**
     * Each annotator's share of decided judgments preferring the left side, with the band a fair coin stays in
     * for their number of judgments (normal approximation of the binomial test at p = 0.01): a dot outside
     * its band is what the report flags.
     */
    public static String leftRate(List<QualityReport.AnnotatorStats> annotators) {
        if (annotators.isEmpty()) return "";
        int left = 150;
        int width = 640;
        int rowH = 24;
        int height = 44 + annotators.size() * rowH;
        QualityReportHtml.Scale x = new QualityReportHtml.Scale(0, 1, left, width - 20);
        Svg s = new Svg(width, height, "Share of decided judgments preferring the left side, with the band of no bias");
        for (double t = 0; t <= 1.0001; t += 0.25) {
            s.line(x.at(t), 10, x.at(t), height - 26, t == 0.5 ? "ref" : "grid").text(x.at(t), height - 10, "middle", "", Html.pct(t));
        }
        for (int i = 0; i < annotators.size(); i++) {
            QualityReport.AnnotatorStats a = annotators.get(i);
            PositionBias.Result pb = a.position();
            double y = 22 + i * rowH;
            s.text(left - 8, y + 4, "end", pb.flagged() ? "title" : "", a.name() + (pb.flagged() ? " ⚑" : ""));
            if (pb.judgments() > 0) {
                double half = Math.min(0.5, Z * Math.sqrt(0.25 / pb.judgments()));
                s.rect(x.at(0.5 - half), y - 7, x.at(0.5 + half) - x.at(0.5 - half), 14, "band",
                        "no bias for " + pb.judgments() + " judgments: " + Html.pct(0.5 - half) + " – " + Html.pct(0.5 + half));
            }
            if (Double.isNaN(pb.leftRate())) continue;
            s.circle(x.at(pb.leftRate()), y, 5, pb.flagged() ? "bad" : "ok",
                    a.name() + ": " + Html.pct(pb.leftRate()) + " left of " + pb.judgments() + ", p = " + Html.pValue(pb.pValue()));
        }
        return s.toString();
    }

    /** A batch's α with the time of its last judgment, for {@link #alphaOverTime}. */
    public record TimedBatch(QualityReport.BatchStats stats, String lastActivity) {
    }

    /**
     * α (ordinal and nominal) per batch, batches in the order their last judgment arrived, with the 0.667 and
     * 0.8 lines Krippendorff gives for tentative and reliable conclusions.
     */
    public static String alphaOverTime(List<TimedBatch> batches) {
        if (batches.isEmpty()) return "";
        int width = 720;
        int height = 230;
        int left = 50;
        QualityReportHtml.Scale y = new QualityReportHtml.Scale(-0.2, 1.0, 190, 20);
        QualityReportHtml.Scale x = new QualityReportHtml.Scale(0, Math.max(1, batches.size() - 1), left + 10, width - 20);
        Svg s = new Svg(width, height, "Krippendorff alpha per batch, in the order batches were last judged");
        for (double t : new double[] {-0.2, 0, 0.2, 0.4, 0.667, 0.8, 1.0}) {
            s.line(left, y.at(t), width - 10, y.at(t), t == 0 ? "axis" : t == 0.667 || t == 0.8 ? "ref" : "grid")
                    .text(left - 6, y.at(t) + 4, "end", "", Html.num(t, t == 0.667 ? 3 : 1));
        }
        double[] prevO = null;
        double[] prevN = null;
        for (int i = 0; i < batches.size(); i++) {
            TimedBatch b = batches.get(i);
            double px = batches.size() == 1 ? x.at(0.5) : x.at(i);
            double o = b.stats().alphaOrdinal();
            double n = b.stats().alphaNominal();
            String when = b.lastActivity() == null ? "not judged yet" : "last judged " + b.lastActivity();
            if (!Double.isNaN(o)) {
                double py = y.at(clamp(o));
                if (prevO != null) s.line(prevO[0], prevO[1], px, py, "line");
                s.circle(px, py, 3.5, "dot", b.stats().name() + ": α ordinal " + Html.num(o, 3) + ", " + when);
                prevO = new double[] {px, py};
            }
            if (!Double.isNaN(n)) {
                double py = y.at(clamp(n));
                if (prevN != null) s.line(prevN[0], prevN[1], px, py, "line2");
                s.circle(px, py, 3, "dot2", b.stats().name() + ": α nominal " + Html.num(n, 3) + ", " + when);
                prevN = new double[] {px, py};
            }
        }
        s.circle(width - 190, height - 11, 4, "dot", null).text(width - 182, height - 7, "start", "", "ordinal")
                .circle(width - 110, height - 11, 4, "dot2", null).text(width - 102, height - 7, "start", "", "nominal");
        s.text(left, height - 7, "start", "", "older → newer (" + batches.size() + " batches)");
        return s.toString();
    }

    private static double clamp(double v) {
        return Math.max(-0.2, Math.min(1, v));
    }
}

package org.arbiter.quality.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.arbiter.quality.AdjudicationQueue;
import org.arbiter.quality.BradleyTerry;
import org.arbiter.quality.FlipAudit;
import org.arbiter.quality.PositionBias;
import org.arbiter.quality.QualityReport;
import org.arbiter.quality.RankingQuality;
import org.arbiter.quality.SpeedAnomalies;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG plots, MathML formulas; no script, no
 * external URL, so it opens offline and can be mailed as a single file.
 */
public final class QualityReportHtml {
    private static final int MAX_ROWS = 200;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;color:#1d2330;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde;padding-bottom:4px}
            .muted{color:#667}table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 10px;border-bottom:1px solid #e6e8ee;text-align:right}
            th{background:#f4f5f9}td:first-child,th:first-child,table.text td,table.text th{text-align:left}.flag{color:#b3261e;font-weight:600}
            .cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde;border-radius:6px;padding:8px 12px;min-width:130px}
            .card b{display:block;font-size:20px}svg{background:#fff;border:1px solid #e6e8ee;border-radius:4px;margin:6px 8px 6px 0}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg .axis{stroke:#999;stroke-width:1}svg .grid{stroke:#eee;stroke-width:1}
            svg .ci{stroke:#3457a6;stroke-width:2}svg .dot{fill:#3457a6}svg .bar{fill:#6d8fd6}svg .bar2{fill:#b9c8ea}
            svg .ref{stroke:#b3261e;stroke-width:1;stroke-dasharray:4 3}svg .bad{fill:#b3261e}svg .ok{fill:#3c8d5a}
            svg .title{font-weight:600}.math{margin:6px 0 14px}details{margin:6px 0}
            """;

    private QualityReportHtml() {
    }

    public static String write(QualityReport r) {
        MathMl math = new MathMl();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Arbiter quality report</title><style>")
                .append(CSS).append("</style></head><body>\n");
        h.append("<h1>Annotation quality report</h1><p class=\"muted\">Generated ").append(Html.escape(r.generatedAt().toString()))
                .append(" · ").append(r.items()).append(" items · ").append(r.judgments()).append(" judgments · ")
                .append(r.annotators().size()).append(" annotators · ").append(r.goldItems()).append(" gold items</p>\n");

        h.append("<div class=\"cards\">");
        card(h, "α ordinal (5-point)", Html.num(r.alphaOrdinal(), 3));
        card(h, "α nominal (direction)", Html.num(r.alphaNominal(), 3));
        card(h, "Fleiss κ (direction)", Html.num(r.fleissKappa(), 3));
        card(h, "Percent agreement", Html.pct(r.percentAgreement()));
        card(h, "α on step ratings", Html.num(r.stepAlpha(), 3));
        card(h, "α first error / exact", Html.num(r.firstErrorAlpha(), 3) + " / " + Html.pct(r.firstErrorExactMatch()));
        card(h, "Flip rate vs prior", r.flips().flipRate() == null ? "–" : Html.pct(r.flips().flipRate()));
        card(h, "Consensus items", String.valueOf(r.consensus().size()));
        card(h, "To adjudicate", String.valueOf(r.adjudication().size()));
        h.append("</div>\n<p class=\"muted\">Preference agreement over ").append(r.agreementUnits())
                .append(" items with at least two judgments; steps over ").append(r.stepUnits())
                .append(" steps, first errors over ").append(r.firstErrorUnits()).append(" responses. – means undefined (too few units).</p>\n");

        h.append("<h2>Leaderboard (Bradley–Terry, 95% bootstrap intervals)</h2>\n");
        h.append(leaderboardPlot(r.leaderboard()));
        h.append("<table><tr><th>Model</th><th>Score</th><th>95% interval</th><th>Judgments</th></tr>");
        for (BradleyTerry.Rating m : r.leaderboard().ratings()) {
            h.append("<tr><td>").append(Html.escape(m.model())).append("</td><td>").append(Html.num(m.score(), 0))
                    .append("</td><td>").append(Html.num(m.ciLow(), 0)).append(" – ").append(Html.num(m.ciHigh(), 0))
                    .append("</td><td>").append(m.games()).append("</td></tr>");
        }
        h.append("</table>\n");
        if (r.leaderboard().significantPairs().isEmpty()) {
            h.append("<p>No pair of models differs significantly at p &lt; 0.01.</p>\n");
        } else {
            h.append("<p>Pairs that differ significantly (p &lt; 0.01, bootstrap):</p><table><tr><th>Better</th><th>Worse</th><th>Difference</th><th>p</th></tr>");
            for (BradleyTerry.Pair p : r.leaderboard().significantPairs()) {
                h.append("<tr><td>").append(Html.escape(p.better())).append("</td><td>").append(Html.escape(p.worse()))
                        .append("</td><td>").append(Html.num(p.difference(), 0)).append("</td><td>").append(Html.pValue(p.pValue()))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Agreement per batch</h2>\n").append(batchPlot(r.batches()));
        h.append("<table><tr><th>Batch</th><th>Items</th><th>Judgments</th><th>α ordinal</th><th>α nominal</th><th>Fleiss κ</th><th>α steps</th><th>α first error</th></tr>");
        for (QualityReport.BatchStats b : r.batches()) {
            h.append("<tr><td>").append(Html.escape(b.name())).append("</td><td>").append(b.items()).append("</td><td>")
                    .append(b.judgments()).append("</td><td>").append(Html.num(b.alphaOrdinal(), 3)).append("</td><td>")
                    .append(Html.num(b.alphaNominal(), 3)).append("</td><td>").append(Html.num(b.fleissKappa(), 3)).append("</td><td>")
                    .append(Html.num(b.stepAlpha(), 3)).append("</td><td>").append(Html.num(b.firstErrorAlpha(), 3)).append("</td></tr>");
        }
        h.append("</table>\n");

        h.append("<h2>Annotators</h2>\n").append(leftRatePlot(r.annotators()));
        h.append("<table><tr><th>Annotator</th><th>Judgments</th><th>Gold accuracy</th><th>Gold first error</th>"
                + "<th>Left rate</th><th>p (binomial)</th><th>Median time</th><th>Fast</th><th>α vs others</th><th>Agrees with others</th></tr>");
        for (QualityReport.AnnotatorStats a : r.annotators()) {
            PositionBias.Result pb = a.position();
            h.append("<tr><td>").append(Html.escape(a.name())).append("</td><td>").append(a.judgments()).append("</td><td>")
                    .append(Html.pct(a.gold().directionAccuracy())).append(a.gold().directionItems() > 0 ? " (" + a.gold().directionItems() + ")" : "")
                    .append("</td><td>").append(Html.pct(a.gold().firstErrorAgreement())).append("</td><td")
                    .append(pb.flagged() ? " class=\"flag\">" : ">").append(Html.pct(pb.leftRate())).append(" of ").append(pb.judgments())
                    .append(pb.flagged() ? " ⚑" : "").append("</td><td>").append(Html.pValue(pb.pValue())).append("</td><td>")
                    .append(Html.seconds(a.speed().medianMs())).append("</td><td").append(a.speed().fast().isEmpty() ? ">" : " class=\"flag\">")
                    .append(a.speed().fast().size()).append("</td><td>").append(Html.num(a.alphaVsOthers(), 3)).append("</td><td>")
                    .append(Html.pct(a.agreementVsOthers())).append("</td></tr>");
        }
        h.append("</table>\n<p class=\"muted\">⚑ position bias: two-sided binomial test against 50% left, p &lt; 0.01. "
                + "Fast: active time below max(3 s, characters of both responses ÷ 50 per second).</p>\n");

        h.append("<h2>Time per judgment</h2>\n");
        for (QualityReport.AnnotatorStats a : r.annotators()) h.append(histogram(a.name(), a.speed()));
        h.append("\n");

        EvidenceSectionHtml.append(h, r.evidence());

        h.append("<h2>Audit of prior labels</h2>\n");
        FlipAudit.Result flips = r.flips();
        if (flips.flipRate() == null) {
            h.append("<p>No item with a prior label has an expert consensus: nothing to audit.</p>\n");
        } else {
            h.append("<p>").append(flips.flips().size()).append(" of ").append(flips.audited())
                    .append(" audited items flipped (").append(Html.pct(flips.flipRate()))
                    .append("): the experts' consensus prefers the side the prior label rejected.</p>\n");
            if (!flips.flips().isEmpty()) {
                h.append("<table class=\"text\"><tr><th>Item</th><th>Batch</th><th>Prior</th><th>Consensus</th><th>Confidence</th></tr>");
                int n = 0;
                for (FlipAudit.Flip f : flips.flips()) {
                    if (n++ == MAX_ROWS) break;
                    h.append("<tr><td>").append(Html.escape(f.itemId())).append("</td><td>").append(Html.escape(f.batch()))
                            .append("</td><td>").append(Html.escape(f.priorSource() + " " + f.prior())).append("</td><td>")
                            .append(Html.escape(f.consensus())).append("</td><td>").append(Html.pct(f.confidence())).append("</td></tr>");
                }
                h.append("</table>\n");
            }
        }

        RankingQuality.Result rk = r.rankings();
        if (!rk.isEmpty()) {
            h.append("<h2>Rankings</h2>\n<p>").append(rk.rankings()).append(" rankings on ").append(rk.rankingItems())
                    .append(" items. Krippendorff's α (ordinal) over the rank of each response: ").append(Html.num(rk.alphaOrdinal(), 3))
                    .append(" (").append(rk.alphaUnits()).append(" responses); Kendall's W, mean over ").append(rk.concordance().size())
                    .append(" items with two or more rankings: ").append(Html.num(rk.meanW(), 3)).append(".</p>\n");
            if (!rk.position().isEmpty()) {
                h.append("<table><tr><th>Annotator</th><th>Responses</th><th>Rankings</th><th>Mean rank by shown position</th>"
                        + "<th>Friedman p</th></tr>");
                for (RankingQuality.Position p : rk.position()) {
                    h.append("<tr><td>").append(Html.escape(p.annotator())).append("</td><td>").append(p.responses())
                            .append("</td><td>").append(p.judgments()).append("</td><td>")
                            .append(Html.escape(String.join(" · ", p.meanRank().stream().map(v -> Html.num(v, 2)).toList())))
                            .append("</td><td>").append(Html.pValue(p.pValue())).append(p.flagged() ? " ⚠" : "").append("</td></tr>");
                }
                h.append("</table>\n");
            }
        }

        h.append("<h2>Adjudication queue</h2>\n");
        if (r.adjudication().isEmpty()) {
            h.append("<p>No item needs adjudication.</p>\n");
        } else {
            h.append("<table class=\"text\"><tr><th>Item</th><th>Batch</th><th>Why</th><th>Labels</th></tr>");
            int n = 0;
            for (AdjudicationQueue.Entry e : r.adjudication()) {
                if (n++ == MAX_ROWS) {
                    h.append("<tr><td colspan=\"4\">… and ").append(r.adjudication().size() - MAX_ROWS).append(" more (see --json)</td></tr>");
                    break;
                }
                List<String> labels = new ArrayList<>();
                for (AdjudicationQueue.Label l : e.labels()) {
                    String s = l.annotator() + ": " + (l.preference() == null ? "no preference" : l.preference());
                    if (!l.flags().isEmpty()) s += " [" + String.join(", ", l.flags()) + "]";
                    if (!l.firstErrors().isEmpty()) s += " first error " + l.firstErrors();
                    labels.add(s);
                }
                h.append("<tr><td>").append(Html.escape(e.itemId())).append("</td><td>").append(Html.escape(e.batch()))
                        .append("</td><td>").append(Html.escape(String.join("; ", e.reasons()))).append("</td><td>")
                        .append(Html.escape(String.join(" · ", labels))).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Method</h2>\n");
        h.append("<p>Krippendorff's α, coincidence-matrix method (units with fewer than two values dropped; missing values allowed), "
                + "with o<sub>ck</sub> the coincidences, n<sub>c</sub> their marginals and n the pairable values:</p>");
        h.append("<div class=\"math\">").append(math.display("\\alpha = 1 - (n-1) \\frac{\\sum_{c,k} o_{ck} \\, \\delta^2_{ck}}{\\sum_{c,k} n_c \\, n_k \\, \\delta^2_{ck}}")).append("</div>");
        h.append("<p>Nominal δ² is 0 for equal values and 1 otherwise; interval δ² = (c − k)²; ordinal:</p>");
        h.append("<div class=\"math\">").append(math.display("\\delta^2_{ck} = \\left( \\sum_{g=c}^{k} n_g - \\frac{n_c + n_k}{2} \\right)^2")).append("</div>");
        h.append("<p>Fleiss' κ on the direction, generalised to a varying number of raters n<sub>i</sub> per item "
                + "(exactly Fleiss when every item has the same number):</p>");
        h.append("<div class=\"math\">").append(math.display("\\kappa = \\frac{\\bar{P} - P_e}{1 - P_e}, \\quad "
                + "\\bar{P} = \\frac{1}{N} \\sum_i \\frac{\\sum_j n_{ij} (n_{ij} - 1)}{n_i (n_i - 1)}, \\quad P_e = \\sum_j p_j^2")).append("</div>");
        h.append("<p>Bradley–Terry, fitted by Hunter's MM algorithm (ties count half a win each side); "
                + "score = 1000 + 400 log<sub>10</sub> of the strength relative to the geometric mean:</p>");
        h.append("<div class=\"math\">").append(math.display("P(i \\succ j) = \\frac{p_i}{p_i + p_j}, \\qquad "
                + "p_i \\leftarrow \\frac{W_i}{\\sum_j \\frac{n_{ij}}{p_i + p_j}}")).append("</div>");
        h.append(String.format(Locale.ROOT, "<p>Ordinal value: the 5-point preference as −2 (A&gt;&gt;B) … +2 (B&gt;&gt;A). "
                + "Direction: A, equal (A=B is its own category) or B. A judgment flagged both-bad counts as its preference; "
                + "without a preference it is left out of preference agreement. Consensus needs at least %d judgments; "
                + "items go to adjudication when both directions were chosen, the consensus confidence is below %.2f, "
                + "the first error of a response is disputed, or the rankings of an item agree with Kendall's W below %.2f. "
                + "Rankings: ranks are tiers (1 = best, ties share one); W and Friedman's test use mid-ranks with the tie correction, "
                + "and each pair of differently ranked responses is one Bradley–Terry game. Intervals: %d bootstrap replicates over judgments, seed %d.</p>\n",
                r.options().minJudgments(), r.options().minConfidence(), RankingQuality.DEFAULT_MIN_W, r.options().replicates(), r.options().seed()));
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\"><b>").append(Html.escape(value)).append("</b><span class=\"muted\">")
                .append(Html.escape(label)).append("</span></div>");
    }

    static String leaderboardPlot(BradleyTerry.Leaderboard board) {
        List<BradleyTerry.Rating> rows = board.ratings();
        if (rows.isEmpty()) return "<p>No judgment compares two different models.</p>\n";
        int left = 170;
        int width = 760;
        int rowH = 26;
        int height = 40 + rows.size() * rowH;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BradleyTerry.Rating m : rows) {
            lo = Math.min(lo, m.ciLow());
            hi = Math.max(hi, m.ciHigh());
        }
        double pad = Math.max(20, (hi - lo) * 0.08);
        lo -= pad;
        hi += pad;
        Scale x = new Scale(lo, hi, left, width - 20);
        Svg s = new Svg(width, height, "Leaderboard with 95% intervals");
        for (double t : ticks(lo, hi)) {
            s.line(x.at(t), 10, x.at(t), height - 24, "grid").text(x.at(t), height - 8, "middle", "", Html.num(t, 0));
        }
        for (int i = 0; i < rows.size(); i++) {
            BradleyTerry.Rating m = rows.get(i);
            double y = 22 + i * rowH;
            s.text(left - 8, y + 4, "end", "", m.model());
            s.line(x.at(m.ciLow()), y, x.at(m.ciHigh()), y, "ci").line(x.at(m.ciLow()), y - 5, x.at(m.ciLow()), y + 5, "ci")
                    .line(x.at(m.ciHigh()), y - 5, x.at(m.ciHigh()), y + 5, "ci")
                    .circle(x.at(m.score()), y, 4.5, "dot", m.model() + ": " + Html.num(m.score(), 0) + " [" + Html.num(m.ciLow(), 0)
                            + ", " + Html.num(m.ciHigh(), 0) + "]");
        }
        return s + "\n";
    }

    private static String batchPlot(List<QualityReport.BatchStats> batches) {
        if (batches.isEmpty()) return "";
        int width = Math.max(360, 90 + batches.size() * 70);
        int height = 230;
        Scale y = new Scale(-0.2, 1.0, 190, 20);
        Svg s = new Svg(width, height, "Krippendorff alpha per batch");
        for (double t : new double[] {-0.2, 0, 0.2, 0.4, 0.667, 0.8, 1.0}) {
            s.line(50, y.at(t), width - 10, y.at(t), t == 0 ? "axis" : t == 0.667 || t == 0.8 ? "ref" : "grid")
                    .text(44, y.at(t) + 4, "end", "", Html.num(t, t == 0.667 ? 3 : 1));
        }
        for (int i = 0; i < batches.size(); i++) {
            QualityReport.BatchStats b = batches.get(i);
            double x0 = 60 + i * 70;
            bar(s, x0, 26, y, b.alphaOrdinal(), "bar", b.name() + " α ordinal " + Html.num(b.alphaOrdinal(), 3));
            bar(s, x0 + 28, 26, y, b.alphaNominal(), "bar2", b.name() + " α nominal " + Html.num(b.alphaNominal(), 3));
            s.text(x0 + 27, height - 22, "middle", "", shorten(b.name(), 11));
        }
        s.rect(width - 190, height - 16, 10, 10, "bar", null).text(width - 176, height - 7, "start", "", "ordinal")
                .rect(width - 110, height - 16, 10, 10, "bar2", null).text(width - 96, height - 7, "start", "", "nominal");
        return s + "\n";
    }

    private static void bar(Svg s, double x, double w, Scale y, double v, String style, String title) {
        if (Double.isNaN(v)) {
            s.text(x + w / 2, y.at(0) - 4, "middle", "", "–");
            return;
        }
        double c = Math.max(-0.2, Math.min(1, v));
        s.rect(x, Math.min(y.at(c), y.at(0)), w, Math.abs(y.at(c) - y.at(0)), style, title);
    }

    private static String leftRatePlot(List<QualityReport.AnnotatorStats> annotators) {
        if (annotators.isEmpty()) return "";
        int left = 150;
        int width = 640;
        int rowH = 24;
        int height = 44 + annotators.size() * rowH;
        Scale x = new Scale(0, 1, left, width - 20);
        Svg s = new Svg(width, height, "Share of non-tie judgments preferring the left side");
        for (double t = 0; t <= 1.0001; t += 0.25) {
            s.line(x.at(t), 10, x.at(t), height - 26, t == 0.5 ? "ref" : "grid").text(x.at(t), height - 10, "middle", "", Html.pct(t));
        }
        for (int i = 0; i < annotators.size(); i++) {
            QualityReport.AnnotatorStats a = annotators.get(i);
            double y = 22 + i * rowH;
            PositionBias.Result pb = a.position();
            s.text(left - 8, y + 4, "end", pb.flagged() ? "title" : "", a.name() + (pb.flagged() ? " ⚑" : ""));
            if (Double.isNaN(pb.leftRate())) continue;
            s.line(x.at(0.5), y, x.at(pb.leftRate()), y, "grid");
            s.circle(x.at(pb.leftRate()), y, 5, pb.flagged() ? "bad" : "ok",
                    a.name() + ": " + Html.pct(pb.leftRate()) + " left of " + pb.judgments() + ", p = " + Html.pValue(pb.pValue()));
        }
        return s + "\n";
    }

    static String histogram(String name, SpeedAnomalies.Distribution d) {
        int[] hist = d.histogram();
        int width = 330;
        int height = 170;
        int max = 1;
        for (int c : hist) max = Math.max(max, c);
        Scale y = new Scale(0, max, 130, 28);
        double bw = (width - 40.0) / hist.length;
        Svg s = new Svg(width, height, "Active time per judgment, " + name);
        s.text(10, 16, "start", "title", name + " · median " + Html.seconds(d.medianMs()) + " · " + d.fast().size() + " fast");
        s.line(30, y.at(0), width - 10, y.at(0), "axis");
        for (int i = 0; i < hist.length; i++) {
            double x0 = 30 + i * bw;
            s.rect(x0 + 1, y.at(hist[i]), bw - 2, y.at(0) - y.at(hist[i]), i == 0 ? "bad" : "bar",
                    SpeedAnomalies.binLabel(i) + ": " + hist[i]);
            if (hist[i] > 0) s.text(x0 + bw / 2, y.at(hist[i]) - 3, "middle", "", String.valueOf(hist[i]));
            s.text(x0 + bw / 2, 146 + (i % 2) * 12, "middle", "", SpeedAnomalies.binLabel(i));
        }
        return s.toString();
    }

    static List<Double> ticks(double lo, double hi) {
        double span = hi - lo;
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        if (span / step > 10) step *= 2;
        if (span / step > 10) step *= 2.5;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) out.add(t);
        return out;
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Linear map from data to pixels. */
    record Scale(double lo, double hi, double from, double to) {
        double at(double v) {
            return hi == lo ? from : from + (v - lo) / (hi - lo) * (to - from);
        }
    }
}

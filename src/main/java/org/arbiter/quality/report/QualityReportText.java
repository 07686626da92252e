package org.arbiter.quality.report;

import java.util.Locale;

import org.arbiter.quality.BradleyTerry;
import org.arbiter.quality.EvidenceAgreement;
import org.arbiter.quality.QualityReport;
import org.arbiter.quality.RankingQuality;

/** The report as a few lines of plain text, for a terminal ({@code report} without {@code --json}). */
public final class QualityReportText {
    private QualityReportText() {
    }

    public static String write(QualityReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d items, %d judgments, %d annotators, %d gold items%n", r.items(), r.judgments(),
                r.annotators().size(), r.goldItems()));
        b.append(String.format(Locale.ROOT, "agreement over %d items: alpha ordinal %s, alpha nominal %s, Fleiss kappa %s, %s agree%n",
                r.agreementUnits(), Html.num(r.alphaOrdinal(), 3), Html.num(r.alphaNominal(), 3), Html.num(r.fleissKappa(), 3),
                Html.pct(r.percentAgreement())));
        if (r.stepUnits() > 0 || r.firstErrorUnits() > 0) {
            b.append(String.format(Locale.ROOT, "steps: alpha %s over %d steps; first error: alpha %s, exact match %s over %d responses%n",
                    Html.num(r.stepAlpha(), 3), r.stepUnits(), Html.num(r.firstErrorAlpha(), 3), Html.pct(r.firstErrorExactMatch()),
                    r.firstErrorUnits()));
        }
        RankingQuality.Result rk = r.rankings();
        if (!rk.isEmpty()) {
            b.append(String.format(Locale.ROOT, "rankings: %d on %d items; alpha ordinal %s over %d responses; Kendall W mean %s over %d items%n",
                    rk.rankings(), rk.rankingItems(), Html.num(rk.alphaOrdinal(), 3), rk.alphaUnits(), Html.num(rk.meanW(), 3),
                    rk.concordance().size()));
            for (RankingQuality.Position p : rk.position()) {
                b.append(String.format(Locale.ROOT, "  %-16s %d rankings of %d: mean rank by shown position %s (Friedman p %s)%s%n",
                        p.annotator(), p.judgments(), p.responses(),
                        String.join(" ", p.meanRank().stream().map(v -> Html.num(v, 2)).toList()), Html.pValue(p.pValue()),
                        p.flagged() ? " POSITION BIAS" : ""));
            }
        }
        for (QualityReport.AnnotatorStats a : r.annotators()) {
            b.append(String.format(Locale.ROOT, "  %-16s %5d judgments, gold %s, left %s (p %s)%s, median %s, %d fast, alpha vs others %s%n",
                    a.name(), a.judgments(), Html.pct(a.gold().directionAccuracy()), Html.pct(a.position().leftRate()),
                    Html.pValue(a.position().pValue()), a.position().flagged() ? " POSITION BIAS" : "",
                    Html.seconds(a.speed().medianMs()), a.speed().fast().size(), Html.num(a.alphaVsOthers(), 3)));
        }
        for (EvidenceAgreement.Annotator a : r.evidence().annotators()) {
            if (a.decisive() == 0 && a.mismatchJudged() == 0) continue;
            b.append(String.format(Locale.ROOT, "  %-16s agrees with decisive evidence %s (%d of %d); wrong final answer without a -1 step: %d of %d%n",
                    a.name(), Html.pct(a.agreement()), a.agreeing(), a.decisive(), a.mismatchWithoutError(), a.mismatchJudged()));
        }
        for (EvidenceAgreement.Confirmation c : r.evidence().confirmedAgainst()) {
            b.append(String.format(Locale.ROOT, "  confirmed against the evidence: %s %s/%s by %s (%s %s %s): %s%n", c.judgmentId(),
                    c.batch(), c.itemId(), c.annotator(), c.responseId(), c.kind(), c.verdict(), c.reason()));
        }
        int rank = 1;
        for (BradleyTerry.Rating m : r.leaderboard().ratings()) {
            b.append(String.format(Locale.ROOT, "  %2d. %-24s %5s  [%s, %s]%n", rank++, m.model(), Html.num(m.score(), 0),
                    Html.num(m.ciLow(), 0), Html.num(m.ciHigh(), 0)));
        }
        for (BradleyTerry.Pair p : r.leaderboard().significantPairs()) {
            b.append(String.format(Locale.ROOT, "  %s > %s (p %s)%n", p.better(), p.worse(), Html.pValue(p.pValue())));
        }
        b.append(r.flips().flipRate() == null ? "no prior labels to audit\n"
                : String.format(Locale.ROOT, "flip rate vs prior labels: %s (%d of %d)%n", Html.pct(r.flips().flipRate()),
                        r.flips().flips().size(), r.flips().audited()));
        b.append(String.format(Locale.ROOT, "%d items with consensus, %d to adjudicate%n", r.consensus().size(), r.adjudication().size()));
        return b.toString();
    }
}

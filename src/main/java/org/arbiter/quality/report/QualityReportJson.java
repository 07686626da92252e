package org.arbiter.quality.report;

import org.arbiter.json.Json;
import org.arbiter.quality.AdjudicationQueue;
import org.arbiter.quality.BradleyTerry;
import org.arbiter.quality.Consensus;
import org.arbiter.quality.EvidenceAgreement;
import org.arbiter.quality.FlipAudit;
import org.arbiter.quality.QualityReport;
import org.arbiter.quality.RankingQuality;
import org.arbiter.quality.SpeedAnomalies;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as one JSON object on one line (for {@code report --json}, whose last output line it is).
 * Undefined statistics (NaN: too few pairable units, a single category) are written as null, as is
 * {@code flip_rate} when no item has a prior label to audit. Scores and rates are rounded to 6 decimals.
 */
public final class QualityReportJson {
    private QualityReportJson() {
    }

    public static String write(QualityReport r) {
        return Json.write(toNode(r));
    }

    public static ObjectNode toNode(QualityReport r) {
        ObjectNode o = Json.object();
        o.put("generated_at", r.generatedAt().toString());
        o.put("items", r.items());
        o.put("judgments", r.judgments());
        o.put("gold_items", r.goldItems());
        num(o, "alpha_ordinal", r.alphaOrdinal());
        num(o, "alpha_nominal", r.alphaNominal());
        num(o, "fleiss_kappa", r.fleissKappa());
        num(o, "percent_agreement", r.percentAgreement());
        o.put("agreement_units", r.agreementUnits());
        num(o, "step_alpha", r.stepAlpha());
        o.put("step_units", r.stepUnits());
        num(o, "first_error_alpha", r.firstErrorAlpha());
        num(o, "first_error_exact_match", r.firstErrorExactMatch());
        o.put("first_error_units", r.firstErrorUnits());

        ArrayNode annotators = o.putArray("annotators");
        for (QualityReport.AnnotatorStats a : r.annotators()) {
            ObjectNode n = annotators.addObject();
            n.put("name", a.name());
            n.put("judgments", a.judgments());
            num(n, "gold_accuracy", a.gold().directionAccuracy());
            n.put("gold_judgments", a.gold().directionItems());
            num(n, "gold_first_error_agreement", a.gold().firstErrorAgreement());
            n.put("gold_first_error_responses", a.gold().firstErrorResponses());
            num(n, "left_rate", a.position().leftRate());
            num(n, "left_p", a.position().pValue());
            n.put("left_judgments", a.position().judgments());
            n.put("flagged_position_bias", a.position().flagged());
            n.put("median_active_ms", a.speed().medianMs());
            n.put("p10_active_ms", a.speed().p10Ms());
            n.put("p90_active_ms", a.speed().p90Ms());
            n.put("fast_judgments", a.speed().fast().size());
            ArrayNode hist = n.putArray("time_histogram");
            for (int i = 0; i < a.speed().histogram().length; i++) {
                ObjectNode b = hist.addObject();
                b.put("bin", SpeedAnomalies.binLabel(i));
                b.put("count", a.speed().histogram()[i]);
            }
            num(n, "alpha_vs_others", a.alphaVsOthers());
            num(n, "agreement_vs_others", a.agreementVsOthers());
            n.put("units_vs_others", a.unitsVsOthers());
            num(n, "step_alpha_vs_others", a.stepAlphaVsOthers());
            num(n, "first_error_alpha_vs_others", a.firstErrorAlphaVsOthers());
        }

        ArrayNode batches = o.putArray("batches");
        for (QualityReport.BatchStats b : r.batches()) {
            ObjectNode n = batches.addObject();
            n.put("name", b.name());
            num(n, "alpha_ordinal", b.alphaOrdinal());
            num(n, "alpha_nominal", b.alphaNominal());
            num(n, "fleiss_kappa", b.fleissKappa());
            num(n, "step_alpha", b.stepAlpha());
            num(n, "first_error_alpha", b.firstErrorAlpha());
            n.put("items", b.items());
            n.put("judgments", b.judgments());
        }

        ArrayNode board = o.putArray("leaderboard");
        for (BradleyTerry.Rating m : r.leaderboard().ratings()) {
            ObjectNode n = board.addObject();
            n.put("model", m.model());
            num(n, "score", m.score());
            num(n, "ci_low", m.ciLow());
            num(n, "ci_high", m.ciHigh());
            n.put("games", m.games());
        }
        ArrayNode pairs = o.putArray("significant_pairs");
        for (BradleyTerry.Pair p : r.leaderboard().significantPairs()) {
            ObjectNode n = pairs.addObject();
            n.put("better", p.better());
            n.put("worse", p.worse());
            num(n, "difference", p.difference());
            num(n, "p", p.pValue());
        }

        FlipAudit.Result flips = r.flips();
        if (flips.flipRate() == null) o.putNull("flip_rate");
        else num(o, "flip_rate", flips.flipRate());
        o.put("flip_audited", flips.audited());
        ArrayNode flipped = o.putArray("flipped_items");
        for (FlipAudit.Flip f : flips.flips()) {
            ObjectNode n = flipped.addObject();
            n.put("item_id", f.itemId());
            n.put("batch", f.batch());
            n.put("prior_source", f.priorSource());
            n.put("prior", f.prior());
            n.put("consensus", f.consensus());
            num(n, "confidence", f.confidence());
        }

        ArrayNode adjudication = o.putArray("adjudication");
        for (AdjudicationQueue.Entry e : r.adjudication()) {
            ObjectNode n = adjudication.addObject();
            n.put("item_id", e.itemId());
            n.put("batch", e.batch());
            ArrayNode reasons = n.putArray("reasons");
            e.reasons().forEach(reasons::add);
            num(n, "confidence", e.confidence());
            ArrayNode labels = n.putArray("labels");
            for (AdjudicationQueue.Label l : e.labels()) {
                ObjectNode ln = labels.addObject();
                ln.put("annotator", l.annotator());
                if (l.preference() == null) ln.putNull("preference");
                else ln.put("preference", l.preference());
                ArrayNode flags = ln.putArray("flags");
                l.flags().forEach(flags::add);
                ObjectNode fe = ln.putObject("first_errors");
                l.firstErrors().forEach(fe::put);
            }
        }
        evidence(o.putObject("evidence"), r.evidence());
        rankings(o.putObject("rankings"), r.rankings());
        o.put("consensus_count", r.consensus().size());
        long clear = r.consensus().stream().filter(Consensus::clear).count();
        o.put("consensus_clear", clear);
        ObjectNode opts = o.putObject("options");
        opts.put("min_judgments", r.options().minJudgments());
        opts.put("min_confidence", r.options().minConfidence());
        opts.put("bootstrap_replicates", r.options().replicates());
        opts.put("seed", r.options().seed());
        return o;
    }

    /** Ranking items: α ordinal over per-response ranks, Kendall's W per item, rank by shown position. */
    private static void rankings(ObjectNode o, RankingQuality.Result r) {
        o.put("items", r.rankingItems());
        o.put("rankings", r.rankings());
        num(o, "alpha_ordinal", r.alphaOrdinal());
        o.put("alpha_units", r.alphaUnits());
        num(o, "mean_kendall_w", r.meanW());
        ArrayNode items = o.putArray("kendall_w");
        for (RankingQuality.ItemConcordance c : r.concordance()) {
            ObjectNode n = items.addObject();
            n.put("item_id", c.itemId());
            n.put("batch", c.batch());
            n.put("rankings", c.rankings());
            n.put("responses", c.responses());
            num(n, "w", c.w());
        }
        ArrayNode position = o.putArray("position_bias");
        for (RankingQuality.Position p : r.position()) {
            ObjectNode n = position.addObject();
            n.put("annotator", p.annotator());
            n.put("responses", p.responses());
            n.put("judgments", p.judgments());
            ArrayNode mean = n.putArray("mean_rank_by_shown_position");
            for (double v : p.meanRank()) mean.add(Math.round(v * 1e6) / 1e6);
            num(n, "friedman", p.friedman());
            num(n, "p_value", p.pValue());
            n.put("flagged", p.flagged());
        }
    }

    private static void evidence(ObjectNode o, EvidenceAgreement e) {
        ArrayNode annotators = o.putArray("annotators");
        for (EvidenceAgreement.Annotator a : e.annotators()) {
            ObjectNode n = annotators.addObject();
            n.put("name", a.name());
            n.put("decisive_judgments", a.decisive());
            n.put("agreeing", a.agreeing());
            num(n, "agreement", a.agreement());
            n.put("mismatch_judged", a.mismatchJudged());
            n.put("mismatch_without_error_step", a.mismatchWithoutError());
        }
        o.put("mismatch_judged", e.mismatchJudged());
        o.put("mismatch_without_error_step", e.mismatchWithoutError());
        num(o, "mismatch_without_error_step_rate", e.mismatchWithoutErrorRate());
        ArrayNode confirmed = o.putArray("confirmed_against");
        for (EvidenceAgreement.Confirmation c : e.confirmedAgainst()) {
            ObjectNode n = confirmed.addObject();
            n.put("judgment_id", c.judgmentId().toString());
            n.put("batch", c.batch());
            n.put("item_id", c.itemId());
            n.put("annotator", c.annotator());
            n.put("response_id", c.responseId());
            n.put("kind", c.kind());
            n.put("verdict", c.verdict());
            n.put("reason", c.reason());
        }
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(field);
        else o.put(field, Math.round(v * 1e6) / 1e6);
    }
}

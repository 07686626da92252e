package org.arbiter.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.arbiter.json.Json;
import org.arbiter.quality.EvidenceAgreement;
import org.arbiter.quality.QualityReport;
import org.arbiter.quality.report.QualityCharts;
import org.arbiter.quality.report.QualityReportJson;
import org.arbiter.server.BatchProgress;
import org.arbiter.server.DashboardQueries;
import org.arbiter.server.ImportProgress;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's data as one JSON object: progress from the database (paged), the quality report's own JSON
 * (what {@code server report --json} prints, its adjudication queue paged) and the charts as SVG.
 */
final class DashboardJson {
    private final DashboardQueries queries;

    DashboardJson(DashboardQueries queries) {
        this.queries = queries;
    }

    /** One page: {@code batchOffset}/{@code queueOffset} choose the pages, {@code limit} their length. */
    ObjectNode overview(QualitySnapshots.Snapshot snap, int batchOffset, int queueOffset, int limit) {
        int page = Math.max(1, Math.min(DashboardQueries.MAX_PAGE, limit));
        QualityReport r = snap.report();
        ObjectNode o = Json.object();
        o.put("report_computed_at", snap.computedAt().toString());
        o.put("report_ms", snap.millis());

        List<ImportProgress> imports = queries.imports();
        ArrayNode im = o.putArray("imports");
        for (ImportProgress p : imports) {
            im.addObject().put("source", p.source()).put("batches", p.batches()).put("items", p.items())
                    .put("assigned", p.assigned()).put("completed", p.completed()).put("created_at", p.createdAt());
        }
        List<BatchProgress> batches = queries.batches(batchOffset, page);
        ObjectNode bp = o.putObject("batches");
        bp.put("total", queries.batchCount()).put("offset", Math.max(0, batchOffset)).put("limit", page);
        ArrayNode rows = bp.putArray("rows");
        for (BatchProgress b : batches) {
            ObjectNode n = rows.addObject().put("name", b.name()).put("source", b.source()).put("items", b.items())
                    .put("assigned", b.assigned()).put("completed", b.completed()).put("judged", b.judged())
                    .put("due", (long) b.items() * b.assigned()).put("last_activity", b.lastActivity());
            ArrayNode who = n.putArray("annotators");
            for (BatchProgress.Annotator a : b.annotators()) {
                who.addObject().put("name", a.name()).put("judged", a.judged()).put("completed", a.completed())
                        .put("last_activity", a.lastActivity());
            }
        }

        ObjectNode report = QualityReportJson.toNode(r);
        JsonNode queue = report.remove("adjudication");
        ObjectNode adj = o.putObject("adjudication");
        adj.put("total", queue.size()).put("offset", Math.max(0, queueOffset)).put("limit", page);
        ArrayNode adjRows = adj.putArray("rows");
        for (int i = Math.max(0, queueOffset); i < Math.min(queue.size(), Math.max(0, queueOffset) + page); i++) adjRows.add(queue.get(i));
        report.remove("flipped_items");
        report.remove("batches");
        o.set("report", report);

        // The annotator table: the report's figures, evidence agreement and last activity side by side.
        Map<String, String> last = queries.lastActivity();
        ArrayNode people = o.putArray("annotators");
        for (JsonNode a : report.get("annotators")) {
            ObjectNode n = ((ObjectNode) a).deepCopy();
            n.remove("time_histogram");
            n.put("last_activity", last.get(a.get("name").asString()));
            EvidenceAgreement.Annotator ev = evidenceOf(r.evidence(), a.get("name").asString());
            if (ev != null && ev.decisive() > 0) n.put("evidence_agreement", ev.agreement());
            else n.putNull("evidence_agreement");
            n.put("evidence_decisive", ev == null ? 0 : ev.decisive());
            people.add(n);
        }
        // Annotators with no judgment yet are not in the report, but who has not started is news too.
        for (Map.Entry<String, String> e : last.entrySet()) {
            if (r.annotators().stream().anyMatch(a -> a.name().equals(e.getKey()))) continue;
            people.addObject().put("name", e.getKey()).put("judgments", 0).put("left_judgments", 0)
                    .put("flagged_position_bias", false).put("fast_judgments", 0).put("evidence_decisive", 0)
                    .put("last_activity", e.getValue());
        }

        ObjectNode charts = o.putObject("charts");
        charts.put("leaderboard", QualityCharts.leaderboard(r));
        charts.put("alpha_over_time", QualityCharts.alphaOverTime(timed(r, queries.batchLastActivity())));
        charts.put("left_rate", QualityCharts.leftRate(r.annotators()));
        charts.put("imports", ProgressBars.imports(imports));
        charts.put("batches", ProgressBars.batches(batches));
        ArrayNode hist = charts.putArray("time_histograms");
        for (QualityReport.AnnotatorStats a : r.annotators()) hist.add(QualityCharts.timeHistogram(a.name(), a.speed()));
        return o;
    }

    private static EvidenceAgreement.Annotator evidenceOf(EvidenceAgreement e, String name) {
        for (EvidenceAgreement.Annotator a : e.annotators()) if (a.name().equals(name)) return a;
        return null;
    }

    /** The report's batches in the order they were last judged; batches nobody judged yet last. */
    static List<QualityCharts.TimedBatch> timed(QualityReport r, Map<String, String> lastActivity) {
        List<QualityCharts.TimedBatch> out = new ArrayList<>();
        for (QualityReport.BatchStats b : r.batches()) out.add(new QualityCharts.TimedBatch(b, lastActivity.get(b.name())));
        out.sort(Comparator.comparing(QualityCharts.TimedBatch::lastActivity, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}

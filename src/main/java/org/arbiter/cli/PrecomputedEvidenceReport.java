package org.arbiter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.json.Json;
import org.arbiter.server.PrecomputedEvidence;

import tools.jackson.databind.node.ObjectNode;

/** The part of {@code server report} about what {@code server verify} precomputed, per batch. */
final class PrecomputedEvidenceReport {
    private PrecomputedEvidenceReport() {
    }

    /** The report's JSON object with {@code "precomputed_evidence": {batch: {"responses", "verdicts": {…}}}} added. */
    static String addedTo(String reportJson, Map<String, PrecomputedEvidence.OfBatch> perBatch) {
        ObjectNode o = (ObjectNode) Json.parse(reportJson);
        ObjectNode all = o.putObject("precomputed_evidence");
        perBatch.forEach((batch, e) -> {
            ObjectNode b = all.putObject(batch);
            b.put("responses", e.responses());
            ObjectNode v = b.putObject("verdicts");
            e.verdicts().forEach(v::put);
        });
        return Json.write(o);
    }

    /** A section for the text report; nothing when no batch was verified on the server. */
    static String text(Map<String, PrecomputedEvidence.OfBatch> perBatch) {
        if (perBatch.isEmpty()) return "";
        StringBuilder b = new StringBuilder("\nPrecomputed evidence (arbiter server verify)\n");
        perBatch.forEach((batch, e) -> {
            List<String> parts = new ArrayList<>();
            e.verdicts().forEach((verdict, n) -> parts.add(n + " " + verdict));
            b.append("  ").append(batch).append(": ").append(e.responses()).append(e.responses() == 1 ? " response" : " responses")
                    .append(" checked; ").append(String.join(", ", parts)).append('\n');
        });
        return b.toString();
    }
}

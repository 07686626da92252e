package org.arbiter.logic.importer;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Guesses a file's format from the keys of its first record. */
public final class FormatDetector {
    private FormatDetector() {
    }

    public static Optional<ImportFormat> detect(JsonNode record) {
        if (record == null || !record.isObject()) return Optional.empty();
        JsonNode data = record.path("data");
        if (data.isObject() && (has(record, "annotations") || has(record, "completions") || has(record, "predictions")
                || has(data, "answer1") || has(data, "items"))) {
            return Optional.of(ImportFormat.LABEL_STUDIO);
        }
        if (record.path("fields").isObject() && (record.path("responses").isObject() || record.path("suggestions").isObject())) {
            return Optional.of(ImportFormat.ARGILLA);
        }
        for (String key : record.propertyNames()) {
            if (key.endsWith(".responses") || key.endsWith(".suggestion")) return Optional.of(ImportFormat.ARGILLA);
        }
        if (has(record, "responses") && has(record, "prompt")) return Optional.of(ImportFormat.ARBITER);
        if (has(record, "message_tree_id") && has(record, "prompt")) return Optional.of(ImportFormat.OASST);
        if (has(record, "entry_point") && (has(record, "response_a") || has(record, "canonical_solution"))) {
            return Optional.of(ImportFormat.HUMANEVALPACK);
        }
        if (has(record, "question") && has(record, "label")) return Optional.of(ImportFormat.PRM800K);
        if (has(record, "problem") && has(record, "steps") && has(record, "label")) return Optional.of(ImportFormat.PROCESSBENCH);
        if (has(record, "input") && has(record, "preferred_output")) return Optional.of(ImportFormat.OPENAI);
        if (has(record, "instruction") && has(record, "output_1") && has(record, "output_2")) {
            return Optional.of(ImportFormat.ALPACA_EVAL);
        }
        if (has(record, "instruction") && has(record, "completions")) return Optional.of(ImportFormat.ULTRAFEEDBACK);
        if (has(record, "chosen") && has(record, "rejected")) {
            if (has(record, "prompt_id") || has(record, "score_chosen")) return Optional.of(ImportFormat.ULTRAFEEDBACK);
            if (has(record, "prompt")) return Optional.of(ImportFormat.TRL);
            JsonNode chosen = record.get("chosen");
            if (chosen.isString() && HhRlhfParser.looksLikeTranscript(chosen.stringValue())) {
                return Optional.of(ImportFormat.HH_RLHF);
            }
            return Optional.of(ImportFormat.TRL);
        }
        return Optional.empty();
    }

    private static boolean has(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && !v.isNull();
    }
}

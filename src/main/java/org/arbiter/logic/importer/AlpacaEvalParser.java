package org.arbiter.logic.importer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;

import tools.jackson.databind.JsonNode;

/**
 * AlpacaEval pairwise annotations: {@code preference} 1 means output_1 is better, 2 output_2; 0 and 1.5 are
 * ties, and other values in [1, 2] lean to the nearer side. Null (an unannotated pair) gives no prior label.
 */
final class AlpacaEvalParser implements RecordParser {
    @Override
    public Item parse(JsonNode r, ParseContext context) {
        String instruction = Json.requireString(r, "instruction", "");
        String out1 = Json.requireString(r, "output_1", "");
        String out2 = Json.requireString(r, "output_2", "");
        String gen1 = Json.optString(r, "generator_1", "");
        String gen2 = Json.optString(r, "generator_2", "");
        Integer verdict = null;
        JsonNode p = r.get("preference");
        Map<String, Object> extra = new LinkedHashMap<>();
        if (p != null && !p.isNull()) {
            if (!p.isNumber()) throw new FieldException("preference", "a number (1, 2, 0 or 1.5), found " + Json.kind(p));
            double v = p.doubleValue();
            if (v == 0 || v == 1.5) verdict = 0;
            else if (v >= 1 && v < 1.5) verdict = -1;
            else if (v > 1.5 && v <= 2) verdict = 1;
            else throw new FieldException("preference", "0, or a number from 1 (output_1 better) to 2 (output_2 better), found " + p.asString());
            extra.put("preference", p.numberValue());
        }
        copy(r, "annotator", extra);
        copy(r, "price_per_example", extra);
        copy(r, "time_per_example", extra);
        Map<String, Object> meta = new LinkedHashMap<>();
        copy(r, "dataset", meta);
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        PreferencePair pair = PreferencePair.place(id, gen1, out1, gen2, out2, verdict, "alpaca_eval", extra);
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), Prompt.text(instruction),
                pair.responses(), null, null, meta, pair.priors());
    }

    private static void copy(JsonNode r, String field, Map<String, Object> to) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) return;
        if (v.isString()) to.put(field, v.stringValue());
        else if (v.isNumber()) to.put(field, v.numberValue());
        else if (v.isBoolean()) to.put(field, v.booleanValue());
    }
}

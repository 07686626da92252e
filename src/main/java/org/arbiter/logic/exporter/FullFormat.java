package org.arbiter.logic.exporter;

import org.arbiter.logic.json.ItemJson;
import org.arbiter.logic.json.Json;
import org.arbiter.logic.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;

import tools.jackson.databind.node.ObjectNode;

/**
 * Everything, losslessly: every version of every expert judgment exactly as {@link JudgmentJson#write}
 * writes it (the sneakernet and sync interchange file, re-readable with {@link JudgmentJson#read}), then,
 * with prior labels, one record per prior label:
 * {@code {"label_source": "prior", "item_id", "batch", "source", "preference", "step_labels", "extra"}}.
 * Expert lines never carry {@code label_source}, which is how a reader tells the two apart.
 */
public final class FullFormat implements ExportFormat {
    @Override
    public String name() {
        return "full";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVersion(j -> sink.row(JudgmentJson.write(j)));
        source.forEachPrior((item, p) -> sink.row(prior(item, p)));
    }

    static ObjectNode prior(Item item, PriorLabel p) {
        ObjectNode o = Json.object();
        o.put("label_source", "prior");
        o.put("item_id", item.id());
        o.put("batch", item.batch());
        ObjectNode body = ItemJson.writePrior(p);
        o.setAll(body);
        if (!o.has("extra")) o.putObject("extra");
        return o;
    }
}

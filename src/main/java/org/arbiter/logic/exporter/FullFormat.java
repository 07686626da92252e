package org.arbiter.logic.exporter;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;

import tools.jackson.databind.node.ObjectNode;

/**
 * Everything, losslessly: every version of every expert judgment exactly as {@link JudgmentJson#write}
 * writes it (the sneakernet and sync interchange file, re-readable with {@link JudgmentJson#read}), then,
 * with prior labels, one record per prior label:
 * {@code {"label_source": "prior", "item_id", "batch", "source", "preference", "step_labels", "extra"}}.
 * With consensus labels, one record per item with a consensus, shaped like a prior label with
 * {@code "label_source": "consensus"} and the consensus flags in {@code extra.flags} (and the consensus order
 * of a ranking item in {@code ranking}).
 * Expert lines never carry {@code label_source}, which is how a reader tells them apart.
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
        if (source.scope().consensus()) {
            // A consensus label has the shape of a prior label, with source "consensus" and its flags in extra.
            source.forEachVerdict(sink, v -> sink.row(labelled("consensus", v.item(), new PriorLabel(v.labelSource(),
                    v.preference(), v.stepLabels(), java.util.Map.of("flags", v.flags().stream().map(f -> f.wire()).sorted().toList()),
                    v.ranking()))));
        }
    }

    static ObjectNode prior(Item item, PriorLabel p) {
        return labelled("prior", item, p);
    }

    private static ObjectNode labelled(String labelSource, Item item, PriorLabel p) {
        ObjectNode o = Json.object();
        o.put("label_source", labelSource);
        o.put("item_id", item.id());
        o.put("batch", item.batch());
        ObjectNode body = ItemJson.writePrior(p);
        o.setAll(body);
        if (!o.has("extra")) o.putObject("extra");
        return o;
    }
}

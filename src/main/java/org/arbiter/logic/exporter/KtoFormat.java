package org.arbiter.logic.exporter;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.Response;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TRL unpaired preference (KTO): {@code {"prompt", "completion", "label": bool}}. A strict preference gives
 * two rows, the chosen response true and the other false; a both-bad pair gives both responses false,
 * whatever its preference says. A tie says nothing about either answer alone, so it is left out.
 */
public final class KtoFormat implements ExportFormat {
    @Override
    public String name() {
        return "kto";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            Item item = v.item();
            if (!item.isPair()) {
                sink.skip("single-response");
                return;
            }
            Response a = item.a();
            Response b = item.b().orElseThrow();
            if (v.has(Flag.BOTH_BAD)) {
                sink.row(row(item, a, false));
                sink.row(row(item, b, false));
                return;
            }
            Preference p = v.preference();
            if (p == null) {
                sink.skip("no-preference");
            } else if (p.direction() == 0) {
                sink.skip("tie");
            } else {
                Response chosen = p.direction() < 0 ? a : b;
                Response rejected = p.direction() < 0 ? b : a;
                sink.row(row(item, chosen, true));
                sink.row(row(item, rejected, false));
            }
        });
    }

    private static ObjectNode row(Item item, Response r, boolean label) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.set("prompt", TrlFields.prompt(item));
        row.set("completion", TrlFields.completion(item, r.content()));
        row.put("label", label);
        return row;
    }
}

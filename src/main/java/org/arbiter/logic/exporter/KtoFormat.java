package org.arbiter.logic.exporter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * A ranking gives, for the pairs it implies ({@link PairSelection}), each chosen response true and each
 * rejected one false, each (response, label) once: with {@code all} or {@code adjacent} a middle response
 * is both, as the order says it is better than some and worse than others; {@code best-worst} gives the
 * cleanest split. A both-bad ranking gives every response false.
 */
public final class KtoFormat implements ExportFormat {
    private final PairSelection pairs;

    public KtoFormat() {
        this(PairSelection.ALL);
    }

    public KtoFormat(PairSelection pairs) {
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "kto";
    }

    @Override
    public ExportFormat withPairs(PairSelection selection) {
        return new KtoFormat(selection);
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            Item item = v.item();
            if (!item.isPair()) {
                sink.skip("single-response");
                return;
            }
            if (v.has(Flag.BOTH_BAD)) {
                for (Response r : item.responses()) sink.row(row(item, r, false));
                return;
            }
            if (v.ranking() != null) {
                ranking(item, Sides.allOf(v, pairs, sink), sink);
                return;
            }
            Response a = item.a();
            Response b = item.b().orElseThrow();
            Preference p = v.preference();
            if (p == null) {
                sink.skip(item.isRanking() ? "no-ranking" : "no-preference");
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

    private static void ranking(Item item, List<Sides> sides, RowSink sink) {
        Set<String> desirable = new LinkedHashSet<>();
        Set<String> undesirable = new LinkedHashSet<>();
        for (Sides s : sides) {
            desirable.add(s.chosen().id());
            undesirable.add(s.rejected().id());
        }
        for (Response r : item.responses()) if (desirable.contains(r.id())) sink.row(row(item, r, true));
        for (Response r : item.responses()) if (undesirable.contains(r.id())) sink.row(row(item, r, false));
    }

    private static ObjectNode row(Item item, Response r, boolean label) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.set("prompt", TrlFields.prompt(item));
        row.set("completion", TrlFields.completion(item, r.content()));
        row.put("label", label);
        return row;
    }
}

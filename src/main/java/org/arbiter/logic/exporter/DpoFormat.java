package org.arbiter.logic.exporter;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TRL preference rows with an explicit prompt: {@code {"prompt", "chosen", "rejected", "margin"}}, standard
 * (strings) or conversational (message lists) after the item's prompt. Ties, both-bad pairs and labels
 * without a preference are left out; margin is 2.0 for a strong preference and 1.0 for a weak one. A ranking
 * gives one row per implied pair ({@link PairSelection}), margin the distance between the two ranks.
 */
public final class DpoFormat implements ExportFormat {
    private final PairSelection pairs;

    public DpoFormat() {
        this(PairSelection.ALL);
    }

    public DpoFormat(PairSelection pairs) {
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "dpo";
    }

    @Override
    public ExportFormat withPairs(PairSelection selection) {
        return new DpoFormat(selection);
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            for (Sides s : Sides.allOf(v, pairs, sink)) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                row.set("prompt", TrlFields.prompt(v.item()));
                row.set("chosen", TrlFields.completion(v.item(), s.chosen().content()));
                row.set("rejected", TrlFields.completion(v.item(), s.rejected().content()));
                row.put("margin", s.margin());
                sink.row(row);
            }
        });
    }
}

package org.arbiter.logic.exporter;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI preference fine-tuning: {@code {"input": {"messages", "tools": [], "parallel_tool_calls": true},
 * "preferred_output": [assistant], "non_preferred_output": [assistant]}}. A plain prompt is one user message.
 * Same selection as {@code dpo} (rankings give their implied pairs); the format has no field for the strength.
 */
public final class OpenAiDpoFormat implements ExportFormat {
    private final PairSelection pairs;

    public OpenAiDpoFormat() {
        this(PairSelection.ALL);
    }

    public OpenAiDpoFormat(PairSelection pairs) {
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "openai-dpo";
    }

    @Override
    public ExportFormat withPairs(PairSelection selection) {
        return new OpenAiDpoFormat(selection);
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            for (Sides s : Sides.allOf(v, pairs, sink)) {
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                ObjectNode input = row.putObject("input");
                input.set("messages", TrlFields.messages(v.item()));
                input.putArray("tools");
                input.put("parallel_tool_calls", true);
                row.set("preferred_output", TrlFields.assistant(s.chosen().content()));
                row.set("non_preferred_output", TrlFields.assistant(s.rejected().content()));
                sink.row(row);
            }
        });
    }
}

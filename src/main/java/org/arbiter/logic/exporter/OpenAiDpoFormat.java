package org.arbiter.logic.exporter;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI preference fine-tuning: {@code {"input": {"messages", "tools": [], "parallel_tool_calls": true},
 * "preferred_output": [assistant], "non_preferred_output": [assistant]}}. A plain prompt is one user message.
 * Same selection as {@code dpo}; the format has no field for the strength.
 */
public final class OpenAiDpoFormat implements ExportFormat {
    @Override
    public String name() {
        return "openai-dpo";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            Sides s = Sides.of(v, sink);
            if (s == null) return;
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            ObjectNode input = row.putObject("input");
            input.set("messages", TrlFields.messages(v.item()));
            input.putArray("tools");
            input.put("parallel_tool_calls", true);
            row.set("preferred_output", TrlFields.assistant(s.chosen().content()));
            row.set("non_preferred_output", TrlFields.assistant(s.rejected().content()));
            sink.row(row);
        });
    }
}

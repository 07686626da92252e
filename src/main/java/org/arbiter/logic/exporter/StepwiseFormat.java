package org.arbiter.logic.exporter;

import java.util.List;

import org.arbiter.model.steps.Step;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TRL stepwise supervision: {@code {"prompt": str, "completions": [step…], "labels": [bool…]}}, one row per
 * response with step ratings. label = (rating == +1), as TRL's own PRM800K conversion maps it, so a neutral 0
 * is false. TRL's process reward trainer tokenizes the prompt as text, so a conversation gives its
 * {@link org.arbiter.model.Prompt#asText() last user turn}.
 */
public final class StepwiseFormat implements ExportFormat {
    @Override
    public String name() {
        return "stepwise";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            List<RatedSteps> responses = RatedSteps.of(v);
            if (responses.isEmpty()) {
                sink.skip("no-step-labels");
                return;
            }
            for (RatedSteps r : responses) {
                List<Step> run = r.leadingRun();
                if (run.isEmpty()) {
                    sink.skip("first-step-unrated");
                    continue;
                }
                ObjectNode row = JsonNodeFactory.instance.objectNode();
                row.put("prompt", v.item().prompt().asText());
                ArrayNode completions = row.putArray("completions");
                ArrayNode labels = row.putArray("labels");
                for (Step s : run) {
                    completions.add(s.text());
                    labels.add(r.rating(s) == 1);
                }
                sink.row(row);
            }
        });
    }
}

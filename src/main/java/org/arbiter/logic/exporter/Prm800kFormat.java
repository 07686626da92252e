package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Reference;
import org.arbiter.model.steps.Step;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI PRM800K's record, one per response with step ratings, in phase 2's shape: one completion per step
 * (the response's own text, {@code chosen_completion} 0), ending at the first −1. The step that holds the
 * error ends the trajectory, so its {@code chosen_completion} is null, as in PRM800K.
 *
 * <p>{@code finish_reason}: "found_error" when a −1 is reached; "bad_problem" when the expert flagged the
 * prompt; "solution" when every step is rated without an error; otherwise "give_up" (the expert stopped
 * rating before the end: only the leading run of rated steps is written).
 */
public final class Prm800kFormat implements ExportFormat {
    @Override
    public String name() {
        return "prm800k";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            List<RatedSteps> responses = RatedSteps.of(v);
            if (responses.isEmpty()) {
                sink.skip("no-step-labels");
                return;
            }
            List<ObjectNode> rows = new ArrayList<>();
            for (RatedSteps r : responses) {
                List<Step> run = r.leadingRun();
                if (run.isEmpty()) {
                    sink.skip("first-step-unrated");
                    continue;
                }
                rows.add(row(v, r, run));
            }
            rows.forEach(sink::row);
        });
    }

    private static ObjectNode row(Verdict v, RatedSteps r, List<Step> run) {
        Item item = v.item();
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("labeler", v.annotator());
        row.put("timestamp", v.submittedAt());
        row.putNull("generation");
        row.put("is_quality_control_question", false);
        row.put("is_initial_screening_question", false);
        ObjectNode q = row.putObject("question");
        q.put("problem", item.prompt().asText());
        Reference ref = item.reference();
        q.put("ground_truth_answer", ref == null ? null : ref.answer());
        q.put("ground_truth_solution", ref == null ? null : ref.solution());
        ObjectNode label = row.putObject("label");
        ArrayNode steps = label.putArray("steps");
        boolean error = false;
        for (Step s : run) {
            int rating = r.rating(s);
            ObjectNode st = steps.addObject();
            ObjectNode c = st.putArray("completions").addObject();
            c.put("text", s.text());
            c.put("rating", rating);
            c.put("flagged", false);
            st.putNull("human_completion");
            if (rating == -1) {
                st.putNull("chosen_completion");
                error = true;
                break;
            }
            st.put("chosen_completion", 0);
        }
        if (v.activeMs() == null) label.putNull("total_time");
        else label.put("total_time", v.activeMs());
        String finish;
        if (error) finish = "found_error";
        else if (v.has(Flag.BAD_PROMPT)) finish = "bad_problem";
        else if (run.size() == r.steps().size()) finish = "solution";
        else finish = "give_up";
        label.put("finish_reason", finish);
        row.put("item_id", item.id());
        row.put("response_id", r.response().id());
        return row;
    }
}

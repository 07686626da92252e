package org.arbiter.logic.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;

import tools.jackson.databind.JsonNode;

/**
 * ProcessBench ({@code id, generator, problem, steps, final_answer_correct, label}): one single-path item per
 * solution, its steps as given. ProcessBench's experts marked only the earliest wrong step ({@code label},
 * −1 when none), so the prior step labels are +1 for every step before it, −1 at it, and nothing after it:
 * the steps after the first error were never judged, and rating them would invent labels. With
 * {@code label} −1 every step is +1. {@code final_answer_correct} and the label index are kept in the prior
 * label's extra, so a lab can audit its experts against both.
 */
final class ProcessBenchParser implements RecordParser {
    static final String SOURCE = "processbench";

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        String problem = Json.requireString(r, "problem", "");
        JsonNode stepsNode = Json.requireArray(r, "steps", "");
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            JsonNode s = stepsNode.get(i);
            if (!s.isString()) throw new FieldException("steps[" + i + "]", "a string, found " + Json.kind(s));
            steps.add(s.stringValue());
        }
        if (steps.isEmpty()) throw new FieldException("steps", "at least one step, found none");
        JsonNode labelNode = r.get("label");
        if (labelNode == null || !labelNode.isIntegralNumber() || labelNode.intValue() < -1 || labelNode.intValue() >= steps.size()) {
            throw new FieldException("label", "the index of the earliest wrong step (0 to " + (steps.size() - 1)
                    + ") or -1, found " + (labelNode == null ? "nothing" : labelNode.asString()));
        }
        int label = labelNode.intValue();
        JsonNode correct = r.get("final_answer_correct");
        if (correct != null && !correct.isNull() && !correct.isBoolean()) {
            throw new FieldException("final_answer_correct", "true or false, found " + correct.asString());
        }
        String generator = Json.optString(r, "generator", "");

        Response response = Response.ofSteps("a", generator == null ? SOURCE : generator, steps);
        List<Step> segmented = StepSegmenter.segment(response, Domain.MATH);
        List<StepLabel> stepLabels = new ArrayList<>();
        int lastRated = label < 0 ? steps.size() - 1 : label;
        for (int i = 0; i <= lastRated; i++) {
            stepLabels.add(new StepLabel("a", i, segmented.get(i).key(), i == label ? -1 : 1, null, null));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("label", label);
        if (correct != null && correct.isBoolean()) extra.put("final_answer_correct", correct.booleanValue());
        Map<String, Object> meta = new LinkedHashMap<>();
        if (generator != null) meta.put("generator", generator);
        String answer = Json.optString(r, "answer", "");
        Reference reference = answer == null ? null : new Reference(answer, null, null, null);
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        return new Item(id, context.batchFor(null), context.domain(Domain.MATH), Prompt.text(problem),
                List.of(response), reference, null, meta, List.of(new PriorLabel(SOURCE, null, stepLabels, extra)));
    }
}

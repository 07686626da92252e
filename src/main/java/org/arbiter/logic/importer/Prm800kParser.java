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
 * PRM800K: one item per labelled trajectory. The single response is the chosen path (at each step the
 * completion at {@code chosen_completion}, or the labeler's {@code human_completion}; the path ends at the
 * first step with neither), with explicit steps. The raters' ratings of the chosen steps become a prior
 * label; the completions not chosen are kept in meta so phase-2 data loses nothing.
 */
final class Prm800kParser implements RecordParser {
    static final String MODEL = "gpt-4";

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        JsonNode question = Json.optObject(r, "question", "");
        if (question == null) throw new FieldException("question", "an object with problem (field is missing)");
        String problem = Json.requireString(question, "problem", "question");
        JsonNode label = Json.optObject(r, "label", "");
        if (label == null) throw new FieldException("label", "an object with steps (field is missing)");
        JsonNode steps = Json.requireArray(label, "steps", "label");

        List<String> texts = new ArrayList<>();
        List<Integer> ratings = new ArrayList<>();
        List<Integer> humanSteps = new ArrayList<>();
        List<Map<String, Object>> alternatives = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < steps.size(); i++) {
            String path = "label.steps[" + i + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) throw new FieldException(path, "an object, found " + Json.kind(step));
            // the trailing step of a give_up trajectory has "completions": null
            JsonNode completions = step.get("completions");
            if (completions == null || completions.isNull()) completions = Json.array();
            else if (!completions.isArray()) throw new FieldException(path + ".completions", "an array, found " + Json.kind(completions));
            JsonNode chosenNode = step.get("chosen_completion");
            Integer chosen = null;
            if (chosenNode != null && !chosenNode.isNull()) {
                if (!chosenNode.isIntegralNumber() || chosenNode.intValue() < 0 || chosenNode.intValue() >= completions.size()) {
                    throw new FieldException(path + ".chosen_completion",
                            "null or an index below " + completions.size() + ", found " + chosenNode.asString());
                }
                chosen = chosenNode.intValue();
            }
            List<Map<String, Object>> others = new ArrayList<>();
            for (int k = 0; k < completions.size(); k++) {
                String cp = path + ".completions[" + k + "]";
                JsonNode c = completions.get(k);
                if (!c.isObject()) throw new FieldException(cp, "an object, found " + Json.kind(c));
                String text = Json.requireString(c, "text", cp);
                Integer rating = rating(c, cp);
                if (chosen != null && k == chosen && !ended) {
                    texts.add(text);
                    ratings.add(rating);
                } else {
                    Map<String, Object> alt = new LinkedHashMap<>();
                    alt.put("text", text);
                    alt.put("rating", rating);
                    if (c.path("flagged").asBoolean(false)) alt.put("flagged", true);
                    others.add(alt);
                }
            }
            JsonNode human = Json.optObject(step, "human_completion", path);
            if (chosen == null && human != null && !ended) {
                String hp = path + ".human_completion";
                texts.add(Json.requireString(human, "text", hp));
                ratings.add(rating(human, hp));
                humanSteps.add(texts.size() - 1);
            } else if (chosen == null && !ended) {
                ended = true;
            }
            if (!others.isEmpty()) {
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("step", i);
                at.put("completions", others);
                alternatives.add(at);
            }
        }

        Response response = Response.ofSteps("a", MODEL, texts);
        List<Step> segmented = StepSegmenter.segment(response, Domain.MATH);
        List<StepLabel> stepLabels = new ArrayList<>();
        for (int i = 0; i < ratings.size(); i++) {
            if (ratings.get(i) == null) continue;
            stepLabels.add(new StepLabel("a", i, segmented.get(i).key(), ratings.get(i), null, null));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String f : new String[]{"labeler", "timestamp", "generation", "is_quality_control_question",
                "is_initial_screening_question"}) {
            copy(r, f, extra);
        }
        copy(label, "finish_reason", extra);
        copy(label, "total_time", extra);
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!humanSteps.isEmpty()) meta.put("human_steps", humanSteps);
        if (!alternatives.isEmpty()) meta.put("alternatives", alternatives);
        copy(question, "pre_generated_answer", meta);
        copy(question, "pre_generated_verifier_score", meta);
        Reference reference = new Reference(Json.optString(question, "ground_truth_answer", "question"),
                Json.optString(question, "ground_truth_solution", "question"), null, null);
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        return new Item(id, context.batchFor(null), context.domain(Domain.MATH), Prompt.text(problem),
                List.of(response), reference.isEmpty() ? null : reference, null, meta,
                List.of(new PriorLabel("prm800k", null, stepLabels, extra)));
    }

    private static Integer rating(JsonNode c, String path) {
        JsonNode v = c.get("rating");
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || v.intValue() < -1 || v.intValue() > 1) {
            throw new FieldException(path + ".rating", "-1, 0, 1 or null, found " + v.asString());
        }
        return v.intValue();
    }

    private static void copy(JsonNode r, String field, Map<String, Object> to) {
        JsonNode v = r.get(field);
        if (v == null) return;
        if (v.isString()) to.put(field, v.stringValue());
        else if (v.isNumber()) to.put(field, v.numberValue());
        else if (v.isBoolean()) to.put(field, v.booleanValue());
        else if (v.isNull()) to.put(field, null);
    }
}

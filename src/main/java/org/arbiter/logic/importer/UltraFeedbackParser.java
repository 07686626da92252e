package org.arbiter.logic.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/**
 * UltraFeedback. Binarized rows ({@code prompt}, {@code prompt_id}, {@code chosen}, {@code rejected} as
 * message lists or strings, {@code score_chosen}, {@code score_rejected}) become one pair. Raw rows
 * ({@code instruction}, {@code completions[]} with scores) keep every completion: three or more become one
 * ranking item (responses r1, r2, ... in the source's order) whose prior label ranks them by score, equal
 * scores tied; two become a pair. Until issue 15 a raw row gave only its best and worst completion.
 * A completion's score is its {@code overall_score}, else its {@code fine-grained_score}, else the mean of
 * its aspects' ratings; when one completion has none, the prior label keeps the scores but no order.
 */
final class UltraFeedbackParser implements RecordParser {
    @Override
    public Item parse(JsonNode r, ParseContext context) {
        return r.has("completions") && r.has("instruction") ? raw(r, context) : binarized(r, context);
    }

    private Item binarized(JsonNode r, ParseContext context) {
        String id = Json.optId(r, "prompt_id", "");
        if (id == null) id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        Prompt prompt = null;
        JsonNode p = r.get("prompt");
        if (p != null && p.isString()) prompt = Prompt.text(p.stringValue());
        else if (p != null && !p.isNull()) throw new FieldException("prompt", "a string, found " + Json.kind(p));
        String[] texts = new String[2];
        String[] fields = {"chosen", "rejected"};
        for (int i = 0; i < 2; i++) {
            JsonNode v = r.get(fields[i]);
            if (v == null || v.isNull()) throw new FieldException(fields[i], "a list of messages or a string (field is missing)");
            if (v.isString()) {
                texts[i] = v.stringValue();
            } else if (v.isArray()) {
                List<Turn> turns = Completions.messages(v, fields[i]);
                if (turns.isEmpty() || !turns.get(turns.size() - 1).role().equals("assistant")) {
                    throw new FieldException(fields[i], "messages ending with an assistant message");
                }
                texts[i] = turns.get(turns.size() - 1).content();
                if (prompt == null) prompt = Completions.prompt(turns.subList(0, turns.size() - 1), fields[i]);
            } else {
                throw new FieldException(fields[i], "a list of messages or a string, found " + Json.kind(v));
            }
        }
        if (prompt == null) throw new FieldException("prompt", "a string (field is missing)");
        Map<String, Object> extra = new LinkedHashMap<>();
        number(r, "score_chosen", extra);
        number(r, "score_rejected", extra);
        Map<String, Object> meta = new LinkedHashMap<>();
        String source = Json.optString(r, "source", "");
        if (source != null) meta.put("source", source);
        String chosenModel = firstString(r, "chosen_model", "chosen-model");
        String rejectedModel = firstString(r, "rejected_model", "rejected-model");
        PreferencePair pair = PreferencePair.chosenRejected(id, chosenModel, texts[0], rejectedModel, texts[1],
                "ultrafeedback", extra);
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), prompt, pair.responses(),
                null, null, meta, pair.priors());
    }

    private Item raw(JsonNode r, ParseContext context) {
        String instruction = Json.requireString(r, "instruction", "");
        JsonNode cs = Json.requireArray(r, "completions", "");
        if (cs.size() < 2) {
            throw new FieldException("completions", "at least 2 completions to compare, found " + cs.size());
        }
        List<String> models = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            String path = "completions[" + i + "]";
            JsonNode c = cs.get(i);
            if (!c.isObject()) throw new FieldException(path, "an object, found " + Json.kind(c));
            models.add(Json.optString(c, "model", path));
            texts.add(Json.requireString(c, "response", path));
            scores.add(score(c, path));
        }
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        if (cs.size() > 2) return ranking(r, id, instruction, models, texts, scores, context);
        int best = 0;
        int worst = -1;
        for (int i = 1; i < cs.size(); i++) if (compare(scores.get(i), scores.get(best)) > 0) best = i;
        for (int i = 0; i < cs.size(); i++) {
            if (i == best) continue;
            if (worst < 0 || compare(scores.get(i), scores.get(worst)) < 0) worst = i;
        }
        Integer verdict = scores.get(best) == null || scores.get(worst) == null ? null
                : scores.get(best).equals(scores.get(worst)) ? 0 : -1;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mean_rating_first", scores.get(best));
        extra.put("mean_rating_second", scores.get(worst));
        Map<String, Object> meta = new LinkedHashMap<>();
        String source = Json.optString(r, "source", "");
        if (source != null) meta.put("source", source);
        List<Map<String, Object>> others = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            if (i == best || i == worst) continue;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", models.get(i));
            o.put("response", texts.get(i));
            o.put("mean_rating", scores.get(i));
            others.add(o);
        }
        if (!others.isEmpty()) meta.put("other_completions", others);
        PreferencePair pair = PreferencePair.place(id, models.get(best), texts.get(best), models.get(worst),
                texts.get(worst), verdict, "ultrafeedback", extra);
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), Prompt.text(instruction),
                pair.responses(), null, null, meta, pair.priors());
    }

    /** All completions as one item, ranked by score (best first, equal scores one tier). */
    private Item ranking(JsonNode r, String id, String instruction, List<String> models, List<String> texts,
                         List<Double> scores, ParseContext context) {
        List<Response> responses = new ArrayList<>();
        Map<String, Object> byResponse = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String rid = "r" + (i + 1);
            responses.add(new Response(rid, models.get(i), texts.get(i)));
            byResponse.put(rid, scores.get(i));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scores", byResponse);
        Ranking order = scores.contains(null) ? null : byScore(responses, scores);
        Map<String, Object> meta = new LinkedHashMap<>();
        String source = Json.optString(r, "source", "");
        if (source != null) meta.put("source", source);
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), Prompt.text(instruction),
                responses, null, null, meta, List.of(new PriorLabel("ultrafeedback", null, List.of(), extra, order)));
    }

    /** Higher score first; equal scores share a tier. */
    private static Ranking byScore(List<Response> responses, List<Double> scores) {
        TreeMap<Double, List<String>> tiers = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < responses.size(); i++) {
            tiers.computeIfAbsent(scores.get(i), s -> new ArrayList<>()).add(responses.get(i).id());
        }
        return new Ranking(new ArrayList<>(tiers.values()), List.of());
    }

    /** The completion's overall score, else its fine-grained score, else the mean of its aspects' ratings. */
    private static Double score(JsonNode c, String path) {
        for (String field : List.of("overall_score", "fine-grained_score")) {
            JsonNode v = c.get(field);
            if (v == null || v.isNull()) continue;
            if (!v.isNumber()) throw new FieldException(path + "." + field, "a number, found " + Json.kind(v));
            return v.doubleValue();
        }
        return meanRating(c, path);
    }

    /** Null sorts below any score. */
    private static int compare(Double a, Double b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return Double.compare(a, b);
    }

    /** The mean of the aspects' numeric "Rating" values ("N/A" skipped); null when there are none. */
    private static Double meanRating(JsonNode c, String path) {
        JsonNode ann = Json.optObject(c, "annotations", path);
        if (ann == null) return null;
        double sum = 0;
        int n = 0;
        for (String aspect : ann.propertyNames()) {
            JsonNode a = ann.get(aspect);
            JsonNode rating = a == null || !a.isObject() ? null : a.get("Rating");
            if (rating == null || rating.isNull()) continue;
            if (rating.isNumber()) {
                sum += rating.doubleValue();
                n++;
            } else if (rating.isString()) {
                try {
                    sum += Double.parseDouble(rating.stringValue().trim());
                    n++;
                } catch (NumberFormatException notRated) {
                    // "N/A": the aspect was not rated
                }
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static void number(JsonNode r, String field, Map<String, Object> to) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) return;
        if (!v.isNumber()) throw new FieldException(field, "a number, found " + Json.kind(v));
        to.put(field, v.numberValue());
    }

    private static String firstString(JsonNode r, String... fields) {
        for (String f : fields) {
            String v = Json.optString(r, f, "");
            if (v != null) return v;
        }
        return null;
    }
}

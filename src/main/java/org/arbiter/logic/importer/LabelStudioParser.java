package org.arbiter.logic.importer;

import static org.arbiter.logic.interchange.LabelStudioProject.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

import tools.jackson.databind.JsonNode;

/**
 * One task of a Label Studio JSON export (Export → JSON: a JSON array of tasks) made with the Pairwise
 * template ({@code data.prompt}, {@code data.answer1}/{@code answer2}) or the List + Ranker template
 * ({@code data.items} of {@code {id, title, body}}). Each annotation that was not cancelled becomes a prior
 * label of source "label-studio": {@code pairwise} {@code value.selected} left = answer1 = A; a
 * {@code ranker} result becomes a ranking (rank mode: one id per rank; buckets: one tier per bucket, in the
 * order written, "tier_N" buckets by N, the ids left in the list "_" as a last tier listed in
 * {@code extra.unranked}). The annotator (an Arbiter name kept in the task's meta by Arbiter's own export,
 * else the {@code completed_by} email or user id), the annotation id, {@code lead_time} (seconds) and
 * {@code created_at} go to extra.
 */
final class LabelStudioParser implements RecordParser {
    private static final String[][] PAIR_KEYS = {{ANSWER1, ANSWER2}, {"text1", "text2"}, {"response1", "response2"}};

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        JsonNode data = r.get("data");
        if (data == null || !data.isObject()) {
            throw new FieldException("data", "an object with the prompt and the answers (a Label Studio task), found " + Json.kind(data));
        }
        String prompt = prompt(data);
        List<Response> responses = responses(data);
        String id = Json.optId(data, ITEM_ID, "data");
        if (id == null) {
            String task = Json.optId(r, "id", "");
            id = task != null ? "ls-" + task : RecordIds.contentId(data);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        String task = Json.optId(r, "id", "");
        if (task != null) meta.put("label_studio_task", task);
        JsonNode taskMeta = r.get("meta");
        JsonNode names = taskMeta != null && taskMeta.isObject() ? taskMeta.get(ANNOTATORS) : null;
        List<PriorLabel> priors = new ArrayList<>();
        JsonNode annotations = r.has("annotations") ? r.get("annotations") : r.get("completions");
        String field = r.has("annotations") ? "annotations" : "completions";
        if (annotations != null && !annotations.isNull()) {
            if (!annotations.isArray()) throw new FieldException(field, "an array of annotations, found " + Json.kind(annotations));
            for (int i = 0; i < annotations.size(); i++) {
                PriorLabel p = annotation(annotations.get(i), field + "[" + i + "]", responses, names, context);
                if (p != null) priors.add(p);
            }
        }
        return new Item(id, context.batchFor(Json.optString(data, BATCH, "data")), context.domain(Domain.GENERAL),
                Prompt.text(prompt), responses, null, null, meta, priors);
    }

    private static String prompt(JsonNode data) {
        for (String k : new String[]{PROMPT, "question", "instruction", "text"}) {
            String v = Json.optString(data, k, "data");
            if (v != null) return v;
        }
        throw new FieldException("data.prompt", "the prompt as a string (data.prompt, question, instruction or text), found the keys "
                + data.propertyNames());
    }

    private static List<Response> responses(JsonNode data) {
        List<String> models = Json.optStringList(data, MODELS, "data");
        JsonNode items = data.get(ITEMS);
        if (items != null && !items.isNull()) {
            if (!items.isArray() || items.size() < 2) {
                throw new FieldException("data.items", "an array of at least two {id, title, body} answers, found " + Json.kind(items)
                        + (items.isArray() ? " of " + items.size() : ""));
            }
            List<Response> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode it = items.get(i);
                String path = "data.items[" + i + "]";
                if (!it.isObject()) throw new FieldException(path, "an object {id, title, body}, found " + Json.kind(it));
                String rid = Json.optId(it, "id", path);
                if (rid == null) throw new FieldException(path + ".id", "the answer's id (the ranker's results name it)");
                String body = Json.optString(it, "body", path);
                if (body == null) body = Json.requireString(it, "text", path);
                String model = Json.optString(it, "model", path);
                if (model == null && models != null && i < models.size()) model = models.get(i);
                if (model == null) model = Json.optString(it, "title", path);
                out.add(new Response(rid, model, body));
            }
            return out;
        }
        for (String[] keys : PAIR_KEYS) {
            if (!data.has(keys[0]) || !data.has(keys[1])) continue;
            String first = Json.requireString(data, keys[0], "data");
            String second = Json.requireString(data, keys[1], "data");
            List<String> ids = Json.optStringList(data, RESPONSE_IDS, "data");
            if (ids == null || ids.size() != 2) ids = List.of("a", "b");
            return List.of(new Response(ids.get(0), model(models, 0), first), new Response(ids.get(1), model(models, 1), second));
        }
        throw new FieldException("data", "the answers: answer1 and answer2 (Pairwise template) or items (Ranker template), found the keys "
                + data.propertyNames());
    }

    private static String model(List<String> models, int i) {
        return models != null && i < models.size() ? models.get(i) : null;
    }

    private static PriorLabel annotation(JsonNode a, String path, List<Response> responses, JsonNode names, ParseContext context) {
        if (!a.isObject()) throw new FieldException(path, "an annotation object, found " + Json.kind(a));
        JsonNode cancelled = a.get("was_cancelled");
        if (cancelled != null && cancelled.asBoolean(false)) {
            context.leftOut().accept("cancelled Label Studio annotation");
            return null;
        }
        JsonNode result = Json.requireArray(a, "result", path);
        String side = null;
        String strength = null;
        String rationale = null;
        RankerResult ranker = null;
        for (int j = 0; j < result.size(); j++) {
            JsonNode res = result.get(j);
            String rp = path + ".result[" + j + "]";
            if (!res.isObject()) throw new FieldException(rp, "a result object, found " + Json.kind(res));
            String type = Json.requireString(res, "type", rp);
            String from = Json.optString(res, "from_name", rp);
            JsonNode value = Json.optObject(res, "value", rp);
            if (value == null) throw new FieldException(rp + ".value", "an object (field is missing)");
            switch (type) {
                case "pairwise" -> {
                    String s = Json.requireString(value, "selected", rp + ".value");
                    if (!s.equals("left") && !s.equals("right")) {
                        throw new FieldException(rp + ".value.selected", "left or right, found \"" + s + "\"");
                    }
                    side = s;
                }
                case "ranker" -> ranker = RankerResult.read(value, rp + ".value", from, responses);
                case "choices" -> {
                    List<String> c = Json.optStringList(value, "choices", rp + ".value");
                    if (STRENGTH.equals(from) && c != null && !c.isEmpty()) strength = c.get(0);
                }
                case "textarea" -> {
                    List<String> t = Json.optStringList(value, "text", rp + ".value");
                    if (RATIONALE.equals(from) && t != null) rationale = String.join("\n", t);
                }
                default -> {
                    // other controls of a richer config (ratings, labels) are not preferences: kept out
                }
            }
        }
        Preference preference = null;
        if (side != null) {
            boolean strong = MUCH_BETTER.equals(strength);
            preference = side.equals("left") ? (strong ? Preference.A_MUCH_BETTER : Preference.A_BETTER)
                    : (strong ? Preference.B_MUCH_BETTER : Preference.B_BETTER);
        } else if (TIE.equals(strength)) {
            preference = Preference.TIE;
        }
        Ranking ranking = ranker == null ? null : ranker.ranking();
        if (responses.size() == 2 && ranking != null) {
            // a two-answer ranker is a preference: one response above the other, or both in one tier
            if (preference == null) {
                String best = ranking.tiers().get(0).get(0);
                preference = ranking.tiers().get(0).size() == 2 ? Preference.TIE
                        : best.equals(responses.get(0).id()) ? Preference.A_BETTER : Preference.B_BETTER;
            }
            ranking = null;
        }
        if (preference == null && ranking == null) {
            context.leftOut().accept("Label Studio annotation without a pairwise or ranker result");
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("labeler", annotator(a, path, names));
        String annotationId = Json.optId(a, "id", path);
        if (annotationId != null) extra.put("annotation_id", annotationId);
        JsonNode lead = a.get("lead_time");
        if (lead != null && lead.isNumber()) extra.put("lead_time", lead.numberValue());
        String created = Json.optString(a, "created_at", path);
        if (created != null) extra.put("timestamp", created);
        if (rationale != null && !rationale.isEmpty()) extra.put("rationale", rationale);
        if (ranker != null) ranker.describe(extra);
        return new PriorLabel(SOURCE, preference, List.of(), extra, ranking);
    }

    /** Arbiter's own name from the task meta, else Label Studio's user (email, or "label-studio user N"). */
    private static String annotator(JsonNode a, String path, JsonNode names) {
        if (names != null && names.isObject()) {
            for (String key : new String[]{"import_id", "id"}) {
                String id = Json.optId(a, key, path);
                JsonNode name = id == null ? null : names.get(id);
                if (name != null && name.isString()) return name.stringValue();
            }
        }
        JsonNode by = a.get("completed_by");
        if (by == null || by.isNull()) return SOURCE;
        if (by.isObject()) {
            String email = Json.optString(by, "email", path + ".completed_by");
            if (email != null && !email.isBlank()) return email;
            String id = Json.optId(by, "id", path + ".completed_by");
            return id == null ? SOURCE : "label-studio user " + id;
        }
        if (by.isIntegralNumber()) return "label-studio user " + by.asString();
        if (by.isString()) return by.stringValue();
        throw new FieldException(path + ".completed_by", "a user object, a user id or an email, found " + Json.kind(by));
    }

    /** A ranker result read against the task's answers. */
    private record RankerResult(List<List<String>> tiers, List<String> unranked, Map<String, Object> buckets) {
        static RankerResult read(JsonNode value, String path, String fromName, List<Response> responses) {
            JsonNode rk = Json.optObject(value, "ranker", path);
            if (rk == null) throw new FieldException(path + ".ranker", "an object of bucket → answer ids (field is missing)");
            Set<String> known = new LinkedHashSet<>();
            for (Response r : responses) known.add(r.id());
            Set<String> placed = new LinkedHashSet<>();
            List<Map.Entry<String, List<String>>> lists = new ArrayList<>();
            Map<String, Object> buckets = new LinkedHashMap<>();
            boolean allTiers = true;
            for (var e : rk.properties()) {
                String key = e.getKey();
                String bp = path + ".ranker." + key;
                if (!e.getValue().isArray()) throw new FieldException(bp, "an array of answer ids, found " + Json.kind(e.getValue()));
                List<String> ids = new ArrayList<>();
                for (int k = 0; k < e.getValue().size(); k++) {
                    JsonNode idNode = e.getValue().get(k);
                    String rid = idNode.isString() ? idNode.stringValue() : idNode.isIntegralNumber() ? idNode.asString() : null;
                    if (rid == null || !known.contains(rid)) {
                        throw new FieldException(bp + "[" + k + "]", "an id of the task's answers " + known + ", found "
                                + (rid == null ? Json.kind(idNode) : "\"" + rid + "\""));
                    }
                    if (key.equals("_")) continue;
                    if (!placed.add(rid)) throw new FieldException(bp + "[" + k + "]", "each answer ranked once; \"" + rid + "\" is ranked twice");
                    ids.add(rid);
                }
                if (key.equals("_")) continue;
                buckets.put(key, ids);
                if (tierRank(key) < 0) allTiers = false;
                lists.add(Map.entry(key, ids));
            }
            List<List<String>> tiers = new ArrayList<>();
            boolean rankMode = lists.size() == 1 && lists.get(0).getKey().equals(fromName);
            if (rankMode) {
                for (String rid : lists.get(0).getValue()) tiers.add(List.of(rid));
            } else {
                if (allTiers) lists.sort(java.util.Comparator.comparingInt(e -> tierRank(e.getKey())));
                for (var e : lists) if (!e.getValue().isEmpty()) tiers.add(e.getValue());
            }
            List<String> unranked = new ArrayList<>();
            for (String rid : known) if (!placed.contains(rid)) unranked.add(rid);
            return new RankerResult(tiers, unranked, rankMode || allTiers ? Map.of() : buckets);
        }

        Ranking ranking() {
            if (tiers.isEmpty()) return null;
            List<List<String>> all = new ArrayList<>(tiers);
            if (!unranked.isEmpty()) all.add(unranked);
            return new Ranking(all, List.of());
        }

        void describe(Map<String, Object> extra) {
            if (!unranked.isEmpty() && !tiers.isEmpty()) extra.put("unranked", unranked);
            if (!buckets.isEmpty()) extra.put("ranker_buckets", buckets);
        }
    }
}

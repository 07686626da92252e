package org.arbiter.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Domain;
import org.arbiter.model.Gold;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Ranking;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The native Arbiter item format, one object per JSONL line:
 * {@code {"id", "batch"?, "domain"?, "prompt": markdown | [{role, content}], "responses": [{id, model,
 * content, steps?}], "reference"?: {answer?, solution?, tests?, language?, entry_point?, test_setup?}, "gold"?, "meta"?, "prior_labels"?}}. Used by the native importer, the
 * local store and the sync protocol, so all three read and write the same shape.
 */
public final class ItemJson {
    private ItemJson() {
    }

    public static ObjectNode write(Item item) {
        ObjectNode o = Json.object();
        o.put("id", item.id());
        o.put("batch", item.batch());
        o.put("domain", item.domain().wireName());
        o.set("prompt", writePrompt(item.prompt()));
        ArrayNode rs = o.putArray("responses");
        for (Response r : item.responses()) {
            ObjectNode ro = rs.addObject();
            ro.put("id", r.id());
            if (r.model() != null) ro.put("model", r.model());
            ro.put("content", r.content());
            if (r.steps() != null) {
                ArrayNode st = ro.putArray("steps");
                r.steps().forEach(st::add);
            }
        }
        Reference ref = item.reference();
        if (ref != null && !ref.isEmpty()) {
            ObjectNode ro = o.putObject("reference");
            putIfNotNull(ro, "answer", ref.answer());
            putIfNotNull(ro, "solution", ref.solution());
            putIfNotNull(ro, "tests", ref.tests());
            putIfNotNull(ro, "language", ref.language());
            putIfNotNull(ro, "entry_point", ref.entryPoint());
            putIfNotNull(ro, "test_setup", ref.testSetup());
        }
        if (item.gold() != null) o.set("gold", Json.toNode(item.gold().fields()));
        if (!item.meta().isEmpty()) o.set("meta", Json.toNode(item.meta()));
        if (!item.priorLabels().isEmpty()) {
            ArrayNode pl = o.putArray("prior_labels");
            for (PriorLabel p : item.priorLabels()) pl.add(writePrior(p));
        }
        return o;
    }

    public static JsonNode writePrompt(Prompt prompt) {
        if (!prompt.isConversation()) return Json.toNode(prompt.markdown());
        ArrayNode turns = Json.array();
        for (Turn t : prompt.turns()) {
            ObjectNode to = turns.addObject();
            to.put("role", t.role());
            to.put("content", t.content());
        }
        return turns;
    }

    public static ObjectNode writePrior(PriorLabel p) {
        ObjectNode o = Json.object();
        o.put("source", p.source());
        if (p.preference() != null) o.put("preference", p.preference().wire());
        else o.putNull("preference");
        ArrayNode sl = o.putArray("step_labels");
        for (StepLabel s : p.stepLabels()) sl.add(JudgmentJson.writeStepLabel(s));
        if (!p.extra().isEmpty()) o.set("extra", Json.toNode(p.extra()));
        if (p.ranking() != null) o.set("ranking", JudgmentJson.writeRanking(p.ranking()));
        return o;
    }

    /**
     * Reads a native item. {@code defaultBatch} is used when the line names no batch; {@code batchOverride},
     * when not null, wins over the line's own batch (the importer's --batch).
     *
     * @throws FieldException naming the first field that is missing or malformed
     */
    public static Item read(JsonNode o, String defaultBatch, String batchOverride) {
        if (!o.isObject()) throw new FieldException("(line)", "a JSON object, found " + Json.kind(o));
        Json.requireWholeCharacters(o, "");
        String id = Json.optId(o, "id", "");
        if (id == null || id.isBlank()) throw new FieldException("id", "a non-empty string (field is missing)");
        String batch = batchOverride != null ? batchOverride : Json.optString(o, "batch", "");
        if (batch == null || batch.isBlank()) batch = defaultBatch;
        String domainText = Json.optString(o, "domain", "");
        Domain domain = domainText == null ? Domain.GENERAL : Domain.fromWire(domainText);
        if (domain == null) throw new FieldException("domain", "one of math, code, general; found \"" + domainText + "\"");
        Prompt prompt = readPrompt(o.get("prompt"), "prompt");
        JsonNode rs = Json.requireArray(o, "responses", "");
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            String p = "responses[" + i + "]";
            JsonNode r = rs.get(i);
            if (!r.isObject()) throw new FieldException(p, "an object, found " + Json.kind(r));
            String rid = Json.optId(r, "id", p);
            if (rid == null) rid = String.valueOf((char) ('a' + Math.min(i, 25))) + (i >= 26 ? i : "");
            List<String> steps = Json.optStringList(r, "steps", p);
            String content = Json.requireString(r, "content", p);
            if (steps != null && !String.join("\n", steps).equals(content)) {
                throw new FieldException(p + ".steps", "steps that join with \\n to the content");
            }
            final String responseId = rid;
            if (responses.stream().anyMatch(x -> x.id().equals(responseId))) {
                throw new FieldException(p + ".id", "an id unique within the item, \"" + rid + "\" is used twice");
            }
            responses.add(new Response(rid, Json.optString(r, "model", p), content, steps));
        }
        Reference reference = null;
        JsonNode ref = Json.optObject(o, "reference", "");
        if (ref != null) {
            reference = new Reference(Json.optString(ref, "answer", "reference"), Json.optString(ref, "solution", "reference"),
                    Json.optString(ref, "tests", "reference"), Json.optString(ref, "language", "reference"),
                    Json.optString(ref, "entry_point", "reference"), Json.optString(ref, "test_setup", "reference"));
        }
        JsonNode gold = Json.optObject(o, "gold", "");
        JsonNode meta = Json.optObject(o, "meta", "");
        List<PriorLabel> priors = new ArrayList<>();
        JsonNode pl = o.get("prior_labels");
        if (pl != null && !pl.isNull()) {
            if (!pl.isArray()) throw new FieldException("prior_labels", "an array, found " + Json.kind(pl));
            for (int i = 0; i < pl.size(); i++) priors.add(readPrior(pl.get(i), "prior_labels[" + i + "]"));
        }
        return new Item(id, batch, domain, prompt, responses, reference,
                gold == null ? null : readGold(gold, responses), meta == null ? Map.of() : Json.toMap(meta), priors);
    }

    /** The gold answer, checked against the item's responses so a typo is refused with its field. */
    public static Gold readGold(JsonNode gold, List<Response> responses) {
        try {
            return Gold.parse(Json.toMap(gold), responses);
        } catch (Gold.Invalid e) {
            throw new FieldException("gold." + e.field(), e.expected());
        }
    }

    public static Prompt readPrompt(JsonNode v, String path) {
        if (v == null || v.isNull()) throw new FieldException(path, "a string or a list of {role, content} turns (field is missing)");
        if (v.isString()) return Prompt.text(v.stringValue());
        if (v.isArray()) return Prompt.conversation(readTurns(v, path));
        throw new FieldException(path, "a string or a list of {role, content} turns, found " + Json.kind(v));
    }

    public static List<Turn> readTurns(JsonNode v, String path) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            String p = path + "[" + i + "]";
            if (!t.isObject()) throw new FieldException(p, "a {role, content} object, found " + Json.kind(t));
            turns.add(new Turn(Json.requireString(t, "role", p), Json.requireString(t, "content", p)));
        }
        return turns;
    }

    public static PriorLabel readPrior(JsonNode o, String path) {
        if (!o.isObject()) throw new FieldException(path, "an object, found " + Json.kind(o));
        String source = Json.optString(o, "source", path);
        String prefText = Json.optString(o, "preference", path);
        Preference pref = prefText == null ? null : Preference.fromWire(prefText);
        if (prefText != null && pref == null) throw new FieldException(path + ".preference", "one of A>>B, A>B, A=B, B>A, B>>A");
        List<StepLabel> steps = new ArrayList<>();
        JsonNode sl = o.get("step_labels");
        if (sl != null && sl.isArray()) {
            for (int i = 0; i < sl.size(); i++) steps.add(JudgmentJson.readStepLabel(sl.get(i), path + ".step_labels[" + i + "]"));
        }
        JsonNode extra = Json.optObject(o, "extra", path);
        JsonNode rk = o.get("ranking");
        Ranking ranking = rk == null || rk.isNull() ? null : JudgmentJson.readRanking(rk, path + ".ranking");
        return new PriorLabel(source == null ? "unknown" : source, pref, steps, extra == null ? Map.of() : Json.toMap(extra), ranking);
    }

    private static void putIfNotNull(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }
}

package org.arbiter.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Flag;
import org.arbiter.model.Preference;
import org.arbiter.model.ShownEvidence;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The draft body: {@code {"format": 1, "started_at", "active_ms", "preference" (A/B wire or null), "flags",
 * "rubric": {resp: {dim: score}}, "steps": [{"response_id", "step_index", "rating" (-1/0/1 or null),
 * "categories", "note"}], "rationale", "ranking": [[ids of the best place], …]}} — {@code ranking} only on a ranking
 * item with something placed; it holds the places so far, not yet every response — and when the expert wrote their
 * own test {@code "expert_test": {"language", "text", "source" (of the last run, or null), "outcomes"}}. A draft
 * written before rationales has none.
 */
final class DraftJson {
    private DraftJson() {
    }

    /** @param expertTest null when the expert has not written a test of their own on this item */
    record Draft(Labels labels, Instant startedAt, long activeMs, ExpertScratch expertTest) {
    }

    static String write(Draft d) {
        Labels l = d.labels();
        ObjectNode o = Json.object();
        o.put("format", 1);
        o.put("started_at", d.startedAt() == null ? null : d.startedAt().toString());
        o.put("active_ms", d.activeMs());
        if (l.preference() == null) o.putNull("preference");
        else o.put("preference", l.preference().wire());
        ArrayNode flags = o.putArray("flags");
        for (Flag f : Flag.values()) if (l.has(f)) flags.add(f.wire());
        ObjectNode rubric = o.putObject("rubric");
        l.rubric().forEach((resp, dims) -> {
            ObjectNode x = rubric.putObject(resp);
            new TreeMap<>(dims).forEach(x::put);
        });
        o.put("rationale", l.rationale());
        ArrayNode steps = o.putArray("steps");
        l.steps().forEach((resp, marks) -> marks.forEach((i, m) -> {
            ObjectNode x = steps.addObject();
            x.put("response_id", resp);
            x.put("step_index", i);
            if (m.rating() == null) x.putNull("rating");
            else x.put("rating", m.rating().value());
            ArrayNode cats = x.putArray("categories");
            m.categories().forEach(cats::add);
            x.put("note", m.note());
        }));
        if (d.expertTest() != null) writeExpertTest(o.putObject("expert_test"), d.expertTest());
        if (!l.order().isEmpty()) {
            ArrayNode ranking = o.putArray("ranking");
            for (List<String> tier : l.order().tiers()) {
                ArrayNode t = ranking.addArray();
                tier.forEach(t::add);
            }
        }
        return Json.write(o);
    }

    private static void writeExpertTest(ObjectNode t, ExpertScratch x) {
        t.put("language", x.language());
        t.put("text", x.text());
        t.put("source", x.ranSource());
        ArrayNode outs = t.putArray("outcomes");
        for (ShownEvidence e : x.outcomes()) outs.add(JudgmentJson.writeEvidence(e));
    }

    private static ExpertScratch readExpertTest(JsonNode t) {
        if (t == null || !t.isObject()) return null;
        List<ShownEvidence> outs = new ArrayList<>();
        JsonNode o = t.get("outcomes");
        if (o != null && o.isArray()) for (JsonNode e : o) outs.add(JudgmentJson.readEvidence(e, "expert_test.outcomes"));
        return new ExpertScratch(Json.optString(t, "language", ""), Json.optString(t, "text", ""), Json.optString(t, "source", ""), outs);
    }

    /** Reads a draft; a draft this version cannot read is dropped rather than blocking the item. */
    static Draft read(String body) {
        try {
            JsonNode o = Json.parse(body);
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            List<String> fl = Json.optStringList(o, "flags", "");
            if (fl != null) for (String f : fl) if (Flag.fromWire(f) != null) flags.add(Flag.fromWire(f));
            Labels l = new Labels(Preference.fromWire(Json.optString(o, "preference", "")), flags, Map.of(), Map.of(),
                    Json.optString(o, "rationale", ""));
            JsonNode r = o.get("rubric");
            if (r != null && r.isObject()) {
                for (String resp : r.propertyNames()) {
                    for (String dim : r.get(resp).propertyNames()) l = l.withScore(resp, dim, r.get(resp).get(dim).asInt());
                }
            }
            JsonNode s = o.get("steps");
            if (s != null && s.isArray()) {
                for (JsonNode x : s) {
                    JsonNode rating = x.get("rating");
                    List<String> cats = Json.optStringList(x, "categories", "");
                    l = l.withMark(x.get("response_id").stringValue(), x.get("step_index").asInt(),
                            new StepMark(rating == null || rating.isNull() ? null : Rating.of(rating.asInt()),
                                    cats == null ? new ArrayList<>() : cats, Json.optString(x, "note", "")));
                }
            }
            JsonNode ranking = o.get("ranking");
            if (ranking != null && ranking.isArray()) {
                List<List<String>> tiers = new ArrayList<>();
                for (JsonNode t : ranking) {
                    List<String> tier = new ArrayList<>();
                    t.forEach(id -> tier.add(id.stringValue()));
                    tiers.add(tier);
                }
                l = l.withOrder(new RankOrder(tiers));
            }
            String started = Json.optString(o, "started_at", "");
            JsonNode active = o.get("active_ms");
            return new Draft(l, started == null ? null : Instant.parse(started), active == null ? 0 : Math.max(0, active.asLong()),
                    readExpertTest(o.get("expert_test")));
        } catch (RuntimeException e) {
            return null;
        }
    }
}

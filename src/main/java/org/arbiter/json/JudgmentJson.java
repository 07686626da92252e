package org.arbiter.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.arbiter.model.ExpertTest;
import org.arbiter.model.Flag;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Ranking;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.StepLabel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A judgment version as one JSON object with the field names of the domain (snake case). This is the
 * {@code full} export, the sneakernet file and the sync payload.
 */
public final class JudgmentJson {
    private JudgmentJson() {
    }

    public static ObjectNode write(Judgment j) {
        ObjectNode o = Json.object();
        o.put("judgment_id", j.judgmentId().toString());
        o.put("item_id", j.itemId());
        o.put("batch", j.batch());
        o.put("annotator", j.annotator());
        o.put("version", j.version());
        if (j.preference() != null) o.put("preference", j.preference().wire());
        else o.putNull("preference");
        ArrayNode flags = o.putArray("flags");
        for (Flag f : Flag.values()) if (j.has(f)) flags.add(f.wire());
        ObjectNode rubric = o.putObject("rubric");
        new TreeMap<>(j.rubric()).forEach((resp, dims) -> {
            ObjectNode d = rubric.putObject(resp);
            new TreeMap<>(dims).forEach(d::put);
        });
        o.put("rationale", j.rationale());
        ArrayNode steps = o.putArray("step_labels");
        for (StepLabel s : j.stepLabels()) steps.add(writeStepLabel(s));
        if (j.shownLeft() != null) o.put("shown_left", j.shownLeft());
        else o.putNull("shown_left");
        o.put("started_at", j.startedAt() == null ? null : j.startedAt().toString());
        o.put("submitted_at", j.submittedAt() == null ? null : j.submittedAt().toString());
        o.put("active_ms", j.activeMs());
        // Last and only when shown, so a judgment without evidence keeps the body it always had.
        if (!j.evidence().isEmpty()) {
            ArrayNode ev = o.putArray("evidence");
            for (ShownEvidence e : j.evidence()) ev.add(writeEvidence(e));
        }
        // Also only when present, for the same reason.
        if (j.ranking() != null) o.set("ranking", writeRanking(j.ranking()));
        if (j.expertTest() != null) {
            ObjectNode t = o.putObject("expert_test");
            t.put("language", j.expertTest().language());
            t.put("source", j.expertTest().source());
            ArrayNode outs = t.putArray("outcomes");
            for (ShownEvidence e : j.expertTest().outcomes()) outs.add(writeEvidence(e));
        }
        return o;
    }

    /** {@code {"order": [["r2"], ["r1", "r3"]], "shown_order": ["r3", "r1", "r2"]}}: tiers best first. */
    public static ObjectNode writeRanking(Ranking r) {
        ObjectNode o = Json.object();
        ArrayNode order = o.putArray("order");
        for (List<String> tier : r.tiers()) {
            ArrayNode t = order.addArray();
            tier.forEach(t::add);
        }
        ArrayNode shown = o.putArray("shown_order");
        r.shownOrder().forEach(shown::add);
        return o;
    }

    public static Ranking readRanking(JsonNode o, String path) {
        if (!o.isObject()) throw new FieldException(path, "an object, found " + Json.kind(o));
        JsonNode order = o.get("order");
        if (order == null || !order.isArray() || order.isEmpty()) throw new FieldException(path + ".order", "a non-empty array of tiers");
        List<List<String>> tiers = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            JsonNode tier = order.get(i);
            if (!tier.isArray() || tier.isEmpty()) throw new FieldException(path + ".order[" + i + "]", "a non-empty array of response ids");
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < tier.size(); k++) {
                if (!tier.get(k).isString()) throw new FieldException(path + ".order[" + i + "][" + k + "]", "a response id string");
                ids.add(tier.get(k).asString());
            }
            tiers.add(ids);
        }
        List<String> shown = Json.optStringList(o, "shown_order", path);
        try {
            return new Ranking(tiers, shown);
        } catch (IllegalArgumentException e) {
            throw new FieldException(path + ".order", e.getMessage());
        }
    }

    public static ObjectNode writeEvidence(ShownEvidence e) {
        ObjectNode o = Json.object();
        o.put("response_id", e.responseId());
        o.put("kind", e.kind());
        o.put("verdict", e.verdict());
        if (e.testsPassed() != null) o.put("tests_passed", e.testsPassed());
        if (e.testsTotal() != null) o.put("tests_total", e.testsTotal());
        if (e.answer() != null) o.put("answer", e.answer());
        if (e.reference() != null) o.put("reference", e.reference());
        if (e.rule() != null) o.put("rule", e.rule());
        o.put("runner", e.runner());
        o.put("confirmed_against", e.confirmedAgainst());
        if (!e.reason().isEmpty()) o.put("reason", e.reason());
        return o;
    }

    public static ShownEvidence readEvidence(JsonNode o, String path) {
        if (!o.isObject()) throw new FieldException(path, "an object, found " + Json.kind(o));
        JsonNode confirmed = o.get("confirmed_against");
        if (confirmed != null && !confirmed.isNull() && !confirmed.isBoolean()) {
            throw new FieldException(path + ".confirmed_against", "true or false");
        }
        return new ShownEvidence(Json.requireString(o, "response_id", path), Json.requireString(o, "kind", path),
                Json.requireString(o, "verdict", path), count(o, "tests_passed", path), count(o, "tests_total", path),
                Json.optString(o, "answer", path), Json.optString(o, "reference", path), Json.optString(o, "rule", path),
                Json.optString(o, "runner", path), confirmed != null && confirmed.asBoolean(), Json.optString(o, "reason", path));
    }

    private static Integer count(JsonNode o, String field, String path) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || n.asInt() < 0) throw new FieldException(path + "." + field, "a non-negative integer");
        return n.asInt();
    }

    public static ObjectNode writeStepLabel(StepLabel s) {
        ObjectNode o = Json.object();
        o.put("response_id", s.responseId());
        o.put("step_index", s.stepIndex());
        if (s.stepKey() != null) o.put("step_key", s.stepKey());
        o.put("rating", s.rating());
        ArrayNode cats = o.putArray("categories");
        s.categories().forEach(cats::add);
        if (s.note() != null && !s.note().isEmpty()) o.put("note", s.note());
        return o;
    }

    /** Reads a judgment written by {@link #write}; errors name the field. */
    public static Judgment read(JsonNode o) {
        if (!o.isObject()) throw new FieldException("(line)", "a JSON object, found " + Json.kind(o));
        UUID id;
        String idText = Json.requireString(o, "judgment_id", "");
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw new FieldException("judgment_id", "a UUID, found \"" + idText + "\"");
        }
        JsonNode v = o.get("version");
        if (v == null || !v.isIntegralNumber() || v.asInt() < 1) throw new FieldException("version", "an integer >= 1");
        String prefText = Json.optString(o, "preference", "");
        Preference pref = prefText == null ? null : Preference.fromWire(prefText);
        if (prefText != null && pref == null) throw new FieldException("preference", "one of A>>B, A>B, A=B, B>A, B>>A");
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<String> flagNames = Json.optStringList(o, "flags", "");
        if (flagNames != null) {
            for (String f : flagNames) {
                Flag flag = Flag.fromWire(f);
                if (flag == null) throw new FieldException("flags", "both_bad, unsure or bad_prompt; found \"" + f + "\"");
                flags.add(flag);
            }
        }
        Map<String, Map<String, Integer>> rubric = new LinkedHashMap<>();
        JsonNode r = Json.optObject(o, "rubric", "");
        if (r != null) {
            for (String resp : r.propertyNames()) {
                JsonNode dims = r.get(resp);
                if (!dims.isObject()) throw new FieldException("rubric." + resp, "an object of dimension scores");
                Map<String, Integer> scores = new LinkedHashMap<>();
                for (String dim : dims.propertyNames()) {
                    JsonNode s = dims.get(dim);
                    if (!s.isIntegralNumber()) throw new FieldException("rubric." + resp + "." + dim, "an integer score");
                    scores.put(dim, s.asInt());
                }
                rubric.put(resp, scores);
            }
        }
        List<StepLabel> steps = new ArrayList<>();
        JsonNode sl = o.get("step_labels");
        if (sl != null && !sl.isNull()) {
            if (!sl.isArray()) throw new FieldException("step_labels", "an array");
            for (int i = 0; i < sl.size(); i++) steps.add(readStepLabel(sl.get(i), "step_labels[" + i + "]"));
        }
        JsonNode active = o.get("active_ms");
        if (active != null && !active.isNull() && (!active.isIntegralNumber() || active.asLong() < 0)) {
            throw new FieldException("active_ms", "a non-negative integer");
        }
        String rationale = Json.optString(o, "rationale", "");
        List<ShownEvidence> evidence = new ArrayList<>();
        JsonNode ev = o.get("evidence");
        if (ev != null && !ev.isNull()) {
            if (!ev.isArray()) throw new FieldException("evidence", "an array");
            for (int i = 0; i < ev.size(); i++) evidence.add(readEvidence(ev.get(i), "evidence[" + i + "]"));
        }
        JsonNode rk = o.get("ranking");
        Ranking ranking = rk == null || rk.isNull() ? null : readRanking(rk, "ranking");
        JsonNode et = o.get("expert_test");
        ExpertTest expertTest = null;
        if (et != null && !et.isNull()) {
            if (!et.isObject()) throw new FieldException("expert_test", "an object, found " + Json.kind(et));
            List<ShownEvidence> outcomes = new ArrayList<>();
            JsonNode outs = et.get("outcomes");
            if (outs != null && !outs.isNull()) {
                if (!outs.isArray()) throw new FieldException("expert_test.outcomes", "an array");
                for (int i = 0; i < outs.size(); i++) outcomes.add(readEvidence(outs.get(i), "expert_test.outcomes[" + i + "]"));
            }
            expertTest = new ExpertTest(Json.requireString(et, "language", "expert_test"),
                    Json.requireString(et, "source", "expert_test"), outcomes);
        }
        return new Judgment(id, Json.requireString(o, "item_id", ""), Json.requireString(o, "batch", ""),
                Json.requireString(o, "annotator", ""), v.asInt(), pref, flags, rubric,
                rationale, steps, Json.optString(o, "shown_left", ""),
                instant(o, "started_at"), instant(o, "submitted_at"),
                active == null || active.isNull() ? 0 : active.asLong(), evidence, ranking, expertTest);
    }

    public static StepLabel readStepLabel(JsonNode o, String path) {
        if (!o.isObject()) throw new FieldException(path, "an object, found " + Json.kind(o));
        JsonNode idx = o.get("step_index");
        if (idx == null || !idx.isIntegralNumber() || idx.asInt() < 0) throw new FieldException(path + ".step_index", "an integer >= 0");
        JsonNode rating = o.get("rating");
        if (rating == null || !rating.isIntegralNumber() || Math.abs(rating.asInt()) > 1) {
            throw new FieldException(path + ".rating", "-1, 0 or 1");
        }
        List<String> cats = Json.optStringList(o, "categories", path);
        return new StepLabel(Json.requireString(o, "response_id", path), idx.asInt(), Json.optString(o, "step_key", path),
                rating.asInt(), cats, Json.optString(o, "note", path));
    }

    private static Instant instant(JsonNode o, String field) {
        String s = Json.optString(o, field, "");
        if (s == null) return null;
        Instant fast = utcInstant(s);
        if (fast != null) return fast;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "an ISO-8601 instant such as 2026-01-31T12:00:00Z, found \"" + s + "\"");
        }
    }

    /**
     * The form this program writes, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read without
     * {@link Instant#parse}, which cost more than a third of a server push; anything else (or an invalid
     * date) returns null and goes through {@link Instant#parse}.
     */
    static Instant utcInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) return null;
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) return null;
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) return null;
            nanos = fraction;
            for (int i = n - 1 - 20; i < 9; i++) nanos *= 10;
        } else if (n != 20) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

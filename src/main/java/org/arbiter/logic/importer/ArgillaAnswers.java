package org.arbiter.logic.importer;

import static org.arbiter.logic.interchange.ArgillaDataset.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

import tools.jackson.databind.JsonNode;

/** Turns one user's answers into a prior label over the item's responses. */
record ArgillaAnswers(List<Response> responses, Map<String, String> idOfField) {
    record User(String userId, String status, Map<String, JsonNode> values, Map<String, String> paths) {
    }

    PriorLabel label(User u, String annotator) {
        List<List<String>> tiers = null;
        Preference preference = null;
        String rationale = null;
        Map<String, Object> ratings = new LinkedHashMap<>();
        for (var e : u.values().entrySet()) {
            String q = e.getKey();
            JsonNode v = e.getValue();
            String path = u.paths().get(q);
            if (v == null || v.isNull()) continue;
            if (q.equals(TIERS) && v.isString()) {
                List<List<String>> t = tiersAnswer(v.stringValue(), path);
                if (t != null) tiers = t;
            } else if (q.equals(PREFERENCE) && v.isString()) {
                preference = Preference.fromWire(v.stringValue());
                if (preference == null) throw new FieldException(path, "one of A>>B, A>B, A=B, B>A, B>>A, found \"" + v.stringValue() + "\"");
            } else if (q.equals(RATIONALE) && v.isString()) {
                rationale = v.stringValue();
            } else if (v.isArray() && tiers == null) {
                tiers = ranking(v, path);
            } else if (v.isNumber()) {
                String field = ratedField(q);
                if (field != null) ratings.put(field, v.numberValue());
            }
        }
        if (tiers == null && ratings.size() == responses.size()) tiers = byRating(ratings);
        if (tiers != null && tiers.stream().mapToInt(List::size).sum() != responses.size()) {
            List<String> missing = new ArrayList<>();
            for (Response r : responses) if (tiers.stream().noneMatch(t -> t.contains(r.id()))) missing.add(r.id());
            tiers = new ArrayList<>(tiers);
            tiers.add(missing);
        }
        Ranking ranking = tiers == null ? null : new Ranking(tiers, List.of());
        if (responses.size() == 2) {
            if (preference == null && ranking != null) {
                preference = ranking.tiers().get(0).size() == 2 ? Preference.TIE
                        : ranking.tiers().get(0).get(0).equals(responses.get(0).id()) ? Preference.A_BETTER : Preference.B_BETTER;
            }
            ranking = null;
        }
        if (preference == null && ranking == null) return null;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("labeler", annotator);
        if (u.userId() != null) extra.put("user_id", u.userId());
        extra.put("status", u.status() == null ? "unstated" : u.status());
        if (!ratings.isEmpty()) extra.put("ratings", ratings);
        if (rationale != null && !rationale.isEmpty()) extra.put("rationale", rationale);
        return new PriorLabel(SOURCE, preference, List.of(), extra, ranking);
    }

    private List<List<String>> tiersAnswer(String text, String path) {
        List<List<String>> named = parseTiers(text);
        if (named == null) throw new FieldException(path, "tiers such as \"response2 = response3 > response1\", found \"" + text + "\"");
        List<List<String>> out = new ArrayList<>();
        for (List<String> t : named) {
            List<String> tier = new ArrayList<>();
            for (String n : t) tier.add(id(n, path));
            out.add(tier);
        }
        return out;
    }

    /** Option names best first, or {value, rank} objects where equal ranks tie. */
    private List<List<String>> ranking(JsonNode v, String path) {
        TreeMap<Integer, List<String>> byRank = new TreeMap<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String ep = path + "[" + i + "]";
            if (e.isString()) {
                byRank.put(i + 1, new ArrayList<>(List.of(id(e.stringValue(), ep))));
            } else if (e.isObject()) {
                String name = Json.requireString(e, "value", ep);
                JsonNode rank = e.get("rank");
                int r = rank != null && rank.isIntegralNumber() ? rank.intValue() : i + 1;
                byRank.computeIfAbsent(r, k -> new ArrayList<>()).add(id(name, ep + ".value"));
            } else {
                throw new FieldException(ep, "a response field name or {value, rank}, found " + Json.kind(e));
            }
        }
        return byRank.isEmpty() ? null : new ArrayList<>(byRank.values());
    }

    private String id(String name, String path) {
        String id = idOfField.get(name);
        if (id == null) throw new FieldException(path, "one of the response fields " + new java.util.TreeSet<>(idOfField.keySet()) + ", found \"" + name + "\"");
        return id;
    }

    /** rating_response1, response1_rating → the response id; null for a question about no one response. */
    private String ratedField(String question) {
        for (var e : idOfField.entrySet()) {
            if (question.equals("rating_" + e.getKey()) || question.equals(e.getKey() + "_rating")) return e.getValue();
        }
        return null;
    }

    private static List<List<String>> byRating(Map<String, Object> ratings) {
        TreeMap<Double, List<String>> byScore = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (var e : ratings.entrySet()) byScore.computeIfAbsent(((Number) e.getValue()).doubleValue(), k -> new ArrayList<>()).add(e.getKey());
        return new ArrayList<>(byScore.values());
    }
}

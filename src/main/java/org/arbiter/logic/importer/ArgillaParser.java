package org.arbiter.logic.importer;

import static org.arbiter.logic.interchange.ArgillaDataset.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/**
 * One Argilla 2.x record of a preference dataset, in either layout Argilla writes:
 * <ul>
 * <li>nested, as {@code Record.to_dict()} writes it into {@code records.json} of {@code Dataset.to_disk}
 * (also {@code dataset.records.to_list()} / {@code to_json}): {@code {id, fields, metadata, suggestions,
 * responses: {question: [{value, user_id, status}]}}};</li>
 * <li>flattened, as {@code to_list(flatten=True)} and the Hugging Face hub export
 * ({@code to_datasets()}, then {@code to_json}) write it: fields and metadata at the top level, and
 * {@code <question>.responses}, {@code <question>.responses.users}, {@code <question>.responses.status},
 * {@code <question>.suggestion}, {@code .suggestion.score}, {@code .suggestion.agent}
 * (argilla/src/argilla/records/_io/_generic.py).</li>
 * </ul>
 * The prompt is the field prompt (or instruction, question, input; a chat field becomes a conversation);
 * the responses are the fields response1, response2, … (also response_1, response-1). A user's answers
 * become one prior label of source "argilla": a RankingQuestion value (option names best first, or
 * {@code [{value, rank}]} with shared ranks for ties), the tiers text Arbiter writes, RatingQuestions named
 * after a response (rating_response1: higher is better, equal ratings tie), and Arbiter's "preference"
 * label (A = response1). Submitted responses become prior labels, drafts too with {@code extra.status}
 * "draft", discarded ones are left out and counted. Records.json as Argilla 2.x writes it carries no status
 * at all; such responses are taken as labels with {@code extra.status} "unstated". A suggestion becomes a
 * prior label with {@code extra.status} "suggestion" and the agent as labeler.
 */
final class ArgillaParser implements RecordParser {
    private static final Pattern RESPONSE_FIELD = Pattern.compile("response[_-]?(\\d+)");
    private static final String[] PROMPT_FIELDS = {PROMPT, "instruction", "question", "input"};

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        Shape shape = Shape.of(r);
        String promptField = null;
        for (String f : PROMPT_FIELDS) {
            if (shape.value(f) != null) {
                promptField = f;
                break;
            }
        }
        if (promptField == null) {
            throw new FieldException(shape.fieldsPath() + "prompt", "the prompt field (prompt, instruction, question or input), found the keys "
                    + shape.fieldNames());
        }
        Prompt prompt = prompt(shape.value(promptField), shape.fieldsPath() + promptField);
        TreeMap<Integer, String> fieldsByNumber = new TreeMap<>();
        for (String name : shape.fieldNames()) {
            Matcher m = RESPONSE_FIELD.matcher(name);
            if (m.matches() && m.group(1).length() < 3) {
                JsonNode v = shape.value(name);
                if (v != null && !v.isNull()) fieldsByNumber.put(Integer.parseInt(m.group(1)), name);
            }
        }
        if (fieldsByNumber.size() < 2) {
            throw new FieldException(shape.fieldsPath() + "response1", "at least two response fields (response1, response2, …), found the keys "
                    + shape.fieldNames());
        }
        List<String> fieldNames = new ArrayList<>(fieldsByNumber.values());
        List<String> ids = stringList(shape.value(RESPONSE_IDS), shape.metadataPath() + RESPONSE_IDS);
        if (ids == null || ids.size() != fieldNames.size()) ids = fieldNames;
        List<String> models = stringList(shape.value(MODELS), shape.metadataPath() + MODELS);
        Map<String, String> idOfField = new HashMap<>();
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String f = fieldNames.get(i);
            JsonNode v = shape.value(f);
            if (!v.isString()) throw new FieldException(shape.fieldsPath() + f, "the response as a string, found " + Json.kind(v));
            idOfField.put(f, ids.get(i));
            idOfField.put(ids.get(i), ids.get(i));
            String model = models != null && i < models.size() && !models.get(i).isEmpty() ? models.get(i) : null;
            responses.add(new Response(ids.get(i), model, v.stringValue()));
        }
        String id = textOf(shape.value(ITEM_ID));
        if (id == null) id = textOf(r.get("id"));
        if (id == null) id = RecordIds.contentId(r);
        Map<String, String> names = new HashMap<>();
        List<String> annotators = stringList(shape.value(ANNOTATORS), shape.metadataPath() + ANNOTATORS);
        if (annotators != null) for (String a : annotators) names.put(userId(a), a);

        Answers answers = new Answers(responses, idOfField);
        List<PriorLabel> priors = new ArrayList<>();
        for (Answers.User u : shape.users(context)) {
            PriorLabel p = answers.label(u, names.getOrDefault(u.userId(), u.userId()));
            if (p != null) priors.add(p);
        }
        for (Answers.User s : shape.suggestions()) {
            PriorLabel p = answers.label(s, s.userId() == null ? "argilla suggestion" : s.userId());
            if (p != null) priors.add(p);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        String argillaId = textOf(r.get("id"));
        if (argillaId != null) meta.put("argilla_id", argillaId);
        return new Item(id, context.batchFor(textOf(shape.value(BATCH))), context.domain(Domain.GENERAL), prompt, responses,
                null, null, meta, priors);
    }

    private static Prompt prompt(JsonNode v, String path) {
        if (v.isString()) return Prompt.text(v.stringValue());
        if (v.isArray()) {
            List<Turn> turns = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                String tp = path + "[" + i + "]";
                if (!v.get(i).isObject()) throw new FieldException(tp, "a chat message {role, content}, found " + Json.kind(v.get(i)));
                turns.add(new Turn(Json.requireString(v.get(i), "role", tp), Json.requireString(v.get(i), "content", tp)));
            }
            if (!turns.isEmpty()) return Prompt.conversation(turns);
        }
        throw new FieldException(path, "the prompt as text or chat messages, found " + Json.kind(v));
    }

    static String textOf(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isString()) return v.stringValue().isBlank() ? null : v.stringValue();
        if (v.isIntegralNumber()) return v.asString();
        return null;
    }

    private static List<String> stringList(JsonNode v, String path) {
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw new FieldException(path, "an array of strings, found " + Json.kind(v));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isNull()) out.add("");
            else if (e.isString()) out.add(e.stringValue());
            else throw new FieldException(path + "[" + i + "]", "a string, found " + Json.kind(e));
        }
        return out;
    }

    /** Where a record keeps fields, metadata, responses and suggestions: nested or flattened. */
    private record Shape(JsonNode record, boolean nested) {
        static Shape of(JsonNode r) {
            JsonNode fields = r.get("fields");
            return new Shape(r, fields != null && fields.isObject());
        }

        String fieldsPath() {
            return nested ? "fields." : "";
        }

        String metadataPath() {
            return nested ? "metadata." : "";
        }

        List<String> fieldNames() {
            return new ArrayList<>(nested ? record.get("fields").propertyNames() : record.propertyNames());
        }

        /** A field, else a metadata value. */
        JsonNode value(String name) {
            if (!nested) return record.get(name);
            JsonNode v = record.get("fields").get(name);
            if (v != null && !v.isNull()) return v;
            JsonNode md = record.get("metadata");
            return md != null && md.isObject() ? md.get(name) : null;
        }

        /** Each user's answers across questions, with the status of the answers; discarded ones left out. */
        List<Answers.User> users(ParseContext context) {
            Map<String, Answers.User> byUser = new LinkedHashMap<>();
            if (nested) {
                JsonNode responses = record.get("responses");
                if (responses == null || responses.isNull()) return List.of();
                if (!responses.isObject()) throw new FieldException("responses", "an object of question → responses, found " + Json.kind(responses));
                for (var q : responses.properties()) {
                    String qp = "responses." + q.getKey();
                    if (!q.getValue().isArray()) throw new FieldException(qp, "an array of {value, user_id, status}, found " + Json.kind(q.getValue()));
                    for (int i = 0; i < q.getValue().size(); i++) {
                        JsonNode a = q.getValue().get(i);
                        String ap = qp + "[" + i + "]";
                        if (!a.isObject()) throw new FieldException(ap, "a response {value, user_id, status}, found " + Json.kind(a));
                        String user = textOf(a.get("user_id"));
                        if (user == null) throw new FieldException(ap + ".user_id", "the id of the user who answered (field is missing)");
                        String status = Json.optString(a, "status", ap);
                        add(byUser, user, status, q.getKey(), a.get("value"), ap + ".value");
                    }
                }
            } else {
                for (String key : record.propertyNames()) {
                    if (!key.endsWith(".responses")) continue;
                    String question = key.substring(0, key.length() - ".responses".length());
                    JsonNode values = record.get(key);
                    if (values == null || values.isNull()) continue;
                    if (!values.isArray()) throw new FieldException(key, "an array of the users' answers, found " + Json.kind(values));
                    JsonNode users = record.get(key + ".users");
                    JsonNode statuses = record.get(key + ".status");
                    if (users == null || !users.isArray() || users.size() != values.size()) {
                        throw new FieldException(key + ".users", "an array of user ids as long as " + key + " (" + values.size() + ")");
                    }
                    for (int i = 0; i < values.size(); i++) {
                        String user = textOf(users.get(i));
                        if (user == null) throw new FieldException(key + ".users[" + i + "]", "a user id, found " + Json.kind(users.get(i)));
                        String status = statuses != null && statuses.isArray() && i < statuses.size() ? textOf(statuses.get(i)) : null;
                        add(byUser, user, status, question, values.get(i), key + "[" + i + "]");
                    }
                }
            }
            List<Answers.User> out = new ArrayList<>();
            for (Answers.User u : byUser.values()) {
                if ("discarded".equals(u.status())) {
                    context.leftOut().accept("discarded Argilla response");
                    continue;
                }
                out.add(u);
            }
            return out;
        }

        private static void add(Map<String, Answers.User> byUser, String user, String status, String question, JsonNode value, String path) {
            if (status != null && !status.equals("submitted") && !status.equals("draft") && !status.equals("discarded")) {
                throw new FieldException(path.replaceFirst("\\.value$|\\[\\d+]$", "") + ".status", "submitted, draft or discarded, found \"" + status + "\"");
            }
            Answers.User u = byUser.computeIfAbsent(user, k -> new Answers.User(k, status, new LinkedHashMap<>(), new LinkedHashMap<>()));
            u.values().put(question, value);
            u.paths().put(question, path);
        }

        /** The record's suggestions, one pseudo-user per agent. */
        List<Answers.User> suggestions() {
            Map<String, Answers.User> byAgent = new LinkedHashMap<>();
            if (nested) {
                JsonNode s = record.get("suggestions");
                if (s == null || !s.isObject()) return List.of();
                for (var q : s.properties()) {
                    if (!q.getValue().isObject()) continue;
                    String agent = textOf(q.getValue().get("agent"));
                    Answers.User u = byAgent.computeIfAbsent(String.valueOf(agent),
                            k -> new Answers.User(agent, "suggestion", new LinkedHashMap<>(), new LinkedHashMap<>()));
                    u.values().put(q.getKey(), q.getValue().get("value"));
                    u.paths().put(q.getKey(), "suggestions." + q.getKey() + ".value");
                }
            } else {
                for (String key : record.propertyNames()) {
                    if (!key.endsWith(".suggestion")) continue;
                    JsonNode v = record.get(key);
                    if (v == null || v.isNull()) continue;
                    String agent = textOf(record.get(key + ".agent"));
                    Answers.User u = byAgent.computeIfAbsent(String.valueOf(agent),
                            k -> new Answers.User(agent, "suggestion", new LinkedHashMap<>(), new LinkedHashMap<>()));
                    String q = key.substring(0, key.length() - ".suggestion".length());
                    u.values().put(q, v);
                    u.paths().put(q, key);
                }
            }
            return new ArrayList<>(byAgent.values());
        }
    }

    /** Turns one user's answers into a prior label over the item's responses. */
    private record Answers(List<Response> responses, Map<String, String> idOfField) {
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
}

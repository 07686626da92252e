package org.arbiter.logic.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;

/** Where a record keeps fields, metadata, responses and suggestions: nested or flattened. */
record ArgillaRecordShape(JsonNode record, boolean nested) {
    static ArgillaRecordShape of(JsonNode r) {
        JsonNode fields = r.get("fields");
        return new ArgillaRecordShape(r, fields != null && fields.isObject());
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
    List<ArgillaAnswers.User> users(ParseContext context) {
        Map<String, ArgillaAnswers.User> byUser = new LinkedHashMap<>();
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
                    String user = ArgillaParser.textOf(a.get("user_id"));
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
                    String user = ArgillaParser.textOf(users.get(i));
                    if (user == null) throw new FieldException(key + ".users[" + i + "]", "a user id, found " + Json.kind(users.get(i)));
                    String status = statuses != null && statuses.isArray() && i < statuses.size() ? ArgillaParser.textOf(statuses.get(i)) : null;
                    add(byUser, user, status, question, values.get(i), key + "[" + i + "]");
                }
            }
        }
        List<ArgillaAnswers.User> out = new ArrayList<>();
        for (ArgillaAnswers.User u : byUser.values()) {
            if ("discarded".equals(u.status())) {
                context.leftOut().accept("discarded Argilla response");
                continue;
            }
            out.add(u);
        }
        return out;
    }

    private static void add(Map<String, ArgillaAnswers.User> byUser, String user, String status, String question, JsonNode value, String path) {
        if (status != null && !status.equals("submitted") && !status.equals("draft") && !status.equals("discarded")) {
            throw new FieldException(path.replaceFirst("\\.value$|\\[\\d+]$", "") + ".status", "submitted, draft or discarded, found \"" + status + "\"");
        }
        ArgillaAnswers.User u = byUser.computeIfAbsent(user, k -> new ArgillaAnswers.User(k, status, new LinkedHashMap<>(), new LinkedHashMap<>()));
        u.values().put(question, value);
        u.paths().put(question, path);
    }

    /** The record's suggestions, one pseudo-user per agent. */
    List<ArgillaAnswers.User> suggestions() {
        Map<String, ArgillaAnswers.User> byAgent = new LinkedHashMap<>();
        if (nested) {
            JsonNode s = record.get("suggestions");
            if (s == null || !s.isObject()) return List.of();
            for (var q : s.properties()) {
                if (!q.getValue().isObject()) continue;
                String agent = ArgillaParser.textOf(q.getValue().get("agent"));
                ArgillaAnswers.User u = byAgent.computeIfAbsent(String.valueOf(agent),
                        k -> new ArgillaAnswers.User(agent, "suggestion", new LinkedHashMap<>(), new LinkedHashMap<>()));
                u.values().put(q.getKey(), q.getValue().get("value"));
                u.paths().put(q.getKey(), "suggestions." + q.getKey() + ".value");
            }
        } else {
            for (String key : record.propertyNames()) {
                if (!key.endsWith(".suggestion")) continue;
                JsonNode v = record.get(key);
                if (v == null || v.isNull()) continue;
                String agent = ArgillaParser.textOf(record.get(key + ".agent"));
                ArgillaAnswers.User u = byAgent.computeIfAbsent(String.valueOf(agent),
                        k -> new ArgillaAnswers.User(agent, "suggestion", new LinkedHashMap<>(), new LinkedHashMap<>()));
                String q = key.substring(0, key.length() - ".suggestion".length());
                u.values().put(q, v);
                u.paths().put(q, key);
            }
        }
        return new ArrayList<>(byAgent.values());
    }
}

package org.arbiter.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper, plus strict field readers that name the field and what was expected. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A JSON object as plain maps and lists (see {@link org.arbiter.model.JsonValues}). */
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, MAP);
    }

    public static JsonNode toNode(Object plain) {
        return MAPPER.valueToTree(plain);
    }

    /** A required, non-null string field. */
    public static String requireString(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) throw new FieldException(path(path, field), "a string (field is missing)");
        if (!v.isString()) throw new FieldException(path(path, field), "a string, found " + kind(v));
        return v.stringValue();
    }

    /** An optional string field: null when absent or null, an error when of another type. */
    public static String optString(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw new FieldException(path(path, field), "a string, found " + kind(v));
        return v.stringValue();
    }

    /** An optional id: strings are taken as they are, integers are turned into their decimal text. */
    public static String optId(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isString()) return v.stringValue();
        if (v.isIntegralNumber()) return v.asString();
        throw new FieldException(path(path, field), "a string or integer id, found " + kind(v));
    }

    public static JsonNode requireArray(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) throw new FieldException(path(path, field), "an array (field is missing)");
        if (!v.isArray()) throw new FieldException(path(path, field), "an array, found " + kind(v));
        return v;
    }

    public static JsonNode optObject(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new FieldException(path(path, field), "an object, found " + kind(v));
        return v;
    }

    public static List<String> optStringList(JsonNode obj, String field, String path) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw new FieldException(path(path, field), "an array of strings, found " + kind(v));
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isString()) {
                throw new FieldException(path(path, field) + "[" + i + "]", "a string, found " + kind(v.get(i)));
            }
            out.add(v.get(i).stringValue());
        }
        return out;
    }

    /**
     * Refuses a string (or key) anywhere in {@code node} that holds half of a surrogate pair, such as a JSON
     * {@code "\\ud83d"} escape cut off from its other half. It is not a character: UTF-8 cannot spell it, so a
     * store would silently turn it into '?'. Everything else, NUL and U+2028 included, is kept as it is.
     */
    public static void requireWholeCharacters(JsonNode node, String path) {
        if (node.isString()) {
            String lone = loneSurrogate(node.stringValue());
            if (lone != null) throw new FieldException(path, "text of whole Unicode characters, found a lone surrogate " + lone);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) requireWholeCharacters(node.get(i), path + "[" + i + "]");
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                String lone = loneSurrogate(e.getKey());
                if (lone != null) throw new FieldException(path(path, e.getKey()), "a key of whole Unicode characters, found a lone surrogate " + lone);
                requireWholeCharacters(e.getValue(), path(path, e.getKey()));
            }
        }
    }

    /** The first unpaired surrogate as {@code U+D83D}, or null. */
    static String loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    public static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    /** A short name of a node's JSON type, for error messages. */
    public static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "null";
        if (v.isString()) return "a string";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase();
    }
}

package org.arbiter.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.store.LocalStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a batch is judged: the rubric dimensions with their scales, which fields a submission needs, and the
 * error categories per domain, and whether Enter asks once before a submit that goes against decisive
 * evidence ({@code "evidence_warning": false} turns that off), and whether Enter needs a written rationale
 * ({@code "rationale_required": true}; off by default). Kept as JSON in the batch's {@code config} column; absent parts
 * take the defaults.
 */
public record BatchConfig(List<RubricDimension> rubric, Set<Required> required, Map<Domain, List<ErrorCategory>> taxonomy,
                          boolean evidenceWarning, boolean rationaleRequired) {
    /** A config that needs no written rationale. */
    public BatchConfig(List<RubricDimension> rubric, Set<Required> required, Map<Domain, List<ErrorCategory>> taxonomy,
                       boolean evidenceWarning) {
        this(rubric, required, taxonomy, evidenceWarning, false);
    }

    /** A config that asks once before a submit against decisive evidence (the default). */
    public BatchConfig(List<RubricDimension> rubric, Set<Required> required, Map<Domain, List<ErrorCategory>> taxonomy) {
        this(rubric, required, taxonomy, true);
    }

    public BatchConfig {
        rubric = List.copyOf(rubric);
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
        Map<Domain, List<ErrorCategory>> t = new EnumMap<>(Domain.class);
        taxonomy.forEach((d, cats) -> t.put(d, List.copyOf(cats)));
        taxonomy = Map.copyOf(t);
    }

    /** One rubric dimension, scored on the integers min..max (max at most 9: one key per score). */
    public record RubricDimension(String name, String label, int min, int max) {
        public RubricDimension {
            if (min < 0 || max > 9 || min > max) throw new IllegalArgumentException("rubric scale must lie within 0..9: " + name);
        }
    }

    /** One error category; {@code id} is what judgments store. */
    public record ErrorCategory(String id, String label) {
    }

    /** What a submission must hold. */
    public enum Required {
        /** A pair needs a preference unless flagged both_bad or bad_prompt. */
        PREFERENCE("preference"),
        /** Every dimension scored for every response, unless flagged bad_prompt. */
        RUBRIC("rubric"),
        /** Every response has at least one rated step, unless flagged bad_prompt. */
        STEPS("steps");

        private final String wire;

        Required(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Required fromWire(String s) {
            for (Required r : values()) if (r.wire.equals(s)) return r;
            return null;
        }
    }

    public List<ErrorCategory> categories(Domain domain) {
        return taxonomy.getOrDefault(domain, List.of());
    }

    /** A batch's config as the review uses it, and why the batch's own was not used (null when it was). */
    public record Chosen(BatchConfig config, String problem) {
    }

    /** The config stored with the batch, else the defaults; an unusable one gives the defaults and says why. */
    public static Chosen forBatch(LocalStore store, String batch) {
        try {
            return new Chosen(store.batchConfigs().config(batch).map(json -> read(Json.parse(json))).orElse(defaults()), null);
        } catch (FieldException | tools.jackson.core.JacksonException e) {
            return new Chosen(defaults(), "the config of batch " + batch + " is unusable (" + e.getMessage() + "); using the defaults");
        }
    }

    public static BatchConfig defaults() {
        Map<Domain, List<ErrorCategory>> t = new EnumMap<>(Domain.class);
        t.put(Domain.MATH, cats("calculation", "Calculation", "algebra", "Algebraic manipulation",
                "logical_gap", "Logical gap / unjustified step", "invalid_inference", "Invalid inference",
                "misapplied_theorem", "Misapplied theorem or definition", "missing_case", "Missing case",
                "circular", "Circular reasoning", "hallucination", "Hallucinated fact or reference",
                "wrong_answer", "Wrong final answer", "incomplete", "Incomplete"));
        t.put(Domain.CODE, cats("wrong_logic", "Wrong logic", "off_by_one", "Off-by-one / boundary",
                "edge_case", "Unhandled edge case", "does_not_run", "Does not compile or run",
                "wrong_api", "Wrong or invented API", "inefficient", "Inefficient", "security", "Security issue",
                "misleading_explanation", "Misleading explanation", "style", "Style / readability"));
        t.put(Domain.GENERAL, cats("factual_error", "Factual error", "logical_gap", "Logical gap / unjustified step",
                "hallucination", "Hallucinated fact or reference", "incomplete", "Incomplete",
                "off_topic", "Does not answer the question", "unsafe", "Unsafe or harmful", "style", "Style / readability"));
        return new BatchConfig(List.of(new RubricDimension("correctness", "Correctness", 1, 5),
                new RubricDimension("reasoning", "Reasoning", 1, 5), new RubricDimension("clarity", "Clarity", 1, 5)),
                EnumSet.of(Required.PREFERENCE), t);
    }

    private static List<ErrorCategory> cats(String... idLabel) {
        List<ErrorCategory> out = new ArrayList<>();
        for (int i = 0; i < idLabel.length; i += 2) out.add(new ErrorCategory(idLabel[i], idLabel[i + 1]));
        return out;
    }

    /**
     * Reads the config column. Shape: {@code {"rubric": [{"name", "label", "min", "max"}], "required":
     * ["preference", "rubric", "steps"], "taxonomy": {"math": [{"id", "label"} or "Label"]}}}; every part is
     * optional and falls back to the default.
     *
     * @throws FieldException naming the field that is wrong
     */
    public static BatchConfig read(JsonNode o) {
        BatchConfig d = defaults();
        if (o == null || o.isNull()) return d;
        if (!o.isObject()) throw new FieldException("config", "an object, found " + Json.kind(o));
        List<RubricDimension> rubric = d.rubric();
        JsonNode r = o.get("rubric");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) throw new FieldException("config.rubric", "an array of dimensions");
            rubric = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                String p = "config.rubric[" + i + "]";
                JsonNode dim = r.get(i);
                if (!dim.isObject()) throw new FieldException(p, "an object {name, label, min, max}");
                String name = Json.requireString(dim, "name", p);
                String label = Json.optString(dim, "label", p);
                int min = intField(dim, "min", p, 1), max = intField(dim, "max", p, 5);
                if (min < 0 || max > 9 || min > max) throw new FieldException(p, "a scale within 0..9 with min <= max");
                rubric.add(new RubricDimension(name, label == null ? name : label, min, max));
            }
        }
        Set<Required> required = d.required();
        List<String> req = Json.optStringList(o, "required", "config");
        if (req != null) {
            required = EnumSet.noneOf(Required.class);
            for (String s : req) {
                Required q = Required.fromWire(s);
                if (q == null) throw new FieldException("config.required", "preference, rubric or steps; found \"" + s + "\"");
                required.add(q);
            }
        }
        Map<Domain, List<ErrorCategory>> taxonomy = new EnumMap<>(d.taxonomy());
        JsonNode t = Json.optObject(o, "taxonomy", "config");
        if (t != null) {
            for (String dn : t.propertyNames()) {
                Domain dom = Domain.fromWire(dn);
                if (dom == null) throw new FieldException("config.taxonomy." + dn, "a domain: math, code or general");
                JsonNode list = t.get(dn);
                if (!list.isArray()) throw new FieldException("config.taxonomy." + dn, "an array of categories");
                if (list.size() > 35) throw new FieldException("config.taxonomy." + dn, "at most 35 categories (one key each)");
                List<ErrorCategory> cats = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode c = list.get(i);
                    String p = "config.taxonomy." + dn + "[" + i + "]";
                    if (c.isString()) cats.add(new ErrorCategory(slug(c.stringValue()), c.stringValue()));
                    else if (c.isObject()) {
                        String label = Json.requireString(c, "label", p);
                        String id = Json.optString(c, "id", p);
                        cats.add(new ErrorCategory(id == null ? slug(label) : id, label));
                    } else throw new FieldException(p, "a label or an object {id, label}");
                }
                taxonomy.put(dom, cats);
            }
        }
        JsonNode w = o.get("evidence_warning");
        boolean warning = d.evidenceWarning();
        if (w != null && !w.isNull()) {
            if (!w.isBoolean()) throw new FieldException("config.evidence_warning", "true or false, found " + Json.kind(w));
            warning = w.asBoolean();
        }
        JsonNode rr = o.get("rationale_required");
        boolean rationale = d.rationaleRequired();
        if (rr != null && !rr.isNull()) {
            if (!rr.isBoolean()) throw new FieldException("config.rationale_required", "true or false, found " + Json.kind(rr));
            rationale = rr.asBoolean();
        }
        return new BatchConfig(rubric, required, taxonomy, warning, rationale);
    }

    private static int intField(JsonNode o, String field, String path, int dflt) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber()) throw new FieldException(path + "." + field, "an integer");
        return v.asInt();
    }

    static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    public ObjectNode write() {
        ObjectNode o = Json.object();
        ArrayNode r = o.putArray("rubric");
        for (RubricDimension d : rubric) {
            ObjectNode x = r.addObject();
            x.put("name", d.name());
            x.put("label", d.label());
            x.put("min", d.min());
            x.put("max", d.max());
        }
        ArrayNode req = o.putArray("required");
        for (Required q : Required.values()) if (required.contains(q)) req.add(q.wire());
        o.put("evidence_warning", evidenceWarning);
        o.put("rationale_required", rationaleRequired);
        ObjectNode t = o.putObject("taxonomy");
        for (Domain dom : Domain.values()) {
            if (!taxonomy.containsKey(dom)) continue;
            ArrayNode list = t.putArray(dom.wireName());
            for (ErrorCategory c : taxonomy.get(dom)) {
                ObjectNode x = list.addObject();
                x.put("id", c.id());
                x.put("label", c.label());
            }
        }
        return o;
    }
}

package org.arbiter.logic.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;

import tools.jackson.databind.JsonNode;

/**
 * HumanEvalPack-style code items with their tests, read as they are. Two shapes:
 * <ul>
 * <li>a pair of code responses: {@code {id, language, prompt, response_a, response_b, test, entry_point,
 * response_a_meta?, response_b_meta?, correct?}} (the corpus's code_pairs.jsonl); the responses are bare code;</li>
 * <li>a HumanEvalPack row: {@code {task_id, instruction, prompt, declaration, import?, canonical_solution,
 * buggy_solution, test, entry_point, test_setup?}}, which becomes the pair canonical (a) vs buggy (b), composed as
 * HumanEvalPack does: (prompt + solution) for Python, (import + declaration + solution) otherwise.</li>
 * </ul>
 * The known correctness ({@code response_x_meta.correct}; canonical vs buggy) goes to {@code meta.truth}.
 */
final class HumanEvalPackParser implements RecordParser {
    @Override
    public Item parse(JsonNode r, ParseContext context) {
        return r.has("response_a") ? pair(r, context) : row(r, context);
    }

    private static Item pair(JsonNode r, ParseContext context) {
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        String language = language(Json.requireString(r, "language", ""), "language");
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> truth = new LinkedHashMap<>();
        for (String side : List.of("a", "b")) {
            JsonNode m = Json.optObject(r, "response_" + side + "_meta", "");
            if (m == null) continue;
            meta.put("response_" + side + "_meta", Json.toMap(m));
            if (m.has("correct") && m.get("correct").isBoolean()) truth.put(side, m.get("correct").booleanValue());
        }
        if (!truth.isEmpty()) meta.put("truth", truth);
        for (String field : List.of("source", "correct", "correctness_evidence")) {
            String v = Json.optString(r, field, "");
            if (v != null) meta.put(field, v);
        }
        List<Response> responses = List.of(new Response("a", null, Json.requireString(r, "response_a", "")),
                new Response("b", null, Json.requireString(r, "response_b", "")));
        Reference reference = new Reference(null, null, Json.optString(r, "test", ""), language,
                Json.optString(r, "entry_point", ""), Json.optString(r, "test_setup", ""));
        return new Item(id, context.batchFor(null), context.domain(Domain.CODE), Prompt.text(Json.requireString(r, "prompt", "")),
                responses, reference, null, meta, List.of());
    }

    private static Item row(JsonNode r, ParseContext context) {
        String taskId = Json.requireString(r, "task_id", "");
        String language = language(taskId.contains("/") ? taskId.substring(0, taskId.indexOf('/')) : taskId, "task_id");
        String head = language.equals("python") ? Json.requireString(r, "prompt", "")
                : nullToEmpty(Json.optString(r, "import", "")) + Json.requireString(r, "declaration", "");
        String fence = "```" + language + "\n";
        String canonical = fence + strip(head + Json.requireString(r, "canonical_solution", "")) + "```";
        String buggy = fence + strip(head + Json.requireString(r, "buggy_solution", "")) + "```";
        String instruction = Json.optString(r, "instruction", "");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("task_id", taskId);
        meta.put("truth", Map.of("a", true, "b", false));
        for (String field : List.of("bug_type", "failure_symptoms")) {
            String v = Json.optString(r, field, "");
            if (v != null) meta.put(field, v);
        }
        Reference reference = new Reference(null, null, Json.requireString(r, "test", ""), language,
                Json.optString(r, "entry_point", ""), Json.optString(r, "test_setup", ""));
        return new Item(taskId, context.batchFor(null), context.domain(Domain.CODE),
                Prompt.text(instruction != null ? instruction : Json.requireString(r, "prompt", "")),
                List.of(new Response("a", "canonical", canonical), new Response("b", "buggy", buggy)), reference, null, meta, List.of());
    }

    /** HumanEvalPack's names (Python, JavaScript, C++/CPP, Go, Java, Rust) as the native format's. */
    private static String language(String name, String field) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "python", "javascript", "java", "go", "rust" -> n;
            case "c++", "cpp" -> "cpp";
            case "js" -> "javascript";
            default -> throw new FieldException(field, "one of Python, JavaScript, Java, C++, Go, Rust; found \"" + name + "\"");
        };
    }

    private static String strip(String code) {
        return code.replaceAll("^\n+|\n+$", "") + "\n";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

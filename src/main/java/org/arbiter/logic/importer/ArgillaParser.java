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
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
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
        ArgillaRecordShape shape = ArgillaRecordShape.of(r);
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

        ArgillaAnswers answers = new ArgillaAnswers(responses, idOfField);
        List<PriorLabel> priors = new ArrayList<>();
        for (ArgillaAnswers.User u : shape.users(context)) {
            PriorLabel p = answers.label(u, names.getOrDefault(u.userId(), u.userId()));
            if (p != null) priors.add(p);
        }
        for (ArgillaAnswers.User s : shape.suggestions()) {
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
}

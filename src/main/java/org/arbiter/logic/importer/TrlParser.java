package org.arbiter.logic.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.json.ItemJson;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/**
 * TRL preference data: {@code prompt}/{@code chosen}/{@code rejected}, as strings (standard) or message lists
 * (conversational). Without {@code prompt} the prompt is what chosen and rejected share, as TRL's
 * {@code extract_prompt} does.
 */
final class TrlParser implements RecordParser {
    @Override
    public Item parse(JsonNode r, ParseContext context) {
        JsonNode chosen = r.get("chosen");
        JsonNode rejected = r.get("rejected");
        boolean conversational = requireCompletion(chosen, "chosen");
        if (requireCompletion(rejected, "rejected") != conversational) {
            throw new FieldException("rejected", conversational ? "a list of messages like chosen, found a string"
                    : "a string like chosen, found a list");
        }
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        Prompt prompt;
        String chosenText;
        String rejectedText;
        JsonNode promptNode = r.get("prompt");
        if (promptNode != null && !promptNode.isNull()) {
            if (promptNode.isArray()) Completions.messages(promptNode, "prompt");
            prompt = ItemJson.readPrompt(promptNode, "prompt");
            chosenText = conversational ? Completions.text(Completions.messages(chosen, "chosen"), "chosen") : chosen.stringValue();
            rejectedText = conversational ? Completions.text(Completions.messages(rejected, "rejected"), "rejected") : rejected.stringValue();
        } else if (conversational) {
            List<Turn> c = Completions.messages(chosen, "chosen");
            List<Turn> rj = Completions.messages(rejected, "rejected");
            int shared = 0;
            while (shared < Math.min(c.size(), rj.size()) && c.get(shared).equals(rj.get(shared))) shared++;
            if (shared == 0) throw new FieldException("prompt", "a prompt, or chosen and rejected that begin with the same messages");
            if (shared == c.size()) throw new FieldException("chosen", "a completion after the shared prompt messages, found none");
            if (shared == rj.size()) throw new FieldException("rejected", "a completion after the shared prompt messages, found none");
            prompt = Prompt.conversation(c.subList(0, shared));
            chosenText = Completions.text(c.subList(shared, c.size()), "chosen");
            rejectedText = Completions.text(rj.subList(shared, rj.size()), "rejected");
        } else {
            String c = chosen.stringValue();
            String rj = rejected.stringValue();
            int idx = sharedPrefix(c, rj);
            if (c.substring(0, idx).isBlank()) {
                throw new FieldException("prompt", "a prompt, or chosen and rejected that begin with the same prompt text");
            }
            prompt = Prompt.text(c.substring(0, idx));
            chosenText = c.substring(idx);
            rejectedText = rj.substring(idx);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        JsonNode margin = r.get("margin");
        if (margin != null && !margin.isNull()) {
            if (!margin.isNumber()) throw new FieldException("margin", "a number, found " + Json.kind(margin));
            extra.put("margin", margin.numberValue());
        }
        PreferencePair pair = PreferencePair.chosenRejected(id, null, chosenText, null, rejectedText, "trl", extra);
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), prompt, pair.responses(),
                null, null, Map.of(), pair.priors());
    }

    /**
     * TRL's string rule: the prompt ends where the texts first differ, minus a space just before that point
     * (so the completion starts with it).
     */
    static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        if (i > 0 && i < a.length() && a.charAt(i - 1) == ' ') i--;
        return i;
    }

    /** @return true for messages, false for a string */
    private static boolean requireCompletion(JsonNode v, String field) {
        if (v == null || v.isNull()) throw new FieldException(field, "a string or a list of messages (field is missing)");
        if (v.isString()) return false;
        if (v.isArray()) return true;
        throw new FieldException(field, "a string or a list of messages, found " + Json.kind(v));
    }
}

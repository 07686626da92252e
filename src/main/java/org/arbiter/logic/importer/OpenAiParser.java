package org.arbiter.logic.importer;

import java.util.List;
import java.util.Map;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/**
 * OpenAI preference fine-tuning (DPO) lines: {@code input.messages} is the prompt,
 * {@code preferred_output} and {@code non_preferred_output} hold the assistant messages.
 */
final class OpenAiParser implements RecordParser {
    @Override
    public Item parse(JsonNode r, ParseContext context) {
        JsonNode input = Json.optObject(r, "input", "");
        if (input == null) throw new FieldException("input", "an object with messages (field is missing)");
        List<Turn> messages = Completions.messages(input.get("messages"), "input.messages");
        String preferred = Completions.text(Completions.messages(r.get("preferred_output"), "preferred_output"), "preferred_output");
        String other = Completions.text(Completions.messages(r.get("non_preferred_output"), "non_preferred_output"), "non_preferred_output");
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        JsonNode tools = input.get("tools");
        Map<String, Object> meta = tools != null && tools.isArray() && !tools.isEmpty()
                ? Map.of("tools", Json.MAPPER.convertValue(tools, List.class)) : Map.of();
        PreferencePair pair = PreferencePair.chosenRejected(id, null, preferred, null, other, "openai", Map.of());
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL),
                Completions.prompt(messages, "input.messages"), pair.responses(), null, null, meta, pair.priors());
    }
}

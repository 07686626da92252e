package org.arbiter.logic.exporter;

import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TRL's two dataset shapes: a plain prompt gives strings ("standard"), a conversation gives lists of
 * {role, content} messages ("conversational"), with each completion one assistant message.
 */
final class TrlFields {
    private TrlFields() {
    }

    static JsonNode prompt(Item item) {
        Prompt p = item.prompt();
        if (!p.isConversation()) return JsonNodeFactory.instance.stringNode(p.markdown());
        return messages(item);
    }

    static JsonNode completion(Item item, String content) {
        if (!item.prompt().isConversation()) return JsonNodeFactory.instance.stringNode(content);
        return assistant(content);
    }

    /** The prompt as messages; a plain prompt is one user message. */
    static ArrayNode messages(Item item) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Turn t : item.prompt().asTurns()) message(out, t.role(), t.content());
        return out;
    }

    static ArrayNode assistant(String content) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        message(out, "assistant", content);
        return out;
    }

    private static void message(ArrayNode list, String role, String content) {
        ObjectNode m = list.addObject();
        m.put("role", role);
        m.put("content", content);
    }
}

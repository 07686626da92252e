package org.arbiter.logic.importer;

import java.util.List;
import java.util.stream.Collectors;

import org.arbiter.json.FieldException;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Prompt;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/** Reading chat-style fields shared by the TRL, UltraFeedback and OpenAI formats. */
final class Completions {
    private Completions() {
    }

    /** A list of {role, content} messages with string content. */
    static List<Turn> messages(JsonNode v, String path) {
        if (v == null || v.isNull()) throw new FieldException(path, "a list of {role, content} messages (field is missing)");
        if (!v.isArray()) throw new FieldException(path, "a list of {role, content} messages, found " + Json.kind(v));
        return ItemJson.readTurns(v, path);
    }

    /** A completion given as messages: the contents of its messages (normally one assistant message). */
    static String text(List<Turn> messages, String path) {
        if (messages.isEmpty()) throw new FieldException(path, "at least one message, found an empty list");
        return messages.stream().map(Turn::content).collect(Collectors.joining("\n\n"));
    }

    /** One plain user message is a text prompt; anything more (or a system message) is a conversation. */
    static Prompt prompt(List<Turn> turns, String path) {
        if (turns.isEmpty()) throw new FieldException(path, "at least one message, found an empty list");
        if (turns.size() == 1 && turns.get(0).role().equals("user")) return Prompt.text(turns.get(0).content());
        return Prompt.conversation(turns);
    }
}

package org.arbiter.logic.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Prompt;
import org.arbiter.model.Turn;

import tools.jackson.databind.JsonNode;

/**
 * Anthropic HH-RLHF: {@code chosen} and {@code rejected} are whole transcripts of {@code \n\nHuman: } and
 * {@code \n\nAssistant: } turns. The prompt is every turn before the final Assistant turn; the responses
 * are the two final Assistant turns.
 */
final class HhRlhfParser implements RecordParser {
    private static final Pattern MARKER = Pattern.compile("\n\n(Human|Assistant):");

    static boolean looksLikeTranscript(String s) {
        return s.startsWith("\n\nHuman:") || s.startsWith("Human:") || s.contains("\n\nAssistant:");
    }

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        List<Turn> chosen = transcript(Json.requireString(r, "chosen", ""), "chosen");
        List<Turn> rejected = transcript(Json.requireString(r, "rejected", ""), "rejected");
        List<Turn> context1 = chosen.subList(0, chosen.size() - 1);
        List<Turn> context2 = rejected.subList(0, rejected.size() - 1);
        String id = Json.optId(r, "id", "");
        if (id == null) id = RecordIds.contentId(r);
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!context1.equals(context2)) {
            // Rare in the data; the pair is still worth reviewing, but the reviewer sees chosen's context.
            meta.put("rejected_context_differs", true);
        }
        Prompt prompt = context1.size() == 1 ? Prompt.text(context1.get(0).content()) : Prompt.conversation(context1);
        PreferencePair pair = PreferencePair.chosenRejected(id, null, chosen.get(chosen.size() - 1).content(),
                null, rejected.get(rejected.size() - 1).content(), "hh-rlhf", Map.of());
        return new Item(id, context.batchFor(null), context.domain(Domain.GENERAL), prompt, pair.responses(),
                null, null, meta, pair.priors());
    }

    static List<Turn> transcript(String text, String field) {
        String t = text.startsWith("Human:") ? "\n\n" + text : text;
        Matcher m = MARKER.matcher(t);
        List<Turn> turns = new ArrayList<>();
        int contentStart = -1;
        String role = null;
        while (m.find()) {
            if (role == null) {
                if (!t.substring(0, m.start()).isBlank()) {
                    throw new FieldException(field, "a transcript that starts with \"\\n\\nHuman: \"");
                }
            } else {
                turns.add(new Turn(role, strip(t.substring(contentStart, m.start()))));
            }
            role = m.group(1).equals("Human") ? "user" : "assistant";
            contentStart = m.end();
        }
        if (role == null) throw new FieldException(field, "a transcript of \"\\n\\nHuman: \" and \"\\n\\nAssistant: \" turns");
        turns.add(new Turn(role, strip(t.substring(contentStart))));
        if (!role.equals("assistant")) throw new FieldException(field, "a transcript that ends with an \"\\n\\nAssistant: \" turn");
        if (turns.size() < 2) throw new FieldException(field, "a Human turn before the final Assistant turn");
        return turns;
    }

    private static String strip(String s) {
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}

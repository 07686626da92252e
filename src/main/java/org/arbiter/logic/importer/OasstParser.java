package org.arbiter.logic.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

import tools.jackson.databind.JsonNode;

/**
 * OpenAssistant message trees as the project exports them ({@code message_tree_id}, {@code prompt} with
 * {@code text} and {@code replies[]}, each reply with a {@code rank}, 0 = best). The root prompt and its
 * ranked assistant replies make one item: three to nine replies a ranking item whose prior label is the
 * crowd's order (equal ranks tied), two a pair with the crowd's preference. A tree with more than nine ranked
 * replies keeps the nine best-ranked, which the import summary reports. Deeper turns are not imported.
 * Responses are stored in an order drawn from the tree id, since the export lists replies best first and the
 * stored order should not hint at the rank.
 */
final class OasstParser implements RecordParser {
    private int trimmed;

    @Override
    public Item parse(JsonNode r, ParseContext context) {
        String id = Json.optId(r, "message_tree_id", "");
        JsonNode prompt = Json.optObject(r, "prompt", "");
        if (prompt == null) throw new FieldException("prompt", "the root message object (field is missing)");
        if (id == null) id = Json.optId(prompt, "message_id", "prompt");
        if (id == null) id = RecordIds.contentId(r);
        String text = Json.requireString(prompt, "text", "prompt");
        JsonNode replies = Json.requireArray(prompt, "replies", "prompt");
        List<Reply> ranked = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            String path = "prompt.replies[" + i + "]";
            JsonNode m = replies.get(i);
            if (!m.isObject()) throw new FieldException(path, "an object, found " + Json.kind(m));
            if (!"assistant".equals(Json.optString(m, "role", path))) continue;
            if (m.path("deleted").asBoolean(false)) continue;
            JsonNode rank = m.get("rank");
            if (rank == null || rank.isNull()) continue; // not ranked by the crowd
            if (!rank.isIntegralNumber()) throw new FieldException(path + ".rank", "an integer, found " + Json.kind(rank));
            ranked.add(new Reply(Json.optString(m, "message_id", path), Json.requireString(m, "text", path), rank.intValue()));
        }
        if (ranked.size() < 2) {
            throw new FieldException("prompt.replies", "at least 2 ranked assistant replies, found " + ranked.size());
        }
        ranked.sort(Comparator.comparingInt(Reply::rank));
        Map<String, Object> meta = new LinkedHashMap<>();
        String lang = Json.optString(prompt, "lang", "prompt");
        if (lang != null) meta.put("lang", lang);
        if (ranked.size() > ResponseLimit.MAX) {
            meta.put("replies_dropped", ranked.size() - ResponseLimit.MAX);
            ranked = new ArrayList<>(ranked.subList(0, ResponseLimit.MAX));
            trimmed++;
        }
        Domain domain = context.domain(Domain.GENERAL);
        if (ranked.size() == 2) {
            Reply best = ranked.get(0);
            Reply other = ranked.get(1);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("ranks", List.of(best.rank(), other.rank()));
            PreferencePair pair = PreferencePair.place(id, null, best.text(), null, other.text(),
                    best.rank() == other.rank() ? 0 : -1, "oasst", extra);
            return new Item(id, context.batchFor(null), domain, Prompt.text(text), pair.responses(), null, null,
                    meta, pair.priors());
        }
        List<Reply> shown = new ArrayList<>(ranked);
        Collections.shuffle(shown, new Random(id.hashCode()));
        List<Response> responses = new ArrayList<>();
        Map<String, Object> messageIds = new LinkedHashMap<>();
        Map<String, Object> ranks = new LinkedHashMap<>();
        TreeMap<Integer, List<String>> tiers = new TreeMap<>();
        for (int i = 0; i < shown.size(); i++) {
            Reply reply = shown.get(i);
            String rid = "r" + (i + 1);
            responses.add(new Response(rid, null, reply.text()));
            if (reply.messageId() != null) messageIds.put(rid, reply.messageId());
            ranks.put(rid, reply.rank());
            tiers.computeIfAbsent(reply.rank(), k -> new ArrayList<>()).add(rid);
        }
        meta.put("message_ids", messageIds);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("ranks", ranks);
        Ranking order = new Ranking(new ArrayList<>(tiers.values()), List.of());
        return new Item(id, context.batchFor(null), domain, Prompt.text(text), responses, null, null, meta,
                List.of(new PriorLabel("oasst", null, List.of(), extra, order)));
    }

    @Override
    public List<String> notes() {
        if (trimmed == 0) return List.of();
        return List.of(trimmed + (trimmed == 1 ? " tree had" : " trees had") + " more than " + ResponseLimit.MAX
                + " ranked replies: kept the " + ResponseLimit.MAX + " best-ranked (meta.replies_dropped says how many were left out)");
    }

    private record Reply(String messageId, String text, int rank) {
    }
}

package org.arbiter.logic.exporter;

import static org.arbiter.logic.interchange.ArgillaDataset.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argilla 2.x records as Argilla's {@code Dataset.to_disk} writes them into {@code records.json} (a JSON array
 * of {@code Record.to_dict()}), readable by {@code rg.Record.from_dict} and by {@code arbiter import}: one
 * record per item of two or more responses, fields prompt and response1…N, and per annotator one submitted
 * response to each question: {@code ranking} (the order, best first; ties in shown order),
 * {@code preference} (pairs: Arbiter's five-point scale, so strength and ties survive), {@code tiers}
 * (rankings: "response2 = response3 > response1", so ties survive) and {@code rationale}. Argilla wants a
 * user id (a UUID) per response: each annotator gets a name-based one ({@code ArgillaDataset.userId}), the
 * names listed in the metadata {@code arbiter_annotators}.
 */
public final class ArgillaFormat implements ExportFormat {
    @Override
    public String name() {
        return "argilla";
    }

    @Override
    public boolean jsonArray() {
        return true;
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachItem(sink, il -> {
            Item item = il.item();
            if (item.responses().size() < 2) {
                sink.skip("single response");
                return;
            }
            ObjectNode record = Json.object();
            record.put("id", item.batch() + "/" + item.id());
            ObjectNode fields = record.putObject("fields");
            fields.put(PROMPT, LabelStudioFormat.promptText(item.prompt()));
            List<String> fieldOf = new ArrayList<>();
            for (int i = 0; i < item.responses().size(); i++) {
                fields.put(responseField(i), item.responses().get(i).content());
                fieldOf.add(responseField(i));
            }
            ObjectNode metadata = record.putObject("metadata");
            metadata.put(ITEM_ID, item.id());
            metadata.put(BATCH, item.batch());
            ArrayNode ids = metadata.putArray(RESPONSE_IDS);
            ArrayNode models = metadata.putArray(MODELS);
            for (Response r : item.responses()) {
                ids.add(r.id());
                models.add(r.model() == null ? "" : r.model());
            }
            ArrayNode annotators = metadata.putArray(ANNOTATORS);
            record.putObject("suggestions");
            ObjectNode responses = record.putObject("responses");
            Set<String> seen = new LinkedHashSet<>();
            for (InterchangeLabel label : il.labels()) {
                if (!label.saysSomething()) {
                    sink.skip(item.isRanking() ? "no ranking" : "no preference");
                    continue;
                }
                List<List<String>> tiers = tiers(item, label);
                if (tiers == null) {
                    sink.skip("pair preference on a ranking item");
                    continue;
                }
                if (label.status().equals("suggestion")) {
                    // a model's suggestion goes back where Argilla keeps it: one per question
                    ObjectNode suggestions = (ObjectNode) record.get("suggestions");
                    ArrayNode order = Json.array();
                    for (List<String> t : tiers) for (String id : t) order.add(fieldOf.get(indexOf(item, id)));
                    suggestions.putObject(RANKING).put("score", (String) null).put("agent", label.annotator()).set("value", order);
                    continue;
                }
                if (!seen.add(label.annotator())) {
                    // Argilla holds one response per user and question: a second label by the same name
                    // (a prior label named like an expert) would be refused by Record.from_dict
                    sink.skip("second label by the same annotator");
                    continue;
                }
                annotators.add(label.annotator());
                String user = userId(label.annotator());
                String status = label.status();
                ArrayNode order = Json.array();
                List<List<String>> named = new ArrayList<>();
                for (List<String> t : tiers) {
                    List<String> tier = new ArrayList<>();
                    for (String id : t) {
                        String f = fieldOf.get(indexOf(item, id));
                        order.add(f);
                        tier.add(f);
                    }
                    named.add(tier);
                }
                answer(responses, RANKING, order, user, status);
                if (item.isRanking()) answer(responses, TIERS, Json.toNode(tiersText(named)), user, status);
                else answer(responses, PREFERENCE, Json.toNode(label.preference().wire()), user, status);
                if (label.rationale() != null && !label.rationale().isEmpty()) {
                    answer(responses, RATIONALE, Json.toNode(label.rationale()), user, status);
                }
            }
            record.putObject("vectors");
            sink.row(record);
        });
    }

    /** Tiers by response id; a pair's preference as two tiers (or one, a tie). Null when the label does not fit. */
    private static List<List<String>> tiers(Item item, InterchangeLabel label) {
        if (item.isRanking()) {
            Ranking r = label.ranking();
            return r == null || !r.covers(item.responses().stream().map(Response::id).toList()) ? null : r.tiers();
        }
        Preference p = label.preference();
        if (p == null) return null;
        String a = item.responses().get(0).id();
        String b = item.responses().get(1).id();
        if (p == Preference.TIE) return List.of(List.of(a, b));
        return p.direction() < 0 ? List.of(List.of(a), List.of(b)) : List.of(List.of(b), List.of(a));
    }

    private static int indexOf(Item item, String responseId) {
        for (int i = 0; i < item.responses().size(); i++) if (item.responses().get(i).id().equals(responseId)) return i;
        throw new UnwritableRow("the ranking names response " + responseId + ", which the item does not have");
    }

    private static void answer(ObjectNode responses, String question, JsonNode value, String user, String status) {
        ArrayNode list = responses.has(question) ? (ArrayNode) responses.get(question) : responses.putArray(question);
        ObjectNode answer = list.addObject();
        answer.set("value", value);
        answer.put("user_id", user);
        answer.put("status", status);
    }
}

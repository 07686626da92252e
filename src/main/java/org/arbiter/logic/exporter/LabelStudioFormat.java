package org.arbiter.logic.exporter;

import static org.arbiter.logic.interchange.LabelStudioProject.*;

import java.util.List;

import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.model.Turn;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Label Studio tasks with annotations, as one JSON array that Label Studio's import takes (Project → Import):
 * one task per item of two or more responses, {@code data} with the prompt and the responses (pairs in the
 * Pairwise template's keys, rankings as the Ranker template's {@code items}), one annotation per
 * annotator's current judgment. Label Studio keeps an imported annotation's {@code result},
 * {@code lead_time} and {@code id} (as {@code import_id}) and gives it to the importing user
 * (label_studio/tasks/serializers.py, {@code BaseTaskSerializerBulk}: {@code completed_by} must be an
 * existing member's email), so the Arbiter annotator travels in the task's {@code meta}, keyed by the
 * annotation id. The labeling configs are {@link org.arbiter.logic.interchange.LabelStudioProject}'s.
 */
public final class LabelStudioFormat implements ExportFormat {
    @Override
    public String name() {
        return "label-studio";
    }

    @Override
    public boolean jsonArray() {
        return true;
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        long[] nextId = {1};
        source.forEachItem(sink, il -> {
            Item item = il.item();
            if (item.responses().size() < 2) {
                sink.skip("single response");
                return;
            }
            ObjectNode task = Json.object();
            ObjectNode data = task.putObject("data");
            data.put(PROMPT, promptText(item.prompt()));
            boolean ranking = item.isRanking();
            if (ranking) {
                ArrayNode items = data.putArray(ITEMS);
                for (int i = 0; i < item.responses().size(); i++) {
                    Response r = item.responses().get(i);
                    items.addObject().put("id", r.id()).put("title", "Response " + (i + 1)).put("body", r.content());
                }
            } else {
                data.put(ANSWER1, item.responses().get(0).content());
                data.put(ANSWER2, item.responses().get(1).content());
            }
            data.put(ITEM_ID, item.id());
            data.put(BATCH, item.batch());
            ArrayNode ids = data.putArray(RESPONSE_IDS);
            ArrayNode models = data.putArray(MODELS);
            for (Response r : ranking ? item.responses() : item.responses().subList(0, 2)) {
                ids.add(r.id());
                models.add(r.model() == null ? "" : r.model());
            }
            ObjectNode names = task.putObject("meta").putObject(ANNOTATORS);
            ArrayNode annotations = task.putArray("annotations");
            for (InterchangeLabel label : il.labels()) {
                ArrayNode result = Json.array();
                if (ranking) {
                    if (label.ranking() == null) {
                        sink.skip(label.preference() == null ? "no ranking" : "pair preference on a ranking item");
                        continue;
                    }
                    ObjectNode buckets = Json.object();
                    List<List<String>> tiers = label.ranking().tiers();
                    for (int t = 0; t < tiers.size(); t++) {
                        ArrayNode b = buckets.putArray(tierBucket(t + 1));
                        tiers.get(t).forEach(b::add);
                    }
                    ObjectNode value = Json.object();
                    value.set("ranker", buckets);
                    result.add(result(nextId[0], 0, RANKER, LIST, "ranker", value));
                } else {
                    Preference p = label.preference();
                    if (p == null) {
                        sink.skip("no preference");
                        continue;
                    }
                    if (p != Preference.TIE) {
                        result.add(result(nextId[0], 0, PAIRWISE, PAIRWISE, "pairwise",
                                Json.object().put("selected", p.direction() < 0 ? "left" : "right")));
                    }
                    ObjectNode choice = Json.object();
                    choice.putArray("choices").add(p == Preference.TIE ? TIE : p.strong() ? MUCH_BETTER : BETTER);
                    result.add(result(nextId[0], 1, STRENGTH, PROMPT, "choices", choice));
                }
                if (label.rationale() != null && !label.rationale().isEmpty()) {
                    ObjectNode text = Json.object();
                    text.putArray("text").add(label.rationale());
                    result.add(result(nextId[0], 2, RATIONALE, PROMPT, "textarea", text));
                }
                long id = nextId[0]++;
                ObjectNode a = annotations.addObject();
                a.put("id", id);
                a.set("result", result);
                a.put("was_cancelled", false);
                a.put("ground_truth", false);
                if (label.leadSeconds() != null) a.put("lead_time", label.leadSeconds());
                if (label.createdAt() != null) a.put("created_at", label.createdAt());
                names.put(Long.toString(id), label.annotator());
            }
            sink.row(task);
        });
    }

    private static ObjectNode result(long annotation, int index, String from, String to, String type, ObjectNode value) {
        ObjectNode r = Json.object();
        // Label Studio's editor keys results by a region id; any unique string does
        r.put("id", "arb" + annotation + "_" + index);
        r.put("from_name", from);
        r.put("to_name", to);
        r.put("type", type);
        r.set("value", value);
        r.put("origin", "manual");
        return r;
    }

    /** A conversation as one text (Label Studio's Text tag shows one string): "role: content" per turn. */
    static String promptText(Prompt p) {
        if (!p.isConversation()) return p.markdown();
        StringBuilder sb = new StringBuilder();
        for (Turn t : p.turns()) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(t.role()).append(": ").append(t.content());
        }
        return sb.toString();
    }
}

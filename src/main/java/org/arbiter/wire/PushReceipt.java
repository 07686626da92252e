package org.arbiter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.model.JudgmentKey;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's answer to a push: every (judgment_id, version) it now holds from the request (new or already
 * there), and the batches the push completed. The client marks exactly {@code accepted} as synced.
 */
public record PushReceipt(List<JudgmentKey> accepted, int inserted, int duplicates, List<String> completedBatches) {
    /** The receipt as the server writes it: {"accepted":[{"judgment_id","version"}],"inserted","duplicates","completed_batches"}. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode acc = o.putArray("accepted");
        for (JudgmentKey k : accepted) acc.addObject().put("judgment_id", k.judgmentId().toString()).put("version", k.version());
        o.put("inserted", inserted);
        o.put("duplicates", duplicates);
        ArrayNode done = o.putArray("completed_batches");
        completedBatches.forEach(done::add);
        return o;
    }

    /** The receipt as the client reads it. */
    public static PushReceipt fromJson(JsonNode r) {
        List<JudgmentKey> accepted = new ArrayList<>();
        for (JsonNode k : r.path("accepted")) {
            accepted.add(new JudgmentKey(UUID.fromString(k.path("judgment_id").asString()), k.path("version").asInt()));
        }
        List<String> completed = new ArrayList<>();
        for (JsonNode b : r.path("completed_batches")) completed.add(b.asString());
        return new PushReceipt(accepted, r.path("inserted").asInt(), r.path("duplicates").asInt(), completed);
    }
}

package org.arbiter.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One unit of review: a prompt and the responses to compare (or a single path for step review, as in
 * PRM800K). Identity is (batch, id).
 */
public record Item(String id, String batch, Domain domain, Prompt prompt, List<Response> responses,
                   Reference reference, Gold gold, Map<String, Object> meta,
                   List<PriorLabel> priorLabels) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(prompt, "prompt");
        responses = List.copyOf(responses);
        if (responses.isEmpty()) throw new IllegalArgumentException("an item needs at least one response");
        Set<String> ids = new HashSet<>();
        for (Response r : responses) {
            if (!ids.add(r.id())) throw new IllegalArgumentException("duplicate response id " + r.id());
        }
        meta = meta == null ? Map.of() : JsonValues.copyOf(meta);
        priorLabels = priorLabels == null ? List.of() : List.copyOf(priorLabels);
    }

    /** Response A: the first as imported. */
    public Response a() {
        return responses.get(0);
    }

    /** Response B: the second as imported; absent for single-path step review. */
    public Optional<Response> b() {
        return responses.size() > 1 ? Optional.of(responses.get(1)) : Optional.empty();
    }

    /** Two or more responses (a ranking item is also compared, pair by pair, where a pair is asked for). */
    public boolean isPair() {
        return responses.size() >= 2;
    }

    /** Three to nine responses: judged as a ranking rather than a single A/B preference. */
    public boolean isRanking() {
        return responses.size() >= 3;
    }

    public Optional<Response> response(String responseId) {
        return responses.stream().filter(r -> r.id().equals(responseId)).findFirst();
    }

    public Item withBatch(String newBatch) {
        return new Item(id, newBatch, domain, prompt, responses, reference, gold, meta, priorLabels);
    }

    public Item withoutHiddenLabels() {
        return new Item(id, batch, domain, prompt, responses, reference, null, meta, List.of());
    }
}

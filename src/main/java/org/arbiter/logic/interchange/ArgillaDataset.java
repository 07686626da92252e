package org.arbiter.logic.interchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The names of an Argilla 2.x preference dataset made for Arbiter, shared by the export (which writes them)
 * and the import (which prefers them and falls back to common shapes).
 * <p>
 * Record layout, as Argilla's own {@code Record.to_dict()} writes it into {@code records.json} of
 * {@code Dataset.to_disk} and reads it back with {@code Record.from_dict}
 * (argilla/src/argilla/records/_resource.py, records/_io/_json.py, datasets/_io/_disk.py):
 * {@code {"id", "fields": {...}, "metadata": {...}, "suggestions": {question: {value, score, agent}},
 * "responses": {question: [{value, user_id, status}]}, "vectors": {}, "_server_id"}}. A ranking response's
 * value is the list of option values best first ({@code UserResponse.__ranking_from_model_value} in
 * argilla/src/argilla/responses.py); status is draft, submitted or discarded ({@code ResponseStatus}).
 */
public final class ArgillaDataset {
    public static final String SOURCE = "argilla";
    public static final String PROMPT = "prompt";
    /** Response fields are response1, response2, … in the item's order. */
    public static final String RESPONSE_PREFIX = "response";
    /** RankingQuestion over the response fields, best first; a strict order (Argilla's SDK drops ranks). */
    public static final String RANKING = "ranking";
    /** LabelQuestion with Arbiter's five-point scale over a pair (A = response1): strength and ties. */
    public static final String PREFERENCE = "preference";
    /** TextQuestion with the ranking's tiers ("response2 = response3 > response1"): ties in a ranking. */
    public static final String TIERS = "tiers";
    public static final String RATIONALE = "rationale";
    public static final String ITEM_ID = "arbiter_item_id";
    public static final String BATCH = "arbiter_batch";
    public static final String RESPONSE_IDS = "arbiter_response_ids";
    public static final String MODELS = "arbiter_models";
    /** Metadata: the Arbiter names behind the record's user ids (see {@link #userId}). */
    public static final String ANNOTATORS = "arbiter_annotators";

    private ArgillaDataset() {
    }

    public static String responseField(int index) {
        return RESPONSE_PREFIX + (index + 1);
    }

    /**
     * The Argilla user id written for an Arbiter annotator: Argilla wants a UUID, and a name-based one lets a
     * re-import find the name again through {@link #ANNOTATORS}.
     */
    public static String userId(String annotator) {
        if (isUuid(annotator)) return annotator; // already an Argilla user (a label imported from Argilla)
        return UUID.nameUUIDFromBytes(("arbiter-annotator:" + annotator).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "response2 = response3 > response1": tiers best first, ties joined by "=". */
    public static String tiersText(List<List<String>> tiers) {
        List<String> parts = new ArrayList<>();
        for (List<String> t : tiers) parts.add(String.join(" = ", t));
        return String.join(" > ", parts);
    }

    /** The tiers of a {@link #tiersText} answer; null when it is not one. */
    public static List<List<String>> parseTiers(String text) {
        if (text == null || text.isBlank()) return null;
        List<List<String>> tiers = new ArrayList<>();
        for (String part : text.split(">")) {
            List<String> tier = new ArrayList<>();
            for (String name : part.split("=")) {
                String n = name.strip();
                if (n.isEmpty()) return null;
                tier.add(n);
            }
            tiers.add(tier);
        }
        return tiers;
    }
}

package org.arbiter.server;

import java.util.function.IntFunction;

/**
 * How a push names its i-th judgment in an error: {@code judgments[3].item_id} for an HTTP request,
 * {@code FILE:LINE: item_id} for a file of judgments (the admin's offline ingest).
 */
public record JudgmentPlace(IntFunction<String> record, String fieldSeparator, String pusher) {
    public static final JudgmentPlace REQUEST = new JudgmentPlace(i -> "judgments[" + i + "]", ".", "the token's annotator");

    /**
     * Judgments read from a file, {@code where} giving {@code FILE:LINE} of each; {@code pusher} is how the
     * caller names the annotator the file is taken for (a command says which option gave it).
     */
    public static JudgmentPlace lines(IntFunction<String> where, String pusher) {
        return new JudgmentPlace(where, ": ", pusher);
    }

    String of(int i) {
        return record.apply(i);
    }

    String field(int i, String field) {
        return record.apply(i) + fieldSeparator + field;
    }
}

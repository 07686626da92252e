package org.arbiter.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The lab server's HTTP paths, one definition for the server that routes them and the client that calls them.
 * Every path but {@link #HEALTH} needs {@code Authorization: Bearer TOKEN}.
 */
public final class ApiPaths {
    /** No token; {"status":"ok"}. */
    public static final String HEALTH = "/api/health";
    /** {"annotator": NAME}. */
    public static final String ME = "/api/me";
    /** {"batches":[{"name","items","completed"}]}: only the caller's. */
    public static final String BATCHES = "/api/batches";
    /** The route of one batch's items; {@link #batchItems(String)} is the path for a name. */
    public static final String BATCH_ITEMS_ROUTE = "/api/batches/{name}/items";
    /** POST {"judgments":[full judgment JSON]}; answers a {@link PushReceipt}. */
    public static final String JUDGMENTS = "/api/judgments";
    /** Every authenticated path lies below this. */
    public static final String ALL = "/api/*";

    private ApiPaths() {
    }

    /** The items path of a batch, its name percent-encoded as a path segment. */
    public static String batchItems(String batch) {
        return "/api/batches/" + URLEncoder.encode(batch, StandardCharsets.UTF_8).replace("+", "%20") + "/items";
    }
}

package org.arbiter.logic.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Ids and sides that depend only on a record's content, so importing the same file twice gives the same
 * items with the same A/B order (and the re-import is recognised as "already present").
 */
public final class RecordIds {
    private RecordIds() {
    }

    /** The first 16 hex digits of SHA-256 over the record with object keys sorted. */
    public static String contentId(JsonNode record) {
        MessageDigest md = sha256();
        feed(md, record);
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    /**
     * Whether the source's preferred response becomes A. Decided by a bit of the id's hash, never by the
     * source's order, so about half of the preferred responses land on each side and a reviewer cannot learn
     * "A is usually the better one".
     */
    public static boolean preferredIsA(String itemId) {
        byte[] h = sha256().digest(("side:" + itemId).getBytes(StandardCharsets.UTF_8));
        return (h[0] & 1) == 0;
    }

    private static void feed(MessageDigest md, JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>(n.propertyNames());
            Collections.sort(keys);
            md.update((byte) '{');
            for (String k : keys) {
                feedString(md, k);
                feed(md, n.get(k));
            }
            md.update((byte) '}');
        } else if (n.isArray()) {
            md.update((byte) '[');
            for (JsonNode e : n) feed(md, e);
            md.update((byte) ']');
        } else if (n.isString()) {
            feedString(md, n.stringValue());
        } else {
            md.update((byte) 'v');
            feedString(md, n.toString());
        }
    }

    private static void feedString(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 's');
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

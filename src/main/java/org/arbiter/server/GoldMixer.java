package org.arbiter.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;

/**
 * Puts gold items among a batch's regular items. Which gold items and where are deterministic (the same
 * files and names give the same batches), but seeded with the gold answers themselves: the batch name and
 * the code are no secret to an annotator, the answers are, so nobody can recompute the positions.
 * Gold items are taken round-robin from the pool (shuffled once), skipping those any of the batch's
 * annotators already received: nobody gets the same gold item twice, since a repeat would tell them it is gold.
 */
final class GoldMixer {
    /** One batch as delivered: items in order, and the ids among them that are gold. */
    record Mixed(List<Item> items, Set<String> goldIds) {
    }

    private final GoldSeeding seeding;
    private final String secret;
    private final List<Item> pool;
    private int cursor;

    GoldMixer(GoldSeeding seeding, String importName) {
        this.seeding = seeding;
        StringBuilder s = new StringBuilder(importName);
        for (Item g : seeding.items()) s.append('\n').append(Json.write(ItemJson.write(g)));
        this.secret = s.toString();
        this.pool = new ArrayList<>(seeding.items());
        Collections.shuffle(pool, random("pool"));
    }

    /**
     * @param received   gold item ids that one of the batch's annotators already received
     * @param annotators the batch's annotators, for the message when too few gold items are left for them
     */
    Mixed mix(String batchName, List<Item> regular, Set<String> received, List<String> annotators) {
        int g = seeding.countFor(regular.size());
        if (g == 0) return new Mixed(regular, Set.of());
        List<Item> chosen = new ArrayList<>();
        int next = cursor;
        for (int k = 0; k < pool.size() && chosen.size() < g; k++) {
            int at = (cursor + k) % pool.size();
            if (received.contains(pool.get(at).id())) continue;
            chosen.add(pool.get(at));
            next = (at + 1) % pool.size();
        }
        if (chosen.size() < g) {
            // The pool is large enough for each annotator alone, but these annotators received different ones.
            throw Refusal.invalid(Refusal.Setting.GOLD_RATE, n -> "gold pool too small: batch " + batchName + " needs " + g + " gold items that none of "
                    + String.join(", ", annotators) + " has received, " + chosen.size() + " of the " + pool.size()
                    + " in the gold file are left for them (no annotator may receive the same gold item twice). Nothing was "
                    + "imported; give more gold items, a lower " + n + " or larger batches.");
        }
        cursor = next;

        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < regular.size() + g; i++) slots.add(i);
        Collections.shuffle(slots, random("batch\n" + batchName));
        Set<Integer> goldSlots = new TreeSet<>(slots.subList(0, g));

        List<Item> out = new ArrayList<>(regular.size() + g);
        Set<String> goldIds = new LinkedHashSet<>();
        int r = 0;
        int q = 0;
        for (int i = 0; i < regular.size() + g; i++) {
            if (goldSlots.contains(i)) {
                Item item = chosen.get(q++);
                out.add(item);
                goldIds.add(item.id());
            } else {
                out.add(regular.get(r++));
            }
        }
        return new Mixed(out, goldIds);
    }

    private Random random(String purpose) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((purpose + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) seed = (seed << 8) | (d[i] & 0xff);
            return new Random(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

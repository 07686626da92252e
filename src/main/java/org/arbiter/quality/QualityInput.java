package org.arbiter.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

/**
 * What the quality report reads: the items (with gold and prior labels) and the current judgments, one per
 * annotator and item (the newest version). Items are keyed by (batch, id); a judgment whose item is absent
 * is kept for the annotator tallies but has no responses, so it counts nowhere models or steps are needed.
 */
public final class QualityInput {
    private final List<Item> items;
    private final List<Judgment> judgments;
    private final Map<String, Item> byKey = new LinkedHashMap<>();
    private final Map<String, List<Judgment>> judgmentsByItem = new LinkedHashMap<>();
    private volatile Map<String, List<Item>> itemsByBatch;
    private volatile Map<String, List<Judgment>> judgmentsByBatch;

    public QualityInput(List<Item> items, List<Judgment> judgments) {
        this.items = List.copyOf(items);
        // One judgment per annotator and item: if several versions were passed, the newest wins.
        Map<String, Judgment> current = new LinkedHashMap<>();
        for (Judgment j : judgments) {
            String k = key(j.batch(), j.itemId()) + "\u0000" + j.annotator();
            Judgment old = current.get(k);
            if (old == null || old.version() < j.version()) current.put(k, j);
        }
        this.judgments = List.copyOf(current.values());
        for (Item i : this.items) byKey.put(key(i.batch(), i.id()), i);
        for (Judgment j : this.judgments) {
            judgmentsByItem.computeIfAbsent(key(j.batch(), j.itemId()), x -> new ArrayList<>()).add(j);
        }
    }

    static String key(String batch, String itemId) {
        return batch + "/" + itemId;
    }

    public List<Item> items() {
        return items;
    }

    public List<Judgment> judgments() {
        return judgments;
    }

    public Item item(Judgment j) {
        return byKey.get(key(j.batch(), j.itemId()));
    }

    /** The judgments of one item, in input order. */
    public List<Judgment> judgmentsOf(Item item) {
        return judgmentsByItem.getOrDefault(key(item.batch(), item.id()), List.of());
    }

    public List<String> annotators() {
        TreeSet<String> names = new TreeSet<>();
        for (Judgment j : judgments) names.add(j.annotator());
        return new ArrayList<>(names);
    }

    /** Batches in item order, then any batch known only from judgments. */
    public List<String> batches() {
        // a set, not List.contains: a lab has a thousand batches and a million judgments
        Set<String> out = new LinkedHashSet<>();
        for (Item i : items) out.add(i.batch());
        for (Judgment j : judgments) out.add(j.batch());
        return new ArrayList<>(out);
    }

    /** Items that have at least one judgment, each once, in item order. */
    public List<Item> judgedItems() {
        List<Item> out = new ArrayList<>();
        for (Item i : items) if (judgmentsByItem.containsKey(key(i.batch(), i.id()))) out.add(i);
        return out;
    }

    public QualityInput onlyBatch(String batch) {
        // grouped once: the report asks for every batch in turn, and filtering everything each time is quadratic
        Map<String, List<Item>> items = itemsByBatch;
        Map<String, List<Judgment>> judgments = judgmentsByBatch;
        if (items == null || judgments == null) {
            items = new HashMap<>();
            for (Item i : this.items) items.computeIfAbsent(i.batch(), x -> new ArrayList<>()).add(i);
            judgments = new HashMap<>();
            for (Judgment j : this.judgments) judgments.computeIfAbsent(j.batch(), x -> new ArrayList<>()).add(j);
            itemsByBatch = items;
            judgmentsByBatch = judgments;
        }
        return new QualityInput(items.getOrDefault(batch, List.of()), judgments.getOrDefault(batch, List.of()));
    }
}

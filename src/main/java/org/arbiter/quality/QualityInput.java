package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        List<String> out = new ArrayList<>();
        for (Item i : items) if (!out.contains(i.batch())) out.add(i.batch());
        for (Judgment j : judgments) if (!out.contains(j.batch())) out.add(j.batch());
        return out;
    }

    /** Items that have at least one judgment, each once, in item order. */
    public List<Item> judgedItems() {
        List<Item> out = new ArrayList<>();
        for (Item i : items) if (judgmentsByItem.containsKey(key(i.batch(), i.id()))) out.add(i);
        return out;
    }

    public QualityInput onlyBatch(String batch) {
        return new QualityInput(items.stream().filter(i -> i.batch().equals(batch)).toList(),
                judgments.stream().filter(j -> Objects.equals(j.batch(), batch)).toList());
    }
}

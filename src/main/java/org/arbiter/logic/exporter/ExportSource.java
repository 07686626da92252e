package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.PriorLabel;
import org.arbiter.store.LocalStore;

/**
 * The labels an export reads from a store, restricted to a label scope and optionally to some batches.
 * Items are loaded one batch at a time, so a big store is never held whole in memory twice.
 */
public final class ExportSource {
    private final LabelStore store;
    private final LabelScope scope;
    private final Set<String> batches;
    private final ConsensusLabeller consensus;

    /**
     * Makes the consensus labels of one batch: one verdict per item that has a consensus. Supplied by the
     * quality module, so the exporter knows no statistics.
     */
    @FunctionalInterface
    public interface ConsensusLabeller {
        List<Verdict> label(List<Item> items, List<Judgment> currentJudgments);
    }

    /**
     * @param batches the batches to export, or empty for all
     * @throws IllegalArgumentException when a named batch is not in the store
     */
    public ExportSource(LocalStore store, LabelScope scope, Set<String> batches) {
        this(store, scope, batches, null);
    }

    /**
     * @param consensus makes the labels of {@link LabelScope#CONSENSUS}; may be null for the other scopes
     * @throws IllegalArgumentException when a named batch is not in the store, or consensus labels are
     *                                  asked for without a labeller
     */
    public ExportSource(LocalStore store, LabelScope scope, Set<String> batches, ConsensusLabeller consensus) {
        this(LabelStore.of(store), scope, batches, consensus);
    }

    /** The same over any store, e.g. the lab server's database. */
    public ExportSource(LabelStore store, LabelScope scope, Set<String> batches, ConsensusLabeller consensus) {
        if (scope.consensus() && consensus == null) {
            throw new IllegalArgumentException("consensus labels need the consensus labeller of the quality report");
        }
        this.store = store;
        this.scope = scope;
        this.consensus = consensus;
        List<String> known = store.batches();
        Set<String> wanted = new LinkedHashSet<>();
        for (String b : batches) {
            if (!known.contains(b)) {
                throw new IllegalArgumentException("the store has no batch \"" + b + "\"; it has: "
                        + (known.isEmpty() ? "no batches" : String.join(", ", known)));
            }
            wanted.add(b);
        }
        this.batches = wanted;
    }

    public LabelScope scope() {
        return scope;
    }

    private boolean wanted(String batch) {
        return batches.isEmpty() || batches.contains(batch);
    }

    /**
     * Every version of every expert judgment, oldest first (nothing when the scope excludes experts).
     * Judgments are streamed: they need no items.
     */
    public void forEachVersion(Consumer<Judgment> sink) {
        if (!scope.expert()) return;
        store.forEachVersion(j -> {
            if (wanted(j.batch())) sink.accept(j);
        });
    }

    /** Every prior label with its item, batch by batch in import order (nothing when the scope excludes them). */
    public void forEachPrior(BiConsumer<Item, PriorLabel> sink) {
        if (!scope.prior()) return;
        for (String batch : store.batches()) {
            if (!wanted(batch)) continue;
            for (Item item : store.items(batch)) {
                for (PriorLabel p : item.priorLabels()) sink.accept(item, p);
            }
        }
    }

    /**
     * Every item of the wanted batches with its labels in scope, batch by batch in import order: the current
     * expert judgments on it, its prior labels, or (consensus scope) its consensus label as a prior label of
     * source "consensus". A judgment whose item is missing is reported to the sink's {@link RowSink#problem}.
     */
    public void forEachItem(RowSink sink, Consumer<ItemLabels> consumer) {
        Map<String, List<Judgment>> byBatch = new LinkedHashMap<>();
        if (scope.expert() || scope.consensus()) {
            for (Judgment j : store.current()) {
                if (wanted(j.batch())) byBatch.computeIfAbsent(j.batch(), b -> new ArrayList<>()).add(j);
            }
        }
        for (String batch : store.batches()) {
            if (!wanted(batch)) continue;
            List<Item> items = store.items(batch);
            List<Judgment> judgments = byBatch.getOrDefault(batch, List.of());
            Map<String, List<Judgment>> byItem = new HashMap<>();
            for (Judgment j : judgments) byItem.computeIfAbsent(j.itemId(), k -> new ArrayList<>()).add(j);
            Map<String, List<PriorLabel>> consensusOf = new HashMap<>();
            if (scope.consensus()) {
                for (Verdict v : consensus.label(items, judgments)) {
                    consensusOf.computeIfAbsent(v.item().id(), k -> new ArrayList<>()).add(new PriorLabel("consensus",
                            v.preference(), v.stepLabels(), Map.of("labeler", "consensus")));
                }
            }
            for (Item item : items) {
                List<Judgment> js = scope.expert() ? byItem.getOrDefault(item.id(), List.of()) : List.of();
                List<PriorLabel> ps = scope.prior() ? item.priorLabels() : consensusOf.getOrDefault(item.id(), List.of());
                byItem.remove(item.id());
                consumer.accept(new ItemLabels(item, js, ps));
            }
            if (scope.expert()) {
                for (List<Judgment> orphans : byItem.values()) {
                    for (Judgment j : orphans) {
                        sink.problem("judgment " + j.judgmentId() + " by " + j.annotator() + ": item " + batch + "/"
                                + j.itemId() + " is not in the store");
                    }
                }
            }
        }
    }

    /**
     * The labels the training formats are made of, batch by batch: the current expert judgments (newest
     * version of each judgment id, one per annotator and item) in submission order, then the batch's prior
     * labels in import order; with {@link LabelScope#CONSENSUS}, the consensus labels of each batch instead
     * (judgments whose item is missing are left out of it). A verdict the consumer cannot write ({@link UnwritableRow}) and a judgment
     * whose item is missing are reported to the sink's {@link RowSink#problem}, and the export goes on.
     */
    public void forEachVerdict(RowSink sink, Consumer<Verdict> consumer) {
        Map<String, List<Judgment>> byBatch = new LinkedHashMap<>();
        if (scope.expert() || scope.consensus()) {
            for (Judgment j : store.current()) {
                if (wanted(j.batch())) byBatch.computeIfAbsent(j.batch(), b -> new ArrayList<>()).add(j);
            }
        }
        List<String> order = new ArrayList<>(store.batches());
        for (String b : byBatch.keySet()) if (!order.contains(b)) order.add(b);
        for (String batch : order) {
            if (!wanted(batch)) continue;
            List<Judgment> judgments = byBatch.getOrDefault(batch, List.of());
            if (judgments.isEmpty() && !scope.prior()) continue;
            List<Item> items = store.items(batch);
            Map<String, Item> byId = new HashMap<>();
            for (Item i : items) byId.put(i.id(), i);
            if (scope.consensus()) {
                for (Verdict v : consensus.label(items, judgments)) deliver(v, sink, consumer);
                continue;
            }
            for (Judgment j : judgments) {
                Item item = byId.get(j.itemId());
                if (item == null) {
                    sink.problem("judgment " + j.judgmentId() + " by " + j.annotator() + ": item " + batch + "/"
                            + j.itemId() + " is not in the store");
                    continue;
                }
                deliver(Verdict.of(item, j), sink, consumer);
            }
            if (scope.prior()) {
                for (Item item : items) {
                    for (PriorLabel p : item.priorLabels()) deliver(Verdict.of(item, p), sink, consumer);
                }
            }
        }
    }

    private static void deliver(Verdict v, RowSink sink, Consumer<Verdict> consumer) {
        try {
            consumer.accept(v);
        } catch (UnwritableRow e) {
            sink.problem(v.describe() + ": " + e.getMessage());
        }
    }
}

package org.arbiter.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.store.LocalStore;

/**
 * One annotator's batch in order: which items the filter lets through, which still need work, where Enter
 * and Backspace go next, and the progress counts. Every move is one wrap-around scan.
 */
final class ReviewQueue {
    private final LocalStore store;
    private final String batch;
    private final String annotator;
    private final List<Item> items;
    private final Map<String, Integer> indexById = new HashMap<>();
    /** Items left by Enter, skip or a jump, most recent first: Backspace returns along them. */
    private final Deque<Integer> history = new ArrayDeque<>();
    private QueueFilter filter = QueueFilter.ALL;
    /** This annotator's latest judgment per item of the batch; null when it must be read again. */
    private Map<String, Judgment> latestCache;

    ReviewQueue(LocalStore store, String batch, String annotator) {
        this.store = store;
        this.batch = batch;
        this.annotator = annotator;
        // Gold answers and earlier labels stay out of the session: the expert judges blind.
        this.items = store.items().batch(batch).stream().map(Item::withoutHiddenLabels).toList();
        if (items.isEmpty()) throw new IllegalArgumentException("batch \"" + batch + "\" has no items in " + store.file());
        for (int i = 0; i < items.size(); i++) indexById.put(items.get(i).id(), i);
    }

    int size() {
        return items.size();
    }

    Item item(int i) {
        return items.get(i);
    }

    Optional<Integer> indexOf(String itemId) {
        return Optional.ofNullable(indexById.get(itemId));
    }

    QueueFilter filter() {
        return filter;
    }

    void setFilter(QueueFilter f) {
        filter = f;
    }

    /** Judgments and skips are read again at the next question (after a sync or an import). */
    void refresh() {
        latestCache = null;
    }

    /** The judgment just written is the item's latest, without reading the store again. */
    void submitted(Judgment j) {
        Map<String, Judgment> latest = new HashMap<>(latestJudgments());
        latest.put(j.itemId(), j);
        latestCache = Map.copyOf(latest);
    }

    // ---------------------------------------------------------------- where to go

    /** The first item this annotator has neither judged nor skipped. */
    Optional<Integer> firstNeedingWork() {
        return firstFrom(0, items.size(), needsWork());
    }

    /** The next item after {@code from} that still needs work (wrapping), else under FLAGGED the next flagged one. */
    Optional<Integer> nextAfter(int from) {
        return firstFrom(from + 1, items.size() - 1, filter == QueueFilter.FLAGGED ? matchesFilter() : needsWork());
    }

    /** {@code from} itself if the filter lets it through, else the next item that it does (wrapping). */
    Optional<Integer> firstMatching(int from) {
        return firstFrom(from, items.size(), matchesFilter());
    }

    boolean matches(int i) {
        return matchesFilter().test(i);
    }

    /** The one wrap-around scan: {@code count} items from {@code start} on, the first that passes. */
    private Optional<Integer> firstFrom(int start, int count, IntPredicate passes) {
        for (int k = 0; k < count; k++) {
            int i = (start + k) % items.size();
            if (passes.test(i)) return Optional.of(i);
        }
        return Optional.empty();
    }

    private IntPredicate needsWork() {
        Map<String, Judgment> latest = latestJudgments();
        Map<String, String> skipped = store.skips().inBatch(batch, annotator);
        return i -> !latest.containsKey(items.get(i).id()) && !skipped.containsKey(items.get(i).id());
    }

    private IntPredicate matchesFilter() {
        Map<String, Judgment> latest = latestJudgments();
        QueueFilter f = filter;
        return i -> {
            Judgment j = latest.get(items.get(i).id());
            return switch (f) {
                case ALL -> true;
                case UNJUDGED -> j == null;
                case FLAGGED -> j != null && !j.flags().isEmpty();
            };
        };
    }

    // ---------------------------------------------------------------- history

    void left(int index) {
        history.push(index);
    }

    /** Where Backspace goes: the item last left, else the one before {@code current}; empty on the first item. */
    Optional<Integer> previous(int current) {
        Integer target = history.peek();
        if (target == null && current > 0) target = current - 1;
        return Optional.ofNullable(target);
    }

    /** Backspace arrived where {@link #previous} said. */
    void wentBack() {
        if (!history.isEmpty()) history.pop();
    }

    // ---------------------------------------------------------------- what the queue panel and status bar show

    /** The batch in order with each item's status, filtered as the queue is. */
    List<QueueEntry> entries(int current) {
        Map<String, Judgment> latest = latestJudgments();
        Map<String, String> skipped = store.skips().inBatch(batch, annotator);
        IntPredicate matches = matchesFilter();
        List<QueueEntry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!matches.test(i)) continue;
            String id = items.get(i).id();
            Judgment j = latest.get(id);
            out.add(new QueueEntry(id, i + 1, j != null, j != null && !j.flags().isEmpty(), skipped.containsKey(id), i == current));
        }
        return out;
    }

    /** Items of the batch without a judgment by this annotator. */
    int itemsLeft() {
        Map<String, Judgment> latest = latestJudgments();
        return (int) items.stream().filter(it -> !latest.containsKey(it.id())).count();
    }

    /** Mean active time over the judged items of the batch. */
    long averageActiveMs() {
        Map<String, Judgment> latest = latestJudgments();
        return latest.isEmpty() ? 0 : Math.round(latest.values().stream().mapToLong(Judgment::activeMs).average().orElse(0));
    }

    private Map<String, Judgment> latestJudgments() {
        if (latestCache != null) return latestCache;
        Map<String, Judgment> out = new HashMap<>();
        for (Judgment j : store.judgments().current()) {
            if (j.batch().equals(batch) && j.annotator().equals(annotator)) out.merge(j.itemId(), j, (a, b) -> a.version() >= b.version() ? a : b);
        }
        latestCache = Map.copyOf(out);
        return latestCache;
    }
}

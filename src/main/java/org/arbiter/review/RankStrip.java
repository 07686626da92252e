package org.arbiter.review;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rank strip of a ranking item as the view shows it: every response by its shown number, with its place
 * and which pane shows it.
 *
 * @param entries by shown position
 * @param order   the places best first, each a list of shown numbers (ties share a place)
 */
public record RankStrip(List<Entry> entries, List<List<Integer>> order) {
    /**
     * One response.
     *
     * @param number   its shown number, 1-based
     * @param place    1 = best; 0 while unplaced; tied responses share it
     * @param pane     the pane showing it, null when none does
     * @param focused  it is the focused pane's response
     */
    public record Entry(int number, String responseId, int place, boolean tied, Side pane, boolean focused) {
    }

    public RankStrip {
        entries = List.copyOf(entries);
        order = order.stream().map(List::copyOf).toList();
    }

    static RankStrip of(RankPanes panes, RankOrder order, Side focused) {
        List<String> ids = panes.shown().stream().map(r -> r.id()).toList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Side pane = panes.position(Side.LEFT) == i ? Side.LEFT : panes.position(Side.RIGHT) == i ? Side.RIGHT : null;
            entries.add(new Entry(i + 1, id, order.rankOf(id), order.isTied(id), pane, pane == focused));
        }
        List<List<Integer>> places = order.tiers().stream().map(t -> t.stream().map(id -> ids.indexOf(id) + 1).toList()).toList();
        return new RankStrip(entries, places);
    }

    /** Every response is placed. */
    public boolean complete() {
        return entries.stream().allMatch(e -> e.place() > 0);
    }

    /** The order in shown numbers, "3 > 1 = 4 > 2", with what is still unplaced: "· unplaced 2". */
    public String orderText() {
        String placed = order.stream().map(t -> t.stream().map(String::valueOf).collect(Collectors.joining(" = ")))
                .collect(Collectors.joining(" > "));
        String unplaced = entries.stream().filter(e -> e.place() == 0).map(e -> String.valueOf(e.number())).collect(Collectors.joining(", "));
        if (placed.isEmpty()) placed = "nothing placed yet";
        return unplaced.isEmpty() ? placed : placed + " · unplaced " + unplaced;
    }
}

package org.arbiter.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order an expert is building over the responses of a ranking item: tiers best first (a tier of several
 * ids is a tie), holding only the responses placed so far. Immutable, so it is part of the {@link Labels}
 * that undo and the draft keep; every move returns a new order (the same one when the move does nothing).
 *
 * <p>Moves are one place at a time, as the expert compares two responses side by side: a response leaves a
 * tie before it passes a neighbour, and an unplaced response enters at the bottom.
 */
public record RankOrder(List<List<String>> tiers) {
    public static final RankOrder EMPTY = new RankOrder(List.of());

    public RankOrder {
        List<List<String>> copy = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<String> t : tiers) {
            if (t.isEmpty()) continue;
            for (String id : t) if (!seen.add(id)) throw new IllegalArgumentException("response " + id + " is placed twice");
            copy.add(List.copyOf(t));
        }
        tiers = List.copyOf(copy);
    }

    public boolean isEmpty() {
        return tiers.isEmpty();
    }

    /** 1-based rank of the response's tier; 0 while it is not placed. */
    public int rankOf(String id) {
        for (int i = 0; i < tiers.size(); i++) if (tiers.get(i).contains(id)) return i + 1;
        return 0;
    }

    /** The response shares its place with another. */
    public boolean isTied(String id) {
        int r = rankOf(id);
        return r > 0 && tiers.get(r - 1).size() > 1;
    }

    /** The ids of {@code all} not placed yet, in the order given. */
    public List<String> unplaced(List<String> all) {
        return all.stream().filter(id -> rankOf(id) == 0).toList();
    }

    /**
     * One place better: an unplaced response enters as the new last place; a tied one leaves its tie for a place
     * of its own just above it; one alone passes the place above it.
     */
    public RankOrder up(String id) {
        int r = rankOf(id);
        List<List<String>> t = mutable();
        if (r == 0) {
            t.add(new ArrayList<>(List.of(id)));
        } else if (t.get(r - 1).size() > 1) {
            t.get(r - 1).remove(id);
            t.add(r - 1, new ArrayList<>(List.of(id)));
        } else if (r > 1) {
            t.add(r - 2, t.remove(r - 1));
        }
        return new RankOrder(t);
    }

    /** One place worse: a tied response leaves its tie for a place just below it; one alone passes the place below. */
    public RankOrder down(String id) {
        int r = rankOf(id);
        if (r == 0) return this;
        List<List<String>> t = mutable();
        if (t.get(r - 1).size() > 1) {
            t.get(r - 1).remove(id);
            t.add(r, new ArrayList<>(List.of(id)));
        } else if (r < t.size()) {
            t.add(r, t.remove(r - 1));
        }
        return new RankOrder(t);
    }

    /**
     * Ties the response with its neighbour, or unties it: an unplaced one joins the last place; one alone joins
     * the place above (the best one, having none above, joins the place below); a tied one leaves its tie for a
     * place of its own just below, so pressing the key twice gives the order back.
     */
    public RankOrder tie(String id) {
        int r = rankOf(id);
        List<List<String>> t = mutable();
        if (r == 0) {
            if (t.isEmpty()) t.add(new ArrayList<>());
            t.get(t.size() - 1).add(id);
        } else if (t.get(r - 1).size() > 1) {
            return down(id);
        } else if (r > 1) {
            t.remove(r - 1);
            t.get(r - 2).add(id);
        } else if (t.size() > 1) {
            t.remove(0);
            t.get(0).add(0, id);
        }
        return new RankOrder(t);
    }

    /** Every one of {@code all} is placed (and nothing else). */
    public boolean covers(List<String> all) {
        return unplaced(all).isEmpty() && tiers.stream().mapToInt(List::size).sum() == all.size();
    }

    private List<List<String>> mutable() {
        List<List<String>> t = new ArrayList<>();
        for (List<String> tier : tiers) t.add(new ArrayList<>(tier));
        return t;
    }
}

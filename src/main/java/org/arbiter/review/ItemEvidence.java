package org.arbiter.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.ShownEvidence;

/**
 * What the checks have said so far about the responses of the item on screen. Results arrive one by one from
 * a background runner (the window hands them to the session on its own thread); a later result of the same
 * kind for the same response replaces the earlier one. Review may not use the evidence package, so it holds
 * the model's {@link ShownEvidence}: the window converts.
 */
final class ItemEvidence {
    private final String itemId;
    private final List<ShownEvidence> shown = new ArrayList<>();

    ItemEvidence(String itemId) {
        this.itemId = itemId;
    }

    /** False when the result belongs to another item (one the expert has already left) or another response. */
    boolean add(String forItem, ShownEvidence e, Item item) {
        if (!itemId.equals(forItem)) return false;
        boolean known = item.response(e.responseId()).isPresent();
        if (!known) return false;
        shown.removeIf(x -> x.responseId().equals(e.responseId()) && x.kind().equals(e.kind()));
        shown.add(e);
        return true;
    }

    List<ShownEvidence> all() {
        return List.copyOf(shown);
    }

    /**
     * Why submitting these labels goes against the evidence, or empty when it does not: a pair whose preferred
     * side fails where the other passes (code) or mismatches where the other matches (math); a single math
     * response whose steps are all marked correct while its final answer mismatches.
     *
     * @param leftId the response shown on the left (for the words of the notice)
     */
    Optional<Against> against(Item item, Labels labels, String leftId) {
        if (item.isPair()) {
            Preference p = labels.preference();
            if (p == null || p.direction() == 0) return Optional.empty();
            String a = item.a().id();
            String b = item.b().orElseThrow().id();
            String winner = ShownEvidence.decisiveFor(shown, a, b);
            if (winner == null) return Optional.empty();
            String preferred = p.direction() < 0 ? a : b;
            if (preferred.equals(winner)) return Optional.empty();
            List<ShownEvidence> losing = new ArrayList<>();
            StringBuilder loser = new StringBuilder();
            StringBuilder other = new StringBuilder();
            for (ShownEvidence e : shown) {
                if (e.responseId().equals(preferred) && e.unfavourable()) {
                    losing.add(e);
                    ShownEvidence w = ShownEvidence.first(shown, e.kind(), winner);
                    join(loser, describe(e));
                    if (w != null) join(other, describe(w));
                }
            }
            String text = side(preferred, leftId) + " " + loser + "; " + side(winner, leftId) + " " + other
                    + " — Enter again to submit anyway";
            return Optional.of(new Against(text, losing));
        }
        String id = item.a().id();
        ShownEvidence math = ShownEvidence.first(shown, ShownEvidence.MATH, id);
        if (math == null || !"mismatch".equals(math.verdict())) return Optional.empty();
        Map<Integer, StepMark> marks = labels.marks(id);
        if (marks.isEmpty() || marks.values().stream().anyMatch(m -> m.rating() != Rating.CORRECT)) return Optional.empty();
        String text = "the final answer " + math.answer() + " differs from the reference " + math.reference()
                + ": no step marked incorrect — Enter again to submit anyway";
        return Optional.of(new Against(text, List.of(math)));
    }

    /**
     * Why a ranking goes against the evidence, or empty: it places a response above one that the evidence
     * decides for between the two (as {@link #against} for a pair). The first such pair in shown order is named.
     *
     * @param shownIds the responses by shown number (the words of the notice)
     */
    Optional<Against> againstRanking(Labels labels, List<String> shownIds) {
        RankOrder order = labels.order();
        for (String high : shownIds) {
            for (String low : shownIds) {
                int above = order.rankOf(high);
                int below = order.rankOf(low);
                if (above == 0 || below == 0 || above >= below || !low.equals(ShownEvidence.decisiveFor(shown, high, low))) continue;
                List<ShownEvidence> losing = new ArrayList<>();
                StringBuilder loser = new StringBuilder();
                StringBuilder other = new StringBuilder();
                for (ShownEvidence e : shown) {
                    if (!e.responseId().equals(high) || !e.unfavourable()) continue;
                    losing.add(e);
                    join(loser, describe(e));
                    ShownEvidence w = ShownEvidence.first(shown, e.kind(), low);
                    if (w != null) join(other, describe(w));
                }
                String h = "response " + (shownIds.indexOf(high) + 1);
                String l = "response " + (shownIds.indexOf(low) + 1);
                return Optional.of(new Against(h + " is placed above " + l + ", but " + h + " " + loser + "; " + l + " " + other
                        + " — Enter again to submit anyway", losing));
            }
        }
        return Optional.empty();
    }

    /** The notice for the status line and the evidence the expert would confirm against. */
    record Against(String notice, List<ShownEvidence> evidence) {
    }

    /** The evidence as recorded with the judgment; {@code against} marked as confirmed against, for the reason. */
    List<ShownEvidence> recorded(List<ShownEvidence> against, String reason) {
        List<ShownEvidence> out = new ArrayList<>();
        for (ShownEvidence e : shown) out.add(against.contains(e) ? e.confirmedAgainst(reason) : e);
        return out;
    }

    private static void join(StringBuilder sb, String s) {
        if (!sb.isEmpty()) sb.append(", ");
        sb.append(s);
    }

    private static String side(String responseId, String leftId) {
        return responseId.equals(leftId) ? "left" : "right";
    }

    /** A short phrase for one piece of evidence: "fails test 3", "passes 7/7", "answer 12 ≠ reference 14". */
    static String describe(ShownEvidence e) {
        if (ShownEvidence.MATH.equals(e.kind())) {
            return switch (e.verdict()) {
                case "match" -> "answer " + e.answer() + " matches the reference";
                case "mismatch" -> "answer " + e.answer() + " differs from the reference " + e.reference();
                case "no_answer" -> "has no final answer";
                default -> "answer " + e.answer() + " " + e.verdict().replace('_', ' ');
            };
        }
        boolean counted = e.testsPassed() != null && e.testsTotal() != null;
        return switch (e.verdict()) {
            case "passed" -> counted ? "passes " + e.testsPassed() + "/" + e.testsTotal() : "passes its tests";
            case "failed" -> counted ? "fails test " + (e.testsPassed() + 1) + " of " + e.testsTotal() : "fails its tests";
            default -> e.verdict().replace('_', ' ');
        };
    }
}

package org.arbiter.review;

import java.util.List;

/**
 * What the ranking keys do on the item on screen: bring a response into the focused pane, move the focused
 * response in the order, tie it. The order is a label (undone, saved in the draft); which pane shows which
 * response is not.
 */
final class RankKeys {
    private RankKeys() {
    }

    static boolean isRankKey(Action a) {
        return a.group().equals("Ranking");
    }

    /** Applies a ranking key; returns the notice for the status line, or null. */
    static String apply(Action a, OpenItem open, StepFocus focus) {
        if (!open.item().isRanking()) return "ranking keys work on items with three or more responses";
        RankPanes panes = open.panes();
        Side side = focus.side();
        String id = open.response(side).id();
        int number = panes.positionOf(id) + 1;
        return switch (a) {
            case RANK_UP -> open.rank(o -> o.up(id)) ? null
                    : "response " + number + " is already in the best place";
            case RANK_DOWN -> open.labels().order().rankOf(id) == 0 ? "response " + number + " is not placed yet: K places it last"
                    : open.rank(o -> o.down(id)) ? null : "response " + number + " is already in the last place";
            case RANK_TIE -> open.rank(o -> o.tie(id)) ? null : "response " + number + " is the only one placed: nothing to tie it with";
            case NEXT_RESPONSE -> show(open, focus, panes.neighbour(side, 1));
            case PREV_RESPONSE -> show(open, focus, panes.neighbour(side, -1));
            default -> a.responseNumber() > panes.shown().size()
                    ? "this item has " + panes.shown().size() + " responses"
                    : show(open, focus, a.responseNumber() - 1);
        };
    }

    /** Puts the response at {@code position} in the focused pane; one already in the other pane takes the focus. */
    private static String show(OpenItem open, StepFocus focus, int position) {
        RankPanes panes = open.panes();
        Side side = focus.side();
        if (panes.position(side.other()) == position) {
            focus.switchSide();
            return null;
        }
        if (panes.position(side) == position) return null;
        panes.show(side, position, focus.step(side));
        List<?> steps = open.steps(side);
        focus.replace(side, steps.size(), panes.rememberedStep(open.response(side).id()));
        return null;
    }
}

package org.arbiter.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Response;

/**
 * Which two of a ranking item's responses the panes show, by shown position (0-based here, 1-based on
 * screen), and the step each response had outlined when it left a pane, so reading resumes where it stopped.
 * A pair is the same with its two positions fixed. Not a label: switching panes is neither undone nor saved.
 */
final class RankPanes {
    private final List<Response> shown;
    private final Map<String, Integer> stepOf = new HashMap<>();
    private int left;
    private int right;

    /** @param shown the responses in the order of their shown positions; the panes start on the first two */
    RankPanes(List<Response> shown) {
        this.shown = List.copyOf(shown);
        this.left = 0;
        this.right = shown.size() > 1 ? 1 : 0;
    }

    List<Response> shown() {
        return shown;
    }

    int position(Side side) {
        return side == Side.LEFT ? left : right;
    }

    Response response(Side side) {
        return shown.get(position(side));
    }

    /** The shown position of a response, 0-based; -1 when the item has no such response. */
    int positionOf(String responseId) {
        for (int i = 0; i < shown.size(); i++) if (shown.get(i).id().equals(responseId)) return i;
        return -1;
    }

    /**
     * Puts the response at {@code position} in the pane on {@code side}, remembering the outlined step of the
     * response it replaces. The caller makes sure the other pane does not show it.
     */
    void show(Side side, int position, int stepOfLeaving) {
        stepOf.put(response(side).id(), stepOfLeaving);
        if (side == Side.LEFT) left = position;
        else right = position;
    }

    /** The position after (delta 1) or before (−1) the one on {@code side}, passing over the other pane's. */
    int neighbour(Side side, int delta) {
        int n = shown.size();
        int p = position(side);
        do {
            p = Math.floorMod(p + delta, n);
        } while (p == position(side.other()));
        return p;
    }

    /** The step outlined when this response last left a pane; 0 the first time. */
    int rememberedStep(String responseId) {
        return stepOf.getOrDefault(responseId, 0);
    }
}

package org.arbiter.gui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import org.arbiter.review.RankStrip;
import org.arbiter.review.ReviewState;
import org.arbiter.review.Side;

/**
 * Over each pane of a ranking item, which response it shows and its place ("Response 3 · #1"), since the
 * panes change under the expert's keys; hidden for pairs and single paths.
 */
final class RankPaneHeads extends GridPane {
    private final Label left = new Label();
    private final Label right = new Label();

    RankPaneHeads() {
        setId("rank-pane-heads");
        getStyleClass().add("rank-pane-heads");
        left.setId("rank-head-left");
        right.setId("rank-head-right");
        setPadding(new Insets(2, 8, 2, 8));
        setHgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            getColumnConstraints().add(c);
        }
        add(left, 0, 0);
        add(right, 1, 0);
        setVisible(false);
        setManaged(false);
    }

    void show(ReviewState s) {
        RankStrip strip = s.open().rankStrip();
        setVisible(strip != null);
        setManaged(strip != null);
        if (strip == null) return;
        for (RankStrip.Entry e : strip.entries()) {
            if (e.pane() == null) continue;
            Label l = e.pane() == Side.LEFT ? left : right;
            l.setText((e.focused() ? "▸ " : "") + "Response " + e.number() + " of " + strip.entries().size() + " · "
                    + (e.place() == 0 ? "not placed" : "place " + e.place() + (e.tied() ? " (tied)" : "")));
            l.getStyleClass().remove("rank-head-focused");
            if (e.focused()) l.getStyleClass().add("rank-head-focused");
        }
    }
}

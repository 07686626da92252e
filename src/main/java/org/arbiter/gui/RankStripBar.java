package org.arbiter.gui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.arbiter.review.RankStrip;
import org.arbiter.review.ReviewState;
import org.arbiter.review.Side;

/**
 * The rank strip of a ranking item, in place of the pair's scale: one chip per response by its shown number
 * with its place ("3 · #1", "4 · #2=" when tied, "2 · –" unplaced) and which pane shows it (◀ left, ▶ right),
 * then the order so far in shown numbers. Marks are symbols as well as colour.
 */
final class RankStripBar extends HBox {
    static final String STYLE_CLASS = "rank-strip";
    static final String ENTRY = "rank-entry";
    static final String IN_PANE = "rank-in-pane";
    static final String FOCUSED = "rank-focused";
    static final String UNPLACED = "rank-unplaced";

    private final HBox chips = new HBox(6);
    private final Label order = new Label();

    RankStripBar() {
        getStyleClass().add(STYLE_CLASS);
        setId("rank-strip");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        chips.setAlignment(Pos.CENTER_LEFT);
        order.setId("rank-order");
        Label title = new Label("Rank");
        title.getStyleClass().add("rank-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(title, chips, grow, order);
        showNothing();
    }

    void show(ReviewState s) {
        RankStrip strip = s.open().rankStrip();
        if (strip == null) {
            showNothing();
            return;
        }
        setVisible(true);
        setManaged(true);
        List<Label> labels = new ArrayList<>();
        for (RankStrip.Entry e : strip.entries()) {
            Label l = new Label(text(e));
            l.setId("rank-entry-" + e.number());
            l.getStyleClass().add(ENTRY);
            if (e.pane() != null) l.getStyleClass().add(IN_PANE);
            if (e.focused()) l.getStyleClass().add(FOCUSED);
            if (e.place() == 0) l.getStyleClass().add(UNPLACED);
            labels.add(l);
        }
        chips.getChildren().setAll(labels);
        order.setText("order: " + strip.orderText() + (strip.complete() ? "  ✓ Enter submits" : ""));
    }

    /** What one chip says, e.g. "◀ 3 · #1" or "4 · #2=". */
    static String text(RankStrip.Entry e) {
        String pane = e.pane() == Side.LEFT ? "◀ " : e.pane() == Side.RIGHT ? "▶ " : "";
        String place = e.place() == 0 ? "–" : "#" + e.place() + (e.tied() ? "=" : "");
        return pane + e.number() + " · " + place;
    }

    private void showNothing() {
        setVisible(false);
        setManaged(false);
        chips.getChildren().clear();
        order.setText("");
    }
}

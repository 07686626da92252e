package org.arbiter.gui;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.arbiter.review.Keymap;

/** Every key on one page (? or F1): the review keymap plus the window's own keys ({@link WindowKey}). */
final class HelpOverlay extends StackPane {
    static final String STYLE_CLASS = "help-overlay";

    HelpOverlay() {
        getStyleClass().add(STYLE_CLASS);
        setVisible(false);
        setId("help-overlay");
    }

    void show(Keymap keymap) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(3);
        int row = 0;
        String group = null;
        List<Keymap.HelpRow> rows = new java.util.ArrayList<>(keymap.describe());
        rows.addAll(WindowKey.helpRows());
        for (Keymap.HelpRow r : rows) {
            if (!r.group().equals(group)) {
                group = r.group();
                Label g = new Label(group);
                g.getStyleClass().add("help-group");
                grid.add(g, 0, row++, 2, 1);
            }
            Label keys = new Label(r.keys());
            keys.getStyleClass().add("help-keys");
            grid.add(keys, 0, row);
            grid.add(new Label(r.description()), 1, row++);
        }
        Label title = new Label("Keys — Esc, ? or F1 closes");
        title.getStyleClass().add("help-title");
        VBox box = new VBox(8, title, grid);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("overlay-card");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMaxWidth(760);
        scroll.setMaxHeight(640);
        scroll.setFocusTraversable(false);
        getChildren().setAll(scroll);
        StackPane.setAlignment(scroll, Pos.CENTER);
        setVisible(true);
    }
}

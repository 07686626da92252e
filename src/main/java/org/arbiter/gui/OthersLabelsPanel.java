package org.arbiter.gui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.arbiter.review.OthersLabels;

/**
 * "Adjudication — labels of others": read-only, shown only on items of an adjudication batch; absent (not
 * just empty) everywhere else so it takes no room and gives nothing away.
 */
final class OthersLabelsPanel extends VBox {
    static final String STYLE_CLASS = "others-labels";

    private final Label title = new Label();
    private final Label body = new Label();

    OthersLabelsPanel() {
        setId("others-labels");
        getStyleClass().add(STYLE_CLASS);
        title.getStyleClass().add("others-labels-title");
        body.setWrapText(true);
        getChildren().addAll(title, body);
        show(null);
    }

    void show(OthersLabels labels) {
        boolean on = labels != null;
        setVisible(on);
        setManaged(on);
        if (!on) {
            title.setText("");
            body.setText("");
            return;
        }
        title.setText("Adjudication — labels of others" + (labels.reasons().isEmpty() ? "" : " (" + String.join("; ", labels.reasons()) + ")"));
        body.setText(labels.lines().isEmpty() ? "no labels" : String.join("\n", labels.lines()));
    }

    /** What the panel says, for tests. */
    String text() {
        return isVisible() ? title.getText() + "\n" + body.getText() : "";
    }
}

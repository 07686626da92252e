package org.arbiter.gui;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.arbiter.review.BatchConfig;
import org.arbiter.review.ReviewState;

/** The error categories of the focused step, each with the key that toggles it (the session does the rest). */
final class CategoryPicker extends StackPane {
    CategoryPicker() {
        setVisible(false);
        setId("category-picker");
    }

    void show(ReviewState s) {
        List<String> chosen = s.open().focused().mark(s.open().focused().focusedStep()).categories();
        VBox box = new VBox(4);
        Label title = new Label("Error categories of step " + (s.open().focused().focusedStep() + 1) + " — keys toggle, Enter closes");
        title.getStyleClass().add("help-title");
        box.getChildren().add(title);
        List<BatchConfig.ErrorCategory> categories = s.labels().categories();
        for (int i = 0; i < categories.size(); i++) {
            BatchConfig.ErrorCategory c = categories.get(i);
            boolean on = chosen.contains(c.id());
            Label l = new Label((on ? "☑ " : "☐ ") + ReviewState.categoryKey(i) + "   " + c.label());
            l.getStyleClass().add(on ? "picker-on" : "picker-off");
            box.getChildren().add(l);
        }
        box.setPadding(new Insets(16));
        box.getStyleClass().add("overlay-card");
        box.setMaxSize(520, 480);
        getChildren().setAll(box);
        StackPane.setAlignment(box, Pos.CENTER);
        setVisible(true);
    }
}

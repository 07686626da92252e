package org.arbiter.gui;

import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.arbiter.model.Flag;
import org.arbiter.review.BatchConfig;
import org.arbiter.review.ReviewState;

/**
 * The 5-point scale in screen terms (what the expert sees: left / right), the flags and the rubric of the
 * focused response. The current choice is highlighted and also marked with a symbol, not colour alone.
 */
final class ScaleBar extends HBox {
    static final String STYLE_CLASS = "scale-bar";
    static final String CHOSEN = "chosen";
    private static final String[] TEXT = {"1  left ≫", "2  left >", "3  ≈ equal", "4  right >", "5  right ≫"};

    private final Label[] choices = new Label[5];
    private final Label flags = new Label();
    private final Label rubric = new Label();

    ScaleBar() {
        getStyleClass().add(STYLE_CLASS);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        for (int i = 0; i < 5; i++) {
            choices[i] = new Label(TEXT[i]);
            choices[i].getStyleClass().add("scale-choice");
            choices[i].setId("scale-" + (i + 1));
            getChildren().add(choices[i]);
        }
        flags.setId("scale-flags");
        rubric.setId("scale-rubric");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(flags, grow, rubric);
    }

    void show(ReviewState s) {
        setVisible(true);
        for (int i = 0; i < 5; i++) {
            boolean chosen = s.labels().screenScore() != null && s.labels().screenScore() == i - 2;
            choices[i].getStyleClass().remove(CHOSEN);
            if (chosen) choices[i].getStyleClass().add(CHOSEN);
            choices[i].setText((chosen ? "● " : "") + TEXT[i]);
            choices[i].setDisable(!s.open().isPair());
            // A ranking item is ordered on the rank strip instead.
            choices[i].setVisible(!s.open().isRanking());
            choices[i].setManaged(!s.open().isRanking());
        }
        StringBuilder f = new StringBuilder();
        for (Flag flag : Flag.values()) if (s.labels().has(flag)) f.append("⚑ ").append(flag.wire()).append("  ");
        flags.setText(f.toString().strip());
        rubric.setText(rubricText(s));
    }

    private static String rubricText(ReviewState s) {
        List<BatchConfig.RubricDimension> dims = s.labels().dimensions();
        if (dims.isEmpty()) return "";
        Map<String, Integer> scores = s.open().focused().rubric();
        StringBuilder b = new StringBuilder(s.open().focusedSide().name().toLowerCase()).append(" rubric: ");
        for (int i = 0; i < dims.size(); i++) {
            BatchConfig.RubricDimension d = dims.get(i);
            Integer v = scores.get(d.name());
            b.append(i == s.labels().selectedDimension() ? "[" : "").append(d.name()).append(' ')
                    .append(v == null ? "–" : v.toString()).append(i == s.labels().selectedDimension() ? "]" : "").append("   ");
        }
        return b.toString().strip();
    }
}

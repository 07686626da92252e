package org.arbiter.gui;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The only place where typing produces text: a step note, a skip reason, an item id. While it is open the
 * window sends no key to the review session; Enter commits (Shift+Enter is a new line), Escape cancels.
 */
final class TextEntry extends StackPane {
    private final Label title = new Label();
    private final TextArea text = new TextArea();
    private Consumer<String> onCommit = s -> { };
    private Runnable onCancel = () -> { };

    TextEntry() {
        setVisible(false);
        setId("text-entry");
        text.setId("text-entry-field");
        text.setPrefRowCount(4);
        text.setWrapText(true);
        title.getStyleClass().add("help-title");
        VBox box = new VBox(8, title, text, new Label("Enter saves · Shift+Enter new line · Esc cancels"));
        box.setPadding(new Insets(16));
        box.getStyleClass().add("overlay-card");
        box.setMaxSize(620, 260);
        getChildren().add(box);
        StackPane.setAlignment(box, Pos.CENTER);
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                Consumer<String> c = onCommit;
                close();
                c.accept(text.getText());
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                text.insertText(text.getCaretPosition(), "\n");
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                Runnable c = onCancel;
                close();
                c.run();
            }
        });
    }

    boolean isOpen() {
        return isVisible();
    }

    /** Opens with {@code initial} text unless it is already open for the same question. */
    void open(String question, String initial, Consumer<String> commit, Runnable cancel) {
        if (isVisible() && title.getText().equals(question)) return;
        title.setText(question);
        text.setText(initial == null ? "" : initial);
        onCommit = commit;
        onCancel = cancel;
        setVisible(true);
        text.requestFocus();
        text.end();
    }

    void close() {
        setVisible(false);
        onCommit = s -> { };
        onCancel = () -> { };
    }
}

package org.arbiter.gui;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.arbiter.model.ShownEvidence;
import org.arbiter.render.code.TokenHighlighter;
import org.arbiter.render.code.TokenRange;
import org.arbiter.review.ExpertScratch;
import org.arbiter.review.ReviewState;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The scratch editor of the expert's own test, under the two responses so both stay readable while the test is
 * written: a RichTextFX {@link CodeArea} with line numbers, coloured by the app's own highlighter (the same token
 * classes as the code in the panes), and one outcome line per side. While it is open the editor takes every key;
 * Ctrl+Enter runs the text, Esc closes (the text is kept).
 */
final class ExpertTestPanel extends VBox {
    private final Label title = new Label();
    /**
     * Made when the panel first opens: RichTextFX's classes and skin cost ~0.25 s of the cold start, and most
     * sessions never write a test.
     */
    private CodeArea code;
    private final Label left = new Label();
    private final Label right = new Label();
    private final TokenHighlighter highlighter;
    private String language = "";
    private Consumer<String> onRun = s -> { };
    private Consumer<String> onClose = s -> { };

    ExpertTestPanel(TokenHighlighter highlighter) {
        this.highlighter = highlighter;
        setId("expert-test");
        getStyleClass().add("expert-test");
        left.setId("expert-test-left");
        right.setId("expert-test-right");
        title.getStyleClass().add("help-group");
        GridPane outcomes = new GridPane();
        outcomes.setHgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            outcomes.getColumnConstraints().add(c);
        }
        for (Label l : List.of(left, right)) {
            l.setWrapText(true);
            l.getStyleClass().add("expert-test-outcome");
        }
        outcomes.add(left, 0, 0);
        outcomes.add(right, 1, 0);
        getChildren().addAll(title, outcomes);
        setSpacing(4);
        setPadding(new Insets(4, 8, 4, 8));
        setVisible(false);
        setManaged(false);
    }

    private CodeArea editor() {
        if (code == null) {
            code = new CodeArea();
            code.setId("expert-test-editor");
            code.getStyleClass().add("expert-test-code");
            code.setParagraphGraphicFactory(LineNumberFactory.get(code));
            code.setPrefHeight(140);
            code.textProperty().addListener((o, was, now) -> highlight(now));
            code.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
            getChildren().add(1, new VirtualizedScrollPane<>(code));
        }
        return code;
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && (e.isShortcutDown() || e.isControlDown())) {
            e.consume();
            onRun.accept(code.getText());
        } else if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            Consumer<String> c = onClose;
            close();
            c.accept(code.getText());
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isControlDown()) {
            // Test code is indented with spaces (Python mixes badly with tabs); Tab must not leave the editor.
            e.consume();
            code.replaceSelection("    ");
        }
    }

    boolean isOpen() {
        return isVisible();
    }

    /**
     * Opens on the item's test: {@code text} as the session keeps it, else {@code template}.
     *
     * @param hint what the test is run against, e.g. "candidate is unique"
     */
    void open(ExpertScratch scratch, String template, String hint, Consumer<String> run, Consumer<String> close) {
        if (isOpen()) return;
        language = scratch.language();
        title.setText("Your own test (" + (language.isEmpty() ? "code" : language) + ")" + (hint.isEmpty() ? "" : " — " + hint)
                + " · Ctrl+Enter runs it against both responses · Esc closes");
        editor().replaceText(scratch.text().isEmpty() ? template : scratch.text());
        code.moveTo(code.getLength());
        onRun = run;
        onClose = close;
        setVisible(true);
        setManaged(true);
        code.requestFocus();
    }

    boolean editorFocused() {
        return code != null && code.isFocused();
    }

    void focusEditor() {
        editor().requestFocus();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        onRun = s -> { };
        onClose = s -> { };
    }

    /**
     * The outcome of the last run on each side: verdict, tests passed/total, the first failure.
     *
     * @param detail what the run said beyond its verdict, by response id; empty when nothing
     * @param running whether the last run has responses still going
     */
    void show(ReviewState s, BiFunction<String, String, String> detail, boolean running) {
        if (!isOpen()) return;
        ExpertScratch x = s.open().expertTest();
        fill(left, x, s.open().left().response().id(), detail, running);
        right.setVisible(s.open().right() != null);
        if (s.open().right() != null) fill(right, x, s.open().right().response().id(), detail, running);
    }

    private static void fill(Label label, ExpertScratch x, String responseId, BiFunction<String, String, String> detail,
                             boolean running) {
        ShownEvidence e = x.outcomeFor(responseId);
        label.getStyleClass().removeAll("evidence-good", "evidence-bad");
        if (x.ranSource() == null) {
            label.setText("not run yet");
            return;
        }
        if (e == null) {
            label.setText(running ? "running…" : "no outcome");
            return;
        }
        String d = detail.apply(responseId, x.ranSource());
        label.setText(EvidenceBadges.badge(e, d) + (e.favourable() || d.isBlank() || "not_run".equals(e.verdict()) ? "" : "\n" + d));
        if (e.unfavourable()) label.getStyleClass().add("evidence-bad");
        else if (e.favourable()) label.getStyleClass().add("evidence-good");
    }

    private void highlight(String text) {
        code.setStyleSpans(0, spans(highlighter.ranges(text, language), text.length()));
    }

    /** The highlighter's token ranges as RichTextFX style spans covering the whole text. */
    static StyleSpans<Collection<String>> spans(List<TokenRange> ranges, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (TokenRange r : ranges) {
            if (r.start() < at || r.end() > length) continue;
            if (r.start() > at) b.add(Collections.emptyList(), r.start() - at);
            b.add(Collections.singleton(r.styleClass()), r.end() - r.start());
            at = r.end();
        }
        b.add(Collections.emptyList(), length - at);
        return b.create();
    }

    /** The editor's text, for tests. */
    String text() {
        return code == null ? "" : code.getText();
    }

    /** The style classes of one character of the text, for tests. */
    Collection<String> styleOfChar(int index) {
        return editor().getStyleOfChar(index);
    }
}

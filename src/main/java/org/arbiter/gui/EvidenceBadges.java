package org.arbiter.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import org.arbiter.model.ShownEvidence;
import org.arbiter.review.ReviewState;

/**
 * One badge over each response: what its checks said (✓ passes 7/7 · ✗ fails test 3 · ⏱ timeout · not run:
 * reason; ✓ matches · answer 3/4; ✗ answer 0.8 · reference 3/4 — the mark first, since a long answer is cut off at the pane's edge), "checking…" while they run, nothing for an item
 * without checks. The reference answer appears only here, never in the expert's reading of the response.
 */
final class EvidenceBadges extends GridPane {
    private final Label left = new Label();
    private final Label right = new Label();
    /** The `t` panel: what each side's checks said beyond the verdict (failing test, output, why not run). */
    private final Label leftDetail = new Label();
    private final Label rightDetail = new Label();
    private boolean details;

    EvidenceBadges() {
        getStyleClass().add("evidence-badges");
        setId("evidence-badges");
        left.setId("evidence-left");
        right.setId("evidence-right");
        left.getStyleClass().add("evidence-badge");
        right.getStyleClass().add("evidence-badge");
        setPadding(new Insets(2, 8, 2, 8));
        setHgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            getColumnConstraints().add(c);
        }
        add(left, 0, 0);
        add(right, 1, 0);
        leftDetail.setId("evidence-left-detail");
        rightDetail.setId("evidence-right-detail");
        for (Label d : List.of(leftDetail, rightDetail)) {
            d.setWrapText(true);
            d.getStyleClass().add("evidence-detail");
            d.setVisible(false);
            d.setManaged(false);
        }
        add(leftDetail, 0, 1);
        add(rightDetail, 1, 1);
        showNothing();
    }

    /** @param detail what a check said beyond its verdict, by response id and kind */
    void show(ReviewState s, int pending, BiFunction<String, String, String> detail) {
        if (s.open().evidence().isEmpty() && pending == 0) {
            showNothing();
            return;
        }
        setVisible(true);
        setManaged(true);
        fill(left, leftDetail, s.open().evidenceFor(s.open().left().response().id()), pending, detail);
        if (s.open().right() != null) fill(right, rightDetail, s.open().evidenceFor(s.open().right().response().id()), pending, detail);
        right.setVisible(s.open().right() != null);
    }

    /** Shows or hides the details under the badges. */
    void toggleDetails() {
        details = !details;
        for (Label d : List.of(leftDetail, rightDetail)) {
            d.setVisible(details);
            d.setManaged(details);
        }
    }

    private void showNothing() {
        setVisible(false);
        setManaged(false);
        left.setText("");
        right.setText("");
    }

    private static void fill(Label label, Label detailLabel, List<ShownEvidence> evidence, int pending, BiFunction<String, String, String> detail) {
        List<String> parts = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (ShownEvidence e : evidence) {
            parts.add(badge(e, detail.apply(e.responseId(), e.kind())));
            String d = detail.apply(e.responseId(), e.kind());
            if (!d.isBlank()) details.add(d);
        }
        if (pending > 0) parts.add("checking…");
        label.setText(String.join(" · ", parts));
        label.setTooltip(details.isEmpty() ? null : new Tooltip(String.join("\n\n", details)));
        detailLabel.setText(details.isEmpty() ? "no details" : String.join("\n\n", details));
        label.getStyleClass().removeAll("evidence-good", "evidence-bad");
        if (evidence.stream().anyMatch(ShownEvidence::unfavourable)) label.getStyleClass().add("evidence-bad");
        else if (!evidence.isEmpty() && evidence.stream().allMatch(ShownEvidence::favourable)) label.getStyleClass().add("evidence-good");
    }

    /** The words of one badge. */
    static String badge(ShownEvidence e, String detail) {
        if (ShownEvidence.MATH.equals(e.kind())) {
            return switch (e.verdict()) {
                case "match" -> "✓ matches · answer " + e.answer();
                case "mismatch" -> "✗ answer " + e.answer() + " · reference " + e.reference();
                case "no_answer" -> "no final answer found";
                default -> "answer " + e.answer() + " · " + e.verdict().replace('_', ' ');
            };
        }
        boolean counted = e.testsPassed() != null && e.testsTotal() != null;
        return switch (e.verdict()) {
            case "passed" -> counted ? "✓ passes " + e.testsPassed() + "/" + e.testsTotal() : "✓ passes";
            case "failed" -> counted ? "✗ fails test " + (e.testsPassed() + 1) : "✗ fails";
            case "timeout" -> "⏱ timeout";
            case "not_run" -> "not run" + (detail.isBlank() ? "" : ": " + firstLine(detail));
            default -> "✗ " + e.verdict().replace('_', ' ');
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package org.arbiter.gui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.arbiter.review.SaveFailure;
import org.controlsfx.control.NotificationPane;

/**
 * The "NOT SAVED" bar across the top of the review (a ControlsFX {@link NotificationPane}): shown as soon as a
 * write to the store fails, with what and why, and it stays (no close button) until a write succeeds. Red and
 * bold in both themes, because an annotator who misses it loses work.
 */
final class SaveNotice {
    static final String STYLE_CLASS = "save-failed";
    static final String ID = "save-notice";

    private final NotificationPane pane;
    private final Label mark = new Label("⚠");
    private SaveFailure shown;

    SaveNotice(Node review) {
        pane = new NotificationPane(review);
        pane.setId(ID);
        pane.getStyleClass().add(STYLE_CLASS);
        pane.setShowFromTop(true);
        pane.setCloseButtonVisible(false);
        mark.getStyleClass().add("save-failed-mark");
        pane.setGraphic(mark);
    }

    Node node() {
        return pane;
    }

    /** Shows the failure, or hides the bar when {@code failure} is null (a write has succeeded since). */
    void show(SaveFailure failure) {
        if (failure == null) {
            if (pane.isShowing()) pane.hide();
        } else if (!failure.equals(shown) || !pane.isShowing()) {
            // Most important first: a narrow window cuts the end of the line, and the store file is also in the status bar.
            pane.setText(failure.headline() + ". Kept on screen until a save works; Enter stays on this item. Store: "
                    + failure.file());
            // SQLite's own words, for whoever has to free the disk or the lock.
            mark.setTooltip(failure.detail().isEmpty() ? null : new Tooltip(failure.detail()));
            pane.show();
        }
        shown = failure;
    }

    boolean isShowing() {
        return pane.isShowing();
    }

    String text() {
        return pane.getText();
    }
}

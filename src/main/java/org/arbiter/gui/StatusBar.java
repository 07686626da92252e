package org.arbiter.gui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.arbiter.review.ReviewState;

/** The bottom line: where the work is saved, how much is left, and the last message. */
final class StatusBar extends HBox {
    static final String STYLE_CLASS = "status-bar";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label progress = new Label();
    private final Label left = new Label();
    private final Label time = new Label();
    private final Label saved = new Label();
    private final Label sync = new Label();
    private final Label store = new Label();
    private final Label message = new Label();
    private final Label rationale = new Label();

    StatusBar() {
        getStyleClass().add(STYLE_CLASS);
        setSpacing(16);
        setPadding(new Insets(3, 8, 3, 8));
        message.getStyleClass().add("status-message");
        message.setId("status-message");
        progress.setId("status-progress");
        saved.setId("status-saved");
        sync.setId("status-sync");
        rationale.setId("status-rationale");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(progress, left, time, rationale, message, grow, sync, saved, store);
    }

    void show(ReviewState s) {
        progress.setText("item " + s.queue().progress() + (s.queue().filter() == null ? "" : " · " + s.queue().filter().name().toLowerCase()));
        left.setText(s.queue().itemsLeft() + " left");
        time.setText("this item " + seconds(s.open().activeMs()) + " · avg " + seconds(s.queue().averageActiveMs()));
        // Never "saved" while the last write failed: the time of an older save would read as this change's.
        saved.setText(s.status().notSaved() ? "NOT SAVED" : s.status().lastSave() == null ? "not saved yet" : "saved " + TIME.format(s.status().lastSave()));
        saved.getStyleClass().remove("status-not-saved");
        if (s.status().notSaved()) saved.getStyleClass().add("status-not-saved");
        store.setText(s.queue().annotator() + " · " + s.queue().storeFile());
        message.setText(s.status().message() == null ? "" : s.status().message());
        // Present or (where the batch needs one) missing: the expert sees before Enter whether a rationale is kept.
        rationale.setText(!s.labels().rationale().isEmpty() ? "rationale ✓" : s.labels().rationaleRequired() ? "rationale needed" : "");
    }

    void showSync(String text) {
        sync.setText(text);
    }

    private static String seconds(long ms) {
        Duration d = Duration.ofMillis(ms);
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s" : d.toSeconds() + "s";
    }
}

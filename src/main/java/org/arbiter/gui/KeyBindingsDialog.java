package org.arbiter.gui;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.arbiter.app.UserSettings;
import org.arbiter.review.Action;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;

/**
 * Ctrl+K: every review action with its keys, rebound by pressing the new key. A modal window of its own, so
 * the keys pressed here never reach the review session behind it.
 *
 * <p>Keyboard: arrows choose an action; a plain key binds it at once; Enter captures the next key whatever it
 * is (so Tab, arrows, Enter and Backspace can be bound too; Esc cancels); Backspace/Delete unbinds; Tab
 * reaches the buttons, Enter or Space presses them; Esc closes without saving.
 */
public final class KeyBindingsDialog {
    /** Keys that move around the dialog unless Enter or "Add key" asked for the next key first. */
    private static final Set<KeyCode> NAVIGATION = Set.of(KeyCode.UP, KeyCode.DOWN, KeyCode.HOME, KeyCode.END,
            KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.TAB, KeyCode.ESCAPE, KeyCode.ENTER, KeyCode.BACK_SPACE, KeyCode.DELETE);

    private final Stage stage = new Stage();
    private final KeyBindingsDraft draft;
    private final UserSettings settings;
    private final Consumer<Keymap> apply;
    private final boolean dark;
    private final TableView<Action> table = new TableView<>(FXCollections.observableArrayList(Action.values()));
    private final Label status = new Label();
    private final Button change = new Button("Change key (Enter)");
    private final Button add = new Button("Add key");
    private final Button remove = new Button("Remove keys (Del)");
    private final Button reset = new Button("Reset to defaults");
    private final Button save = new Button("Save");
    private final Button cancel = new Button("Cancel (Esc)");
    private Action capturing;
    private boolean capturingAdds;
    private String error;

    /**
     * @param current the keymap in use; edits start from it
     * @param settings where Save writes the key bindings; also the theme and zoom the dialog is shown in
     * @param apply    takes the saved keymap into the running session
     */
    public KeyBindingsDialog(Window owner, Keymap current, UserSettings settings, Consumer<Keymap> apply) {
        this.draft = new KeyBindingsDraft(current, KeyBindingsDraft.windowKeys());
        this.settings = settings;
        this.apply = apply;
        this.dark = settings.dark();
        double zoom = settings.zoom();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        // Back to judging without reaching for the mouse.
        stage.setOnHidden(e -> owner.requestFocus());
        stage.setTitle("Key bindings — " + settings.keysFile());
        buildTable();
        change.setOnAction(e -> startCapture(false));
        add.setOnAction(e -> startCapture(true));
        remove.setOnAction(e -> selected().ifPresent(a -> edit(() -> draft.clear(a))));
        reset.setOnAction(e -> edit(draft::resetToDefaults));
        save.setOnAction(e -> save());
        cancel.setOnAction(e -> stage.close());
        table.setId("keys-table");
        status.setId("keys-status");
        save.setId("keys-save");
        add.setId("keys-add");
        reset.setId("keys-reset");
        status.setWrapText(true);
        status.getStyleClass().add("key-bindings-status");
        status.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, change, add, remove, reset, gap, save, cancel);
        VBox bottom = new VBox(8, status, buttons);
        BorderPane root = new BorderPane(table, null, null, bottom, null);
        BorderPane.setMargin(bottom, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(12));
        root.getStyleClass().add("workstation");
        if (dark) root.getStyleClass().add("dark");
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * zoom));
        Scene scene = new Scene(root, 900, 640);
        for (String css : java.util.List.of("workstation.css", "key-bindings.css")) {
            scene.getStylesheets().add(Objects.requireNonNull(KeyBindingsDialog.class.getResource(css)).toExternalForm());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        stage.setScene(scene);
        table.getSelectionModel().selectFirst();
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (capturing != null) stopCapture();
            else showStatus();
        });
        refresh();
    }

    private void buildTable() {
        TableColumn<Action, String> group = new TableColumn<>("Group");
        // The group is written on the first action of each group only, so the list reads as sections.
        group.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().ordinal() == 0 || !Action.values()[c.getValue().ordinal() - 1].group().equals(c.getValue().group())
                        ? c.getValue().group() : ""));
        TableColumn<Action, String> what = new TableColumn<>("Action");
        what.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().description()));
        TableColumn<Action, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(keysText(c.getValue())));
        TableColumn<Action, String> conflict = new TableColumn<>("Conflict");
        conflict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(draft.conflict(c.getValue()).orElse("")));
        conflict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean shown = !empty && text != null && !text.isEmpty();
                setText(shown ? text : null);
                setTooltip(shown ? new Tooltip(text) : null);
                getStyleClass().remove("key-conflict");
                if (shown) getStyleClass().add("key-conflict");
            }
        });
        conflict.getStyleClass().add("key-conflict-column");
        group.setPrefWidth(90);
        what.setPrefWidth(330);
        keys.setPrefWidth(150);
        conflict.setPrefWidth(300);
        for (TableColumn<Action, String> c : java.util.List.of(group, what, keys, conflict)) c.setSortable(false);
        table.getColumns().setAll(java.util.List.of(group, what, keys, conflict));
    }

    public void show() {
        stage.show();
        table.requestFocus();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    /** What the Keys column shows for an action (tests read it as the expert would). */
    String keysText(Action a) {
        if (a == capturing) return capturingAdds ? "press a key to add… (Esc cancels)" : "press the new key… (Esc cancels)";
        var ks = draft.keysFor(a);
        return ks.isEmpty() ? "(unbound)" : ks.stream().map(KeyStroke::toString).collect(Collectors.joining(" / "));
    }

    Map<Action, String> conflicts() {
        return draft.conflicts();
    }

    private java.util.Optional<Action> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void onKey(KeyEvent e) {
        if (capturing != null) {
            e.consume();
            if (e.getCode() == KeyCode.ESCAPE) {
                stopCapture();
                return;
            }
            KeyStroke k = KeyTranslator.of(e);
            if (k == null) return; // a modifier alone: wait for the key it modifies
            Action a = capturing;
            boolean adds = capturingAdds;
            capturing = null;
            edit(() -> {
                if (adds) draft.add(a, k);
                else draft.replace(a, k);
            });
            table.requestFocus();
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.ESCAPE) {
            e.consume();
            stage.close();
            return;
        }
        Node focus = stage.getScene().getFocusOwner();
        if (focus != table) {
            // Buttons answer Space by themselves; Enter should press them too.
            if (code == KeyCode.ENTER && focus instanceof Button b && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
            return;
        }
        if (selected().isEmpty()) return;
        Action a = selected().get();
        if (code == KeyCode.ENTER) {
            e.consume();
            startCapture(false);
        } else if (code == KeyCode.BACK_SPACE || code == KeyCode.DELETE) {
            e.consume();
            edit(() -> draft.clear(a));
        } else if (!NAVIGATION.contains(code)) {
            KeyStroke k = KeyTranslator.of(e);
            if (k == null) return;
            e.consume();
            edit(() -> draft.replace(a, k));
        }
    }

    private void startCapture(boolean adds) {
        selected().ifPresent(a -> {
            capturing = a;
            capturingAdds = adds;
            refresh();
        });
    }

    private void stopCapture() {
        capturing = null;
        refresh();
        table.requestFocus();
    }

    private void edit(Runnable change) {
        change.run();
        error = null;
        refresh();
    }

    private void save() {
        if (!draft.canSave()) return;
        try {
            Keymap k = draft.toKeymap();
            Optional<String> problem = settings.saveKeys(k);
            if (problem.isPresent()) {
                error = problem.get();
                refresh();
                return;
            }
            apply.accept(k);
            stage.close();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            refresh();
        }
    }

    private void refresh() {
        table.refresh();
        showStatus();
    }

    private void showStatus() {
        Map<Action, String> conflicts = draft.conflicts();
        save.setDisable(!conflicts.isEmpty());
        if (error != null) {
            status.setText(error);
        } else if (capturing != null) {
            status.setText("Press the key for “" + capturing.description() + "” — any key, with Ctrl/Alt/Shift; Esc cancels.");
        } else if (!conflicts.isEmpty()) {
            // The whole message of the selected action if it clashes, else of the first clash: the column may cut it.
            Action shown = selected().filter(conflicts::containsKey).orElse(conflicts.keySet().iterator().next());
            status.setText(conflicts.size() + (conflicts.size() == 1 ? " action has" : " actions have")
                    + " a conflicting key; Save is off until it is resolved. " + shown + ": " + conflicts.get(shown));
        } else {
            status.setText("Arrows choose an action. Press a key to bind it, Enter to capture any key (Tab, arrows, Enter…), "
                    + "Add key to keep the existing ones, Backspace/Delete to unbind. Esc closes without saving.");
        }
    }
}

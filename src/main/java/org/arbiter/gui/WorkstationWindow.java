package org.arbiter.gui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.arbiter.app.UserSettings;
import org.arbiter.evidence.code.ExpertTests;
import org.arbiter.model.Item;
import org.arbiter.model.Reference;
import org.arbiter.render.RenderedText;
import org.arbiter.render.code.TokenHighlighter;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Mode;
import org.arbiter.review.PaneState;
import org.arbiter.review.QueueEntry;
import org.arbiter.review.QueueFilter;
import org.arbiter.review.RankStrip;
import org.arbiter.review.ReviewSession;
import org.arbiter.review.ReviewState;
import org.arbiter.review.Side;
import org.arbiter.review.StepMark;

/**
 * The workstation: prompt on top, the two responses side by side, the scale and the status line below.
 * A thin view: every labeling key goes to the {@link ReviewSession}, and the window only draws the
 * {@link ReviewState} it publishes. The window's own keys are display matters (zoom, theme, filters).
 */
public final class WorkstationWindow implements WindowProbe {
    /** One line of prompt text with the page's padding, in pixels at zoom 1. */
    private static final double PROMPT_MIN_HEIGHT = 36;
    /** The prompt never takes more than this share of the window's height; a longer prompt scrolls. */
    private static final double PROMPT_MAX_SHARE = 1.0 / 3;
    private final Stage stage;
    private final ReviewSession session;
    private final PairRenderer renderer;
    private final UserSettings settings;
    private final Function<String, List<Item>> batchItems;
    private final ResponsePane left = new ResponsePane();
    private final ResponsePane right = new ResponsePane();
    private final ResponsePane prompt = new ResponsePane();
    /** Made on first use: a WebView costs start-up time and tens of MB, and most sessions never diff. */
    private ResponsePane diff;
    private final TitledPane promptBox = new TitledPane("Prompt", prompt);
    private final SplitPane pair = new SplitPane();
    private final StackPane centre = new StackPane();
    private final ScaleBar scale = new ScaleBar();
    private final RankStripBar rankStrip = new RankStripBar();
    private final RankPaneHeads rankHeads = new RankPaneHeads();
    private final StatusBar status = new StatusBar();
    private final EvidenceBadges badges = new EvidenceBadges();
    private final ItemChecks checks;
    private final ExpertTestPanel expertPanel = new ExpertTestPanel(new TokenHighlighter());
    private final ExpertTestRuns expertRuns;
    private final OthersLabelsPanel others = new OthersLabelsPanel();
    private final HelpOverlay help = new HelpOverlay();
    private final CategoryPicker picker = new CategoryPicker();
    private final TextEntry textEntry = new TextEntry();
    /** The modes whose text the text entry holds; leaving them closes it. */
    private static final java.util.Set<Mode> TEXT_MODES = java.util.EnumSet.of(Mode.NOTE, Mode.SKIP_REASON, Mode.CONFIRM_AGAINST, Mode.RATIONALE);
    private final Label loading = new Label("drawing…");
    private final BorderPane layout = new BorderPane();
    private final SaveNotice saveNotice = new SaveNotice(layout);
    private final Scene scene;
    private final CompletableFuture<Void> firstPairShown = new CompletableFuture<>();
    private final Map<String, Item> itemsById = new HashMap<>();
    private String itemsBatch;
    private String shownKey;
    private String diffShownKey;
    private String promptShownHtml;
    /** The next pair's prompt as given to the prompt pane's preload; show passes this same object to use it. */
    private RenderedText preloadedPrompt;
    /** The response ids the panes show: a ranking item changes them without changing the item. */
    private String leftShownId;
    private String rightShownId;
    private PreparedItem shown;
    private WindowProbe.DrawObserver drawObserver = WindowProbe.DrawObserver.NONE;
    private ReviewState last;
    private Runnable onSyncNow = () -> { };
    private boolean scrollSyncing;
    private boolean swallowTyped;
    private CompletableFuture<Void> prefetched = CompletableFuture.completedFuture(null);
    private KeyBindingsDialog keysDialog;

    public WorkstationWindow(Stage stage, ReviewSession session, PairRenderer renderer, UserSettings settings,
                             Function<String, List<Item>> batchItems, ItemChecks.Sources evidence, ExpertTestRuns.Runner expertTests) {
        this.stage = stage;
        this.checks = new ItemChecks(evidence, session, Platform::runLater, this::drawBadges);
        this.expertRuns = new ExpertTestRuns(expertTests, evidence.background(), evidence.toolchain(), session, Platform::runLater,
                this::drawExpertTest);
        this.session = session;
        this.renderer = renderer;
        this.settings = settings;
        this.batchItems = batchItems;
        left.setId("pane-left");
        right.setId("pane-right");
        prompt.setId("pane-prompt");
        prompt.setPrefHeight(PROMPT_MIN_HEIGHT);
        prompt.setMinHeight(PROMPT_MIN_HEIGHT);
        prompt.setFitted(true);
        promptBox.setId("prompt-box");
        promptBox.setFocusTraversable(false);
        pair.getItems().addAll(left, right);
        pair.setDividerPositions(0.5);
        // Equal width, always: the expert must not be nudged by one response getting more room.
        pair.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - 0.5) > 1e-6) pair.setDividerPositions(0.5);
        });
        centre.getChildren().addAll(pair, loading);
        loading.setVisible(false);
        layout.setTop(new VBox(promptBox, others));
        BorderPane panes = new BorderPane(centre);
        panes.setTop(new VBox(rankHeads, badges));
        panes.setBottom(expertPanel);
        layout.setCenter(panes);
        layout.setBottom(new VBox(scale, rankStrip, status));
        StackPane root = new StackPane(saveNotice.node(), help, picker, textEntry);
        root.getStyleClass().add("workstation");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(WorkstationWindow.class.getResource("workstation.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // The character of a key the window handled must not reach a text field that key opened (the "m"
        // that opens the note editor is not the note's first letter): swallow typed events until release.
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ((!textEntry.isOpen() && !expertPanel.isOpen()) || swallowTyped) e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> session.clock().userActivity());
        scene.addEventFilter(ScrollEvent.ANY, e -> session.clock().userActivity());
        stage.focusedProperty().addListener((o, was, is) -> session.clock().windowFocused(is));
        stage.setScene(scene);
        linkScrolling();
        scene.heightProperty().addListener((o, a, b) -> fitPrompt());
        // A new width re-wraps the prompt; measure once the page has been laid out at that width.
        prompt.widthProperty().addListener((o, a, b) -> Platform.runLater(this::fitPrompt));
        // Links in model output are data: a click copies the address for the expert to check in a browser of
        // their choosing; nothing is opened or fetched by us.
        for (ResponsePane p : List.of(left, right, prompt)) {
            p.setOnLinkClicked(url -> {
                javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                c.putString(url);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                session.notice("link copied to the clipboard (not opened): " + url);
            });
        }
        applyDisplaySettings();
        // Every saved display setting takes effect at start; the session owns the scroll toggle (the `s` key).
        session.setSyncScroll(settings.syncScroll());
        session.addListener(s -> {
            if (Platform.isFxApplicationThread()) draw(s);
            else Platform.runLater(() -> draw(s));
        });
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (last != null) status.show(session.state());
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            tick.stop();
            checks.close();
            expertRuns.close();
        });
    }

    public void show() {
        draw(session.state());
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** Completes on the JavaFX thread once the first pair is in both panes and laid out. */
    @Override
    public CompletableFuture<Void> firstPairShown() {
        return firstPairShown;
    }

    public void setOnSyncNow(Runnable action) {
        onSyncNow = action;
    }

    public void showSyncStatus(String text) {
        status.showSync(text);
    }

    // ------------------------------------------------------------------ keys

    private void onKey(KeyEvent e) {
        if (textEntry.isOpen()) return; // the text area takes its own keys, none reach the session
        if (expertPanel.isOpen()) {
            // The scratch editor takes its own keys (Ctrl+Enter runs, Esc closes); a key elsewhere brings it back.
            if (!expertPanel.editorFocused()) {
                e.consume();
                expertPanel.focusEditor();
            }
            return;
        }
        if (keysDialog != null && keysDialog.isShowing()) {
            e.consume(); // the key bindings dialog is being edited: nothing may label the item behind it
            return;
        }
        session.clock().userActivity();
        swallowTyped = true;
        if (windowKey(e)) {
            e.consume();
            return;
        }
        KeyStroke k = KeyTranslator.of(e);
        e.consume(); // no control ever sees a review key: Tab must not move focus, digits must not type
        if (k != null) session.handle(k);
    }

    private boolean windowKey(KeyEvent e) {
        Optional<WindowKey> key = WindowKey.of(e);
        if (key.isEmpty()) return false;
        switch (key.get()) {
            case ZOOM_IN -> zoom(settings.zoom() + 0.1);
            case ZOOM_OUT -> zoom(settings.zoom() - 0.1);
            case ZOOM_RESET -> zoom(1.0);
            case THEME -> {
                settings.setDark(!settings.dark());
                saveSettings();
                applyDisplaySettings();
            }
            case PROMPT -> promptBox.setExpanded(!promptBox.isExpanded());
            case FILTER -> {
                QueueFilter[] all = QueueFilter.values();
                session.setFilter(all[(session.state().queue().filter().ordinal() + 1) % all.length]);
            }
            case GO_TO -> textEntry.open("Go to item id", "", id -> session.jumpTo(id.strip()), () -> { });
            case EVIDENCE_DETAILS -> badges.toggleDetails();
            case SYNC -> onSyncNow.run();
            case KEY_BINDINGS -> {
                keysDialog = new KeyBindingsDialog(stage, session.keymap(), settings, session::setKeymap);
                keysDialog.show();
            }
        }
        return true;
    }

    /** Display settings are kept for the next start; a file that cannot be written is said on the status line. */
    private void saveSettings() {
        settings.save().ifPresent(problem -> session.notice("display settings not kept: " + problem));
    }

    private void zoom(double z) {
        settings.setZoom(Math.round(z * 10) / 10.0);
        saveSettings();
        applyDisplaySettings();
        fitPrompt();
    }

    /** The prompt area takes the height of its content, up to a third of the window (then it scrolls). */
    private void fitPrompt() {
        prompt.measureContent(h -> {
            double limit = Math.max(PROMPT_MIN_HEIGHT, scene.getHeight() * PROMPT_MAX_SHARE);
            prompt.setPrefHeight(Math.max(PROMPT_MIN_HEIGHT, Math.min(limit, Math.ceil(h))));
        });
    }

    private void applyDisplaySettings() {
        for (ResponsePane p : List.of(left, right, prompt)) applyDisplaySettings(p);
        if (diff != null) applyDisplaySettings(diff);
        scene.getRoot().getStyleClass().remove("dark");
        if (settings.dark()) scene.getRoot().getStyleClass().add("dark");
        scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * settings.zoom()));
    }

    private void applyDisplaySettings(ResponsePane p) {
        p.setDark(settings.dark());
        p.setZoom(settings.zoom());
    }

    private ResponsePane diffPane() {
        if (diff == null) {
            diff = new ResponsePane();
            diff.setId("pane-diff");
            diff.setVisible(false);
            applyDisplaySettings(diff);
            centre.getChildren().add(1, diff); // above the pair, below the "drawing…" label
        }
        return diff;
    }

    private void linkScrolling() {
        ChangeListener<Number> fromLeft = (o, a, b) -> mirrorScroll(right, b.doubleValue());
        ChangeListener<Number> fromRight = (o, a, b) -> mirrorScroll(left, b.doubleValue());
        left.scrollRatioProperty().addListener(fromLeft);
        right.scrollRatioProperty().addListener(fromRight);
    }

    private void mirrorScroll(ResponsePane target, double ratio) {
        if (scrollSyncing || last == null || !last.status().syncScroll()) return;
        scrollSyncing = true;
        try {
            target.scrollTo(ratio);
        } finally {
            scrollSyncing = false;
        }
    }

    // ------------------------------------------------------------------ drawing

    private void draw(ReviewState s) {
        drawObserver.drawStarted();
        try {
            drawState(s);
        } finally {
            drawObserver.drawEnded();
        }
    }

    private void drawState(ReviewState s) {
        if (s.status().quitRequested()) {
            stage.close();
            return;
        }
        checks.itemShown(s.open().item());
        expertRuns.itemShown(s.open().item());
        String key = PairRenderer.key(s.open().item());
        if (!key.equals(shownKey)) {
            drawObserver.itemSwapStarted();
            showItem(s);
            drawObserver.itemSwapEnded();
        }
        boolean leftSwapped = showSwapped(left, s.open().left(), leftShownId);
        boolean rightSwapped = s.open().right() != null && showSwapped(right, s.open().right(), rightShownId);
        leftShownId = s.open().left().response().id();
        rightShownId = s.open().right() == null ? null : s.open().right().response().id();
        boolean rawChanged = last == null || last.status().raw() != s.status().raw() || leftSwapped || rightSwapped;
        if (rawChanged) {
            left.setRawMode(s.status().raw());
            right.setRawMode(s.status().raw());
        }
        String diffHtml = s.open().isRanking() ? null : shown == null ? null : shown.diffHtml();
        String diffKey = shownKey + "\u0000" + leftShownId + "\u0000" + rightShownId;
        if (s.status().diff() && s.open().isRanking() && !diffKey.equals(diffShownKey)) diffHtml = rankingDiff(s);
        boolean showDiff = s.status().diff() && (diffHtml != null || s.open().isRanking() && diffKey.equals(diffShownKey));
        // The diff pane is filled only when it is looked at: most switches never show it, and a fourth
        // DOM swap per switch would sit on the critical path for nothing.
        if (showDiff && !diffKey.equals(diffShownKey)) {
            diffPane().show(htmlOnly(diffHtml));
            diffShownKey = diffKey;
        }
        if (diff != null) diff.setVisible(showDiff);
        pair.setVisible(!showDiff);
        drawMarks(left, s.open().left(), last == null || leftSwapped || !key.equals(PairRenderer.key(last.open().item())) ? null : last.open().left());
        if (s.open().right() != null) {
            drawMarks(right, s.open().right(), last == null || rightSwapped || !key.equals(PairRenderer.key(last.open().item())) || last.open().right() == null
                    ? null : last.open().right());
        }
        left.focusStep(s.open().focusedSide() == Side.LEFT ? s.open().left().focusedStep() : -1);
        if (s.open().right() != null) right.focusStep(s.open().focusedSide() == Side.RIGHT ? s.open().right().focusedStep() : -1);
        left.getStyleClass().remove("focused-side");
        right.getStyleClass().remove("focused-side");
        (s.open().focusedSide() == Side.LEFT ? left : right).getStyleClass().add("focused-side");
        help.setVisible(false);
        picker.setVisible(false);
        switch (s.status().mode()) {
            case HELP -> help.show(session.keymap());
            case PICK_CATEGORY -> picker.show(s);
            case NOTE -> textEntry.open("Note on step " + (s.open().focused().focusedStep() + 1) + " (" + focusedName(s) + ")",
                    s.labels().textInitial(), session::commitNote, session::cancel);
            case SKIP_REASON -> textEntry.open("Why skip this item?", "", session::commitSkip, session::cancel);
            case RATIONALE -> textEntry.open("Rationale: why this judgment (the whole item)", s.labels().rationale(),
                    session::commitRationale, session::cancel);
            case CONFIRM_AGAINST -> textEntry.open("Submit against the evidence? Why (optional) — Enter submits, Esc goes back", "",
                    session::confirmAgainst, session::cancel);
            case EXPERT_TEST -> openExpertTest(s);
            default -> {
            }
        }
        if (!TEXT_MODES.contains(s.status().mode()) && textEntry.isOpen() && !textEntryIsJump()) textEntry.close();
        scale.show(s);
        rankStrip.show(s);
        rankHeads.show(s);
        status.show(s);
        badges.show(s, checks.pending(), checks::detail);
        if (s.status().mode() != Mode.EXPERT_TEST && expertPanel.isOpen()) expertPanel.close();
        expertPanel.show(s, expertRuns::detail, expertRuns.running());
        saveNotice.show(s.status().saveFailure());
        if (s.status().syncScroll() != settings.syncScroll()) {
            settings.setSyncScroll(s.status().syncScroll());
            saveSettings();
        }
        stage.setTitle("Arbiter — " + s.queue().batch() + " — item " + s.queue().position() + " of " + s.queue().total());
        last = s;
    }

    /** The checks' progress changed: the badges follow (the evidence itself comes through the session). */
    private void drawBadges() {
        if (last != null) badges.show(last, checks.pending(), checks::detail);
    }

    /** A run of the expert's own test progressed: the panel follows (the outcomes come through the session). */
    private void drawExpertTest() {
        if (last != null) expertPanel.show(last, expertRuns::detail, expertRuns.running());
    }

    private void openExpertTest(ReviewState s) {
        if (expertPanel.isOpen()) return;
        Reference ref = s.open().item().reference();
        String hint = ref != null && ref.entryPoint() != null && "python".equals(s.open().expertTest().language())
                ? "assert on candidate, the response's " + ref.entryPoint() + "()" : "written as the item's own tests are";
        expertPanel.open(s.open().expertTest(), ExpertTests.template(ref), hint, this::runExpertTest, text -> {
            session.closeExpertTest(text);
            scene.getRoot().requestFocus();
        });
    }

    /** Ctrl+Enter in the editor: the session takes the text as the run's source, then both responses run. */
    private void runExpertTest(String text) {
        if (!expertRuns.available()) {
            session.notice("this window runs no code (no sandbox was set up for it)");
            return;
        }
        ReviewState s = session.expertTestStarted(text);
        if (text.isBlank()) return;
        expertRuns.run(s.open().item(), text);
    }

    /**
     * A ranking item brought another response into this pane: draw it there. True when it did (its marks are
     * then drawn afresh); false for the same response, and for a new item, which {@link #showItem} drew.
     */
    private boolean showSwapped(ResponsePane pane, PaneState now, String shownId) {
        if (shownId == null || shownId.equals(now.response().id())) return false;
        pane.show(shown.responses().get(now.response().id()));
        return true;
    }

    /** The diff of the two responses in a ranking item's panes (code only), or null. */
    private String rankingDiff(ReviewState s) {
        RankStrip strip = s.open().rankStrip();
        int l = strip.entries().stream().filter(e -> e.pane() == Side.LEFT).findFirst().map(RankStrip.Entry::number).orElse(0);
        int r = strip.entries().stream().filter(e -> e.pane() == Side.RIGHT).findFirst().map(RankStrip.Entry::number).orElse(0);
        return renderer.rankingDiffHtml(s.open().item(), s.open().left().response(), l, s.open().right().response(), r);
    }

    /** "left", or "response 3" on a ranking item, whose panes change. */
    private static String focusedName(ReviewState s) {
        if (!s.open().isRanking()) return s.open().focusedSide().name().toLowerCase();
        return s.open().rankStrip().entries().stream().filter(e -> e.focused()).map(e -> "response " + e.number()).findFirst().orElse("");
    }

    private boolean textEntryIsJump() {
        return textEntry.isOpen() && last != null && last.status().mode() == Mode.NORMAL;
    }

    private void showItem(ReviewState s) {
        Item item = s.open().item();
        PreparedItem p = renderer.ready(item).orElseGet(() -> renderer.prepare(item));
        shown = p;
        shownKey = p.key();
        leftShownId = null;
        rightShownId = null;
        left.show(p.responses().get(s.open().left().response().id()));
        if (s.open().right() != null) {
            right.show(p.responses().get(s.open().right().response().id()));
            if (!pair.getItems().contains(right)) pair.getItems().add(right);
            pair.setDividerPositions(0.5);
        } else {
            pair.getItems().remove(right); // single path: the one response takes the width
        }
        // Consecutive pairs often share their prompt (several response pairs per prompt): keep the DOM.
        if (!p.promptHtml().equals(promptShownHtml)) {
            prompt.show(preloadedPrompt != null && preloadedPrompt.html().equals(p.promptHtml()) ? preloadedPrompt : htmlOnly(p.promptHtml()));
            preloadedPrompt = null;
            promptShownHtml = p.promptHtml();
            fitPrompt();
        }
        others.show(org.arbiter.review.OthersLabels.of(item, s.queue().annotator()));
        left.setRawMode(s.status().raw());
        right.setRawMode(s.status().raw());
        if (!firstPairShown.isDone()) {
            // Done means drawn: both pages loaded, the pair in their DOM and laid out, not merely queued.
            ResponsePane second = s.open().right() != null ? right : left;
            left.whenLoaded(() -> second.whenLoaded(() -> {
                layoutPanes();
                firstPairShown.complete(null);
            }));
        }
        prefetchAround(s);
    }

    /** Draws the next unjudged items and the previous one while the expert reads this one. */
    private void prefetchAround(ReviewState s) {
        if (!s.queue().batch().equals(itemsBatch)) {
            itemsById.clear();
            for (Item i : batchItems.apply(s.queue().batch())) itemsById.put(i.id(), i);
            itemsBatch = s.queue().batch();
        }
        List<QueueEntry> queue = session.queue();
        int at = -1;
        for (int i = 0; i < queue.size(); i++) if (queue.get(i).current()) at = i;
        List<CompletableFuture<?>> pending = new java.util.ArrayList<>();
        for (int i = at + 1; i < queue.size() && pending.size() < 3; i++) {
            if (queue.get(i).judged()) continue;
            Item next = itemsById.get(queue.get(i).itemId());
            if (next != null && pending.isEmpty()) {
                checks.prefetch(next);
                pending.add(renderer.prefetch(next).thenAcceptAsync(p -> preloadPanes(next, p), Platform::runLater));
            } else if (next != null) {
                pending.add(renderer.prefetch(next));
            }
        }
        if (at > 0) {
            Item prev = itemsById.get(queue.get(at - 1).itemId());
            if (prev != null) pending.add(renderer.prefetch(prev));
        }
        prefetched = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    /**
     * The next pair's responses parsed into the panes that will show them (after the first pair is drawn, so the
     * cold start does not wait for it): Enter then swaps them in instead of parsing (measured by {@code arbiter bench}).
     */
    private void preloadPanes(Item next, PreparedItem p) {
        if (!firstPairShown.isDone()) {
            firstPairShown.thenRun(() -> preloadPanes(next, p));
            return;
        }
        if (p.key().equals(shownKey) || next.responses().size() > 2) return;
        // The prompt too, when the next pair asks something else: its pane is a third page to swap and lay out.
        if (!p.promptHtml().equals(promptShownHtml)) {
            preloadedPrompt = htmlOnly(p.promptHtml());
            prompt.preload(preloadedPrompt);
        }
        List<org.arbiter.model.Response> order = session.shownOrder(next);
        left.preload(p.responses().get(order.get(0).id()));
        if (order.size() == 2) right.preload(p.responses().get(order.get(1).id()));
    }

    private static void drawMarks(ResponsePane pane, PaneState now, PaneState before) {
        if (before != null && before.marks().equals(now.marks())) return;
        java.util.Set<Integer> steps = new java.util.HashSet<>(now.marks().keySet());
        if (before != null) steps.addAll(before.marks().keySet());
        for (int i : steps) {
            StepMark m = now.mark(i);
            if (before != null && before.mark(i).equals(m)) continue;
            pane.markStep(i, m.rating() == null ? null : m.rating().value(), m.categories(), !m.note().isEmpty());
        }
    }

    private static RenderedText htmlOnly(String html) {
        return new RenderedText(html, html, List.of(), List.of(), false, null);
    }

    /** Tests save the key bindings to their own file, never the user's. */
    void setKeysFile(Path file) {
        settings.setKeysFile(file);
    }

    /** The Ctrl+K dialog last opened, or null. */
    KeyBindingsDialog keysDialog() {
        return keysDialog;
    }

    @Override
    public CompletableFuture<Void> prefetched() {
        return prefetched;
    }

    @Override
    public void drawUncached(Item item) {
        renderer.prepare(item);
    }

    @Override
    public void observeDrawing(WindowProbe.DrawObserver observer) {
        drawObserver = observer == null ? WindowProbe.DrawObserver.NONE : observer;
    }

    @Override
    public void forceLayout() {
        layoutPanes();
    }

    private void layoutPanes() {
        left.executeScript("document.body.offsetHeight");
        if (pair.getItems().contains(right)) right.executeScript("document.body.offsetHeight");
    }

    /** What the panes show, for tests and the benchmark. */
    RenderedText shownResponse(String responseId) {
        return shown == null ? null : shown.responses().get(responseId);
    }

    /** The "labels of others" panel's text; empty when it is not shown. */
    String othersLabelsText() {
        return others.text();
    }

    /** The "NOT SAVED" bar, for tests. */
    SaveNotice saveNotice() {
        return saveNotice;
    }

    ResponsePane promptPane() {
        return prompt;
    }

    ResponsePane pane(Side side) {
        return side == Side.LEFT ? left : right;
    }
}

package org.arbiter.render.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Worker;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

import org.arbiter.render.RenderedText;

/**
 * Shows one rendered response: a WebView that loads its page once, then swaps content through one script
 * call. The page never navigates and never takes keyboard focus (the window's scene filter owns the review
 * keys). All methods must be called on the JavaFX thread; calls made before the page has loaded are queued.
 */
public final class ResponsePane extends Region {
    private final WebView view = new WebView();
    private final WebEngine engine = view.getEngine();
    private final List<Runnable> pending = new ArrayList<>();
    private final ReadOnlyDoubleWrapper scrollRatio = new ReadOnlyDoubleWrapper(this, "scrollRatio", 0);
    /** Held here because the page keeps only a weak reference to it. */
    private final Bridge bridge = new Bridge();
    private Consumer<String> onLinkClicked = url -> { };
    private boolean loaded;
    private JSObject arbiter;
    private String pageLocation;

    public ResponsePane() {
        view.setFocusTraversable(false);
        view.setContextMenuEnabled(false);
        // A click inside the page would otherwise move focus into the WebView and swallow review keys.
        view.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (getScene() != null && getScene().getFocusOwner() == view) requestParentFocus();
        });
        view.focusedProperty().addListener((obs, was, is) -> {
            if (is) requestParentFocus();
        });
        engine.setJavaScriptEnabled(true);
        engine.setOnAlert(e -> { });
        engine.setCreatePopupHandler(features -> null);
        engine.setConfirmHandler(message -> false);
        engine.setPromptHandler(p -> null);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED && !loaded) {
                arbiter = null;
                pageLocation = engine.getLocation();
                ((JSObject) engine.executeScript("window")).setMember("arbiterBridge", bridge);
                loaded = true;
                List<Runnable> queued = new ArrayList<>(pending);
                pending.clear();
                queued.forEach(Runnable::run);
            }
        });
        engine.locationProperty().addListener((obs, old, location) -> {
            // Navigation is never wanted: report the target and put our page back.
            if (loaded && location != null && !location.equals(pageLocation)) {
                loaded = false;
                Platform.runLater(() -> {
                    onLinkClicked.accept(location);
                    reload();
                });
            }
        });
        getChildren().add(view);
        engine.loadContent(ResponsePage.html());
    }

    private RenderedText current;
    /** What the page holds parsed beside the shown content, ready for {@link #show}; null when nothing. */
    private RenderedText preloaded;
    private boolean raw;
    private boolean dark;
    private boolean fitted;
    private final java.util.Map<Integer, Object[]> marks = new java.util.HashMap<>();
    private int focusedStep = -1;

    private void reload() {
        pending.add(() -> {
            setDark(dark);
            setFitted(fitted);
            if (current != null) show(current);
            setRawMode(raw);
            marks.forEach((i, m) -> markStep(i, (Integer) m[0], castList(m[1]), (Boolean) m[2]));
            if (focusedStep >= 0) focusStep(focusedStep);
        });
        engine.loadContent(ResponsePage.html());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    private void requestParentFocus() {
        if (getParent() != null) getParent().requestFocus();
    }

    /**
     * Runs now if the page has loaded, else once it has, after every call queued before it (so a task
     * queued after {@link #show} sees the content in the DOM).
     */
    public void whenLoaded(Runnable r) {
        if (loaded) r.run();
        else pending.add(r);
    }

    private JSObject window() {
        return (JSObject) engine.executeScript("window");
    }

    private Object call(String function, Object... args) {
        // Looked up once per page load, not per call: two fewer trips into JavaScript on every switch.
        if (arbiter == null) arbiter = (JSObject) window().getMember("arbiter");
        return arbiter.call(function, args);
    }

    /** Replaces the content; both the drawn and the raw view are kept so toggling costs nothing. */
    public void show(RenderedText text) {
        current = text;
        marks.clear();
        focusedStep = -1;
        whenLoaded(() -> {
            if (text.fellBackToRaw()) call("show", "", text.rawHtml(), text.notice(), true);
            else if (text == preloaded && Boolean.TRUE.equals(call("showPreloaded", text.rawHtml()))) preloaded = null;
            else call("show", text.html(), text.rawHtml(), null, false);
        });
    }

    /**
     * Parses content that {@link #show} is likely given next (the next pair, while the expert reads this one), so
     * that show only moves it into the page: the same DOM, without the parse on the switch. One is kept.
     */
    public void preload(RenderedText text) {
        if (text == null || text.fellBackToRaw() || text == current || text == preloaded) return;
        preloaded = text;
        whenLoaded(() -> call("preload", text.html()));
    }

    public void setRawMode(boolean on) {
        raw = on;
        whenLoaded(() -> call("setRaw", on));
    }

    public boolean isRawMode() {
        return raw;
    }

    /** Outlines a step (in both views) and scrolls it into view; -1 clears the outline. */
    public void focusStep(int index) {
        focusedStep = index;
        whenLoaded(() -> call("focusStep", index));
    }

    /**
     * Shows a step's label: ✓ correct (green), ○ neutral (grey), ✗ incorrect (orange), category chips and a
     * note mark. Symbols carry the meaning, colour only repeats it. A null rating with no categories and no
     * note clears the mark.
     */
    public void markStep(int index, Integer rating, List<String> categories, boolean hasNote) {
        List<String> cats = categories == null ? List.of() : List.copyOf(categories);
        if (rating == null && cats.isEmpty() && !hasNote) {
            marks.remove(index);
            whenLoaded(() -> call("clearMark", index));
            return;
        }
        marks.put(index, new Object[]{rating, cats, hasNote});
        whenLoaded(() -> {
            JSObject array = (JSObject) engine.executeScript("[]");
            for (int i = 0; i < cats.size(); i++) array.setSlot(i, cats.get(i));
            call("markStep", index, rating, array, hasNote);
        });
    }

    public void setDark(boolean on) {
        dark = on;
        whenLoaded(() -> call("setDark", on));
    }

    public void setZoom(double zoom) {
        view.setZoom(zoom);
    }

    /** A page shown at the height of its content (the prompt) drops the room left below a response's last step. */
    public void setFitted(boolean on) {
        fitted = on;
        whenLoaded(() -> call("setFitted", on));
    }

    /**
     * Measures the height, in screen pixels at the current zoom, that shows everything the page holds without
     * scrolling, once what was given to it before this call is in the page.
     */
    public void measureContent(java.util.function.DoubleConsumer height) {
        whenLoaded(() -> height.accept(((Number) call("contentHeight")).doubleValue() * view.getZoom()));
    }

    /** 0 at the top, 1 at the bottom; follows the user's scrolling. */
    public ReadOnlyDoubleProperty scrollRatioProperty() {
        return scrollRatio.getReadOnlyProperty();
    }

    public void scrollTo(double ratio) {
        whenLoaded(() -> call("scrollTo", Math.max(0, Math.min(1, ratio))));
    }

    /** Called with the target of a link the user clicked; the page itself never follows it. */
    public void setOnLinkClicked(Consumer<String> handler) {
        onLinkClicked = handler == null ? url -> { } : handler;
    }

    /** For tests and the window's diagnostics: runs a script in the page (FX thread only). */
    public Object executeScript(String script) {
        return engine.executeScript(script);
    }

    public boolean isLoaded() {
        return loaded;
    }

    WebView webView() {
        return view;
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(view, 0, 0, getWidth(), getHeight(), 0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    /** The page's only way to reach Java. Public because the WebView bridge reflects on it. */
    public final class Bridge {
        public void linkClicked(String url) {
            if (url != null && !url.isBlank()) onLinkClicked.accept(url);
        }

        public void scrolled(double ratio) {
            scrollRatio.set(ratio);
        }
    }
}

package org.arbiter.render.fx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import netscape.javascript.JSObject;

import org.arbiter.json.Json;
import org.arbiter.render.FormulaCache;
import org.arbiter.render.TexEngine;
import org.arbiter.render.TexResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KaTeX in one hidden, page-less WebEngine loaded once: {@code katex.renderToString} in a loaded page costs
 * ~0.25 ms, a page load 20–36 ms. Thread-safe: work is marshalled to the JavaFX thread in chunks, so a long
 * batch never freezes the window for more than one chunk. Results are cached by (tex, display) so the
 * prefetched next item costs nothing when it is shown, and, once the window attaches one, kept in a
 * {@link FormulaCache} so no formula is typeset twice: finding one there takes ~0.04 ms on the asking thread,
 * typesetting it 0.35–0.5 ms on the JavaFX thread (the bench corpus's 3,203 formulas). That lets the cache in the
 * heap stay small.
 */
public final class KatexEngine implements TexEngine {
    /** Formulas per trip to the JavaFX thread: ~10 ms of work normally, so the window never stalls. */
    private static final int CHUNK = 32;

    private final WebEngine engine;
    private final JSObject window;
    /**
     * The cache's bound in characters of TeX and HTML as well as in formulas: KaTeX's HTML for one display
     * formula runs from 1 to over 30 KB, so a count alone let a math-heavy batch keep tens of MB of heap. 1 M holds
     * the shown and the next item many times over; the window's formula file behind it holds the rest, so this
     * cache went down from 4 M (8 MB of heap, the HTML being partly UTF-16) when that file came.
     */
    static final long CACHE_CHARS = 1_000_000;

    /**
     * Formulas kept across sessions, looked up before KaTeX is asked; null until the window attaches its file
     * (KaTeX starts loading before the store opens), and again null after the file failed once.
     */
    private volatile FormulaCache kept;

    private final Map<Request, TexResult> cache;
    private final int cacheSize;
    /** Characters held by the cache; guarded by the cache. */
    private long cachedChars;

    private KatexEngine(WebEngine engine, int cacheSize) {
        this.engine = engine;
        this.window = (JSObject) engine.executeScript("window");
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Request, TexResult> eldest) {
                // One entry is added per put, so dropping the eldest one keeps both bounds (give or take that entry).
                boolean drop = size() > KatexEngine.this.cacheSize || cachedChars > CACHE_CHARS;
                if (drop) cachedChars -= chars(eldest.getKey(), eldest.getValue());
                return drop;
            }
        };
    }

    private static long chars(Request r, TexResult t) {
        return r.tex().length() + (t.html() == null ? 0 : t.html().length()) + (t.error() == null ? 0 : t.error().length());
    }

    /**
     * Loads KaTeX; completes on the JavaFX thread. The toolkit must be running.
     *
     * @param cacheSize formulas kept; 0 disables the cache (render-check measures every formula)
     */
    public static CompletableFuture<KatexEngine> load(int cacheSize) {
        CompletableFuture<KatexEngine> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                WebEngine e = new WebEngine();
                // Nothing else references the engine while its page loads; without this the collector may
                // take it and the load never completes. The future's caller keeps the future, hence e.
                f.whenComplete((engine, failure) -> e.getLocation());
                e.setJavaScriptEnabled(true);
                e.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
                    if (state == Worker.State.SUCCEEDED && !f.isDone()) {
                        try {
                            e.executeScript(Katex.text("katex.min.js"));
                            e.executeScript(Katex.text("/org/arbiter/render/katex-batch.js"));
                            f.complete(new KatexEngine(e, cacheSize));
                        } catch (RuntimeException ex) {
                            f.completeExceptionally(ex);
                        }
                    } else if (state == Worker.State.FAILED) {
                        f.completeExceptionally(new IllegalStateException("KaTeX page failed to load"));
                    }
                });
                // KaTeX refuses quirks mode, hence the doctype.
                e.loadContent("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        return f;
    }

    /**
     * What the engine's output depends on besides the formula: the KaTeX release and the options our batch script
     * gives it. Kept formulas of another version are not used.
     */
    public static String version() {
        return "katex " + Katex.DIST.replaceAll(".*/katex/([^/]+)/.*", "$1") + ", batch "
                + Integer.toHexString(Katex.text("/org/arbiter/render/katex-batch.js").hashCode());
    }

    /** Looks formulas up in {@code cache} before typesetting them, and keeps what KaTeX draws there. */
    public void keepFormulasIn(FormulaCache cache) {
        this.kept = cache;
    }

    /** Loads KaTeX and waits; never call this on the JavaFX thread. */
    public static KatexEngine start(int cacheSize) {
        if (Platform.isFxApplicationThread()) throw new IllegalStateException("KatexEngine.start would block the JavaFX thread; use load()");
        try {
            return load(cacheSize).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading KaTeX", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("KaTeX did not load: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("KaTeX did not load within 60 s", e);
        }
    }

    @Override
    public TexResult render(String tex, boolean display) {
        return renderAll(List.of(new Request(tex, display)), Long.MAX_VALUE / 2_000_000L).get(0);
    }

    @Override
    public List<TexResult> renderAll(List<Request> requests, long budgetMillis) {
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        TexResult[] out = new TexResult[requests.size()];
        List<Integer> todo = new ArrayList<>();
        synchronized (cache) {
            for (int i = 0; i < out.length; i++) {
                TexResult hit = cacheSize > 0 ? cache.get(requests.get(i)) : null;
                if (hit != null) out[i] = hit;
                else todo.add(i);
            }
        }
        FormulaCache file = cacheSize > 0 ? kept : null;
        if (file != null && !todo.isEmpty()) {
            List<Request> asked = new ArrayList<>(todo.size());
            for (int i : todo) asked.add(requests.get(i));
            Map<Request, TexResult> found = fromFile(file, asked);
            if (!found.isEmpty()) {
                List<Integer> left = new ArrayList<>();
                for (int i : todo) {
                    TexResult hit = found.get(requests.get(i));
                    if (hit == null) {
                        left.add(i);
                    } else {
                        out[i] = hit;
                        remember(requests.get(i), hit);
                    }
                }
                todo = left;
            }
        }
        for (int from = 0; from < todo.size(); from += CHUNK) {
            List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
            if (System.nanoTime() > deadline) {
                for (int i : chunk) out[i] = TexResult.skipped("not drawn: the time budget of " + budgetMillis + " ms ran out");
                continue;
            }
            ArrayNode in = Json.MAPPER.createArrayNode();
            for (int i : chunk) {
                ObjectNode o = in.addObject();
                o.put("t", requests.get(i).tex());
                o.put("d", requests.get(i).display());
            }
            String json = Json.MAPPER.writeValueAsString(in);
            String answer = FxThread.call(() -> {
                window.setMember("arbiterKatexInput", json);
                Object r = engine.executeScript("arbiterKatexBatch(window.arbiterKatexInput)");
                window.removeMember("arbiterKatexInput");
                return (String) r;
            });
            JsonNode batch = Json.MAPPER.readTree(answer);
            JsonNode results = batch.get("r");
            long us = batch.path("us").asLong() / chunk.size();
            for (int k = 0; k < chunk.size(); k++) {
                JsonNode r = results.get(k);
                TexResult t = r.path("ok").asBoolean() ? TexResult.ok(r.get("h").asString(), us)
                        : TexResult.failed(r.path("e").asString(), us);
                out[chunk.get(k)] = t;
            }
            if (cacheSize > 0) {
                Map<Request, TexResult> drawn = new LinkedHashMap<>();
                for (int i : chunk) {
                    remember(requests.get(i), out[i]);
                    drawn.put(requests.get(i), out[i]);
                }
                if (file != null) toFile(file, drawn);
            }
        }
        return List.of(out);
    }

    private void remember(Request request, TexResult result) {
        synchronized (cache) {
            cachedChars += chars(request, result);
            TexResult before = cache.put(request, result);
            if (before != null) cachedChars -= chars(request, before);
        }
    }

    private Map<Request, TexResult> fromFile(FormulaCache file, List<Request> asked) {
        try {
            return file.find(asked);
        } catch (RuntimeException e) {
            // A cache that cannot be read costs speed, never a drawing: typeset as if it were not there.
            kept = null;
            return Map.of();
        }
    }

    private void toFile(FormulaCache file, Map<Request, TexResult> drawn) {
        try {
            file.keep(drawn);
        } catch (RuntimeException e) {
            kept = null; // as above: the formulas are drawn, only not kept
        }
    }
}

package org.arbiter.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.arbiter.json.Json;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.KatexEngine;

import tools.jackson.databind.JsonNode;

/** Test plumbing: one JavaFX toolkit and one KaTeX engine per JVM, and FX-thread calls with a result. */
public final class Fx {
    private static final AtomicReference<KatexEngine> KATEX = new AtomicReference<>();

    private Fx() {
    }

    public static synchronized KatexEngine katex() {
        FxToolkit.ensureStarted();
        if (KATEX.get() == null) KATEX.set(KatexEngine.start(2_000));
        return KATEX.get();
    }

    static <T> T call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed: " + e, e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    static void waitUntil(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (call(condition::getAsBoolean)) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    public static Path corpus(String name) {
        return Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus")).resolve(name);
    }

    /** The "text" of every line of math_latex.jsonl whose id is given, in order. */
    static String mathText(String id) throws Exception {
        List<String> lines = Files.readAllLines(corpus("math_latex.jsonl"));
        for (String l : lines) {
            JsonNode o = Json.MAPPER.readTree(l);
            if (o.path("id").asString().equals(id)) return o.path("text").asString();
        }
        throw new AssertionError("no corpus item " + id);
    }
}

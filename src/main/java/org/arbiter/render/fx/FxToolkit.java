package org.arbiter.render.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/** Starts the JavaFX toolkit for headless work (render-check, tests) when nothing else has. */
public final class FxToolkit {
    /** The one start of this JVM's toolkit (JavaFX allows one); null until someone asks. */
    private static CompletableFuture<Void> starting;

    private FxToolkit() {
    }

    /**
     * Starts the toolkit on a background thread, once per JVM, and returns at once: the launcher calls it before the
     * command line is even parsed when the window is what will open, so the toolkit's 0.3-0.6 s overlap the rest of
     * the start. {@link #ensureStarted} then waits for this same start.
     */
    public static synchronized CompletableFuture<Void> startInBackground() {
        if (starting == null) {
            starting = new CompletableFuture<>();
            CompletableFuture<Void> f = starting;
            Thread t = new Thread(() -> {
                try {
                    start();
                    f.complete(null);
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            }, "fx-start");
            t.setDaemon(true);
            t.start();
        }
        return starting;
    }

    /**
     * Starts JavaFX once per JVM; without a display it uses the Monocle headless platform and software
     * rendering. Safe to call when the toolkit already runs.
     */
    public static void ensureStarted() {
        try {
            startInBackground().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private static void start() {
        String display = System.getenv("DISPLAY");
        if ((display == null || display.isBlank()) && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            // Monocle's headless screen is 1280x800 by default; a larger window overflows its framebuffer
            // and kills the render thread. Screenshots and the benchmark want a laptop-sized screen.
            if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", "1440x900-32");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            return;
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            // GTK cannot open the display named in DISPLAY (a closed X server, an ssh session without -X)
            throw new IllegalStateException("cannot open a window on display " + display + " (" + noDisplay.getMessage()
                    + "); start an X server there, or unset DISPLAY to run headless");
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
    }
}

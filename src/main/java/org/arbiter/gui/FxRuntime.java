package org.arbiter.gui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once per JVM. Without a display (CI, a server, render-check over ssh) it
 * switches to the Monocle headless platform with software rendering, so the same rendering pipeline runs
 * everywhere.
 */
public final class FxRuntime {
    private static boolean started;

    private FxRuntime() {
    }

    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win") || os.contains("mac")) return true;
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }

    /** Starts the toolkit (headless when there is no display); later calls do nothing. */
    public static synchronized void start() {
        if (started) return;
        if (!hasDisplay() || Boolean.getBoolean("arbiter.headless")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
        Platform.setImplicitExit(false);
        started = true;
    }
}

package org.arbiter.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.arbiter.app.PngWriter;

/** A snapshot of a real scene as pixels, for tests that check what the eye would see; also saved as a PNG to look at. */
record SceneShot(int width, int height, int[] argb) {

    static SceneShot of(Scene scene) throws Exception {
        CompletableFuture<SceneShot> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                WritableImage img = scene.snapshot(null);
                int w = (int) img.getWidth();
                int h = (int) img.getHeight();
                int[] px = new int[w * h];
                img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                r.complete(new SceneShot(w, h, px));
            } catch (RuntimeException e) {
                r.completeExceptionally(e);
            }
        });
        return r.get(20, TimeUnit.SECONDS);
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        PngWriter.write(file, width, height, argb);
    }

    int at(double x, double y) {
        int xi = (int) Math.max(0, Math.min(width - 1, Math.round(x)));
        int yi = (int) Math.max(0, Math.min(height - 1, Math.round(y)));
        return argb[yi * width + xi];
    }

    /** Relative luminance (WCAG 2) of one ARGB pixel, 0 black … 1 white. */
    static double luminance(int argb) {
        return 0.2126 * channel(argb >> 16) + 0.7152 * channel(argb >> 8) + 0.0722 * channel(argb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio of two luminances (1 … 21). */
    static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** The brightest pixel's luminance inside a rectangle of the scene. */
    double maxLuminance(Bounds r) {
        return stats(r)[1];
    }

    /** The darkest pixel's luminance inside a rectangle of the scene. */
    double minLuminance(Bounds r) {
        return stats(r)[0];
    }

    /** The share of pixels in the rectangle brighter than {@code threshold}. */
    double shareBrighterThan(Bounds r, double threshold) {
        int n = 0;
        int bright = 0;
        for (int y = (int) Math.ceil(r.getMinY()); y < (int) Math.floor(r.getMaxY()); y++) {
            for (int x = (int) Math.ceil(r.getMinX()); x < (int) Math.floor(r.getMaxX()); x++) {
                n++;
                if (luminance(at(x, y)) > threshold) bright++;
            }
        }
        return n == 0 ? 0 : (double) bright / n;
    }

    /** Rows of the rectangle in which more than 90 % of the pixels are brighter than {@code threshold}: a band. */
    int brightRows(Bounds r, double threshold) {
        int rows = 0;
        for (int y = (int) Math.ceil(r.getMinY()); y < (int) Math.floor(r.getMaxY()); y++) {
            int n = 0;
            int bright = 0;
            for (int x = (int) Math.ceil(r.getMinX()); x < (int) Math.floor(r.getMaxX()) - 16; x++) {
                n++;
                if (luminance(at(x, y)) > threshold) bright++;
            }
            if (n > 0 && bright > 0.9 * n) rows++;
        }
        return rows;
    }

    /**
     * How well text stands out: the WCAG contrast between the background (the pixel at {@code bg}) and the pixel
     * of the text's box that differs most from it (the core of a glyph, not its anti-aliased edge).
     */
    double textContrast(Bounds text, double bgX, double bgY) {
        double bg = luminance(at(bgX, bgY));
        double best = bg;
        for (int y = (int) Math.ceil(text.getMinY()); y < (int) Math.floor(text.getMaxY()); y++) {
            for (int x = (int) Math.ceil(text.getMinX()); x < (int) Math.floor(text.getMaxX()); x++) {
                double l = luminance(at(x, y));
                if (Math.abs(l - bg) > Math.abs(best - bg)) best = l;
            }
        }
        return contrast(best, bg);
    }

    private double[] stats(Bounds r) {
        double min = 1;
        double max = 0;
        for (int y = (int) Math.ceil(r.getMinY()); y < (int) Math.floor(r.getMaxY()); y++) {
            for (int x = (int) Math.ceil(r.getMinX()); x < (int) Math.floor(r.getMaxX()); x++) {
                double l = luminance(at(x, y));
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
        }
        return new double[] {min, max};
    }

    /** Where a node sits in the scene (call on the JavaFX thread). */
    static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}

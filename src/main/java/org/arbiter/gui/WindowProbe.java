package org.arbiter.gui;

import java.util.concurrent.CompletableFuture;

import org.arbiter.model.Item;

/**
 * The one seam through which {@code arbiter bench} watches the window: when drawing starts and ends, when the
 * pair is ready, and a way to force the layout the next frame would do. The window itself measures nothing.
 * Called on the JavaFX thread.
 */
public interface WindowProbe {

    /** Told as the window draws a published state; the benchmark takes its clock readings here. */
    interface DrawObserver {
        DrawObserver NONE = new DrawObserver() { };

        default void drawStarted() { }

        /** A new item's DOM goes into the panes (not every state change swaps items). */
        default void itemSwapStarted() { }

        default void itemSwapEnded() { }

        default void drawEnded() { }
    }

    /** Completes when the first pair is in both web views and laid out. */
    CompletableFuture<Void> firstPairShown();

    /** Completes when the items drawn ahead after the last switch are ready. */
    CompletableFuture<Void> prefetched();

    /** Forces the web views to lay out what they were given, as the next frame would. */
    void forceLayout();

    /** Draws an item off screen without its prefetch cache, as a switch to an item not drawn ahead would. */
    void drawUncached(Item item);

    void observeDrawing(DrawObserver observer);
}

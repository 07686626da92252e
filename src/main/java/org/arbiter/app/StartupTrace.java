package org.arbiter.app;

/**
 * Start-up milestones of the workstation. The app ignores them; {@code arbiter bench}'s cold-start run passes a
 * trace that reports them, so no measurement code lives in the app itself.
 */
public interface StartupTrace {
    StartupTrace NONE = new StartupTrace() { };

    /** A phase of the start (store open, toolkit started, window shown…) has ended. */
    default void phase(String name) { }

    /** The first pair is drawn. */
    default void ready() { }

    /** Whether the app should close once the first pair is drawn (a cold-start measurement). */
    default boolean closeWhenReady() {
        return false;
    }
}

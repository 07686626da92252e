package org.arbiter.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where things live: the store in the platform's per-user data folder, settings and key bindings in its
 * per-user config folder. Never the install folder, so upgrades and uninstalls keep the user's work.
 */
public final class StorePaths {
    private StorePaths() {
    }

    /** ARBITER_DB wins; then Linux XDG_DATA_HOME, macOS Application Support, Windows LOCALAPPDATA. */
    public static Path defaultDatabase() {
        String override = System.getenv("ARBITER_DB");
        if (override != null && !override.isBlank()) return Path.of(override);
        return dataDirectory().resolve("arbiter.db");
    }

    public static Path dataDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : Path.of(home, "AppData", "Local")).resolve("Arbiter");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Arbiter");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("arbiter");
    }

    /**
     * ARBITER_CONFIG wins; then Linux $XDG_CONFIG_HOME/arbiter (~/.config/arbiter), macOS
     * ~/Library/Application Support/Arbiter, Windows %APPDATA%\\Arbiter.
     */
    public static Path configDirectory() {
        String override = System.getenv("ARBITER_CONFIG");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("Arbiter");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Arbiter");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("arbiter");
    }
}

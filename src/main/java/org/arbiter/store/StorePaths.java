package org.arbiter.store;

import java.nio.file.Path;
import java.util.Locale;

/** Where the store lives when no --db is given: the platform's per-user data directory. */
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
}

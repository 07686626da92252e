package org.arbiter.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-user display preferences (theme, zoom, synchronized scrolling), kept in the user's config folder
 * rather than the store: they belong to the person and the screen, not to the data.
 */
public final class UserSettings {
    private final Path file;
    private boolean dark;
    private double zoom = 1.0;
    private boolean syncScroll = true;
    /** Why the file was not used at load (the defaults stand in), null when it was or there was none. */
    private String loadProblem;

    private UserSettings(Path file) {
        this.file = file;
    }

    public static Path configDirectory() {
        return org.arbiter.store.StorePaths.configDirectory();
    }

    /**
     * Reads the settings; a missing or unreadable file gives the defaults, and an unreadable one says why in
     * {@link #loadProblem()} for the caller to word (this package prints nothing).
     */
    public static UserSettings load(Path file) {
        UserSettings s = new UserSettings(file);
        if (!Files.exists(file)) return s;
        try {
            JsonNode o = Json.parse(Files.readString(file));
            if (o.has("dark")) s.dark = o.get("dark").asBoolean();
            if (o.has("zoom")) s.zoom = clampZoom(o.get("zoom").asDouble(1.0));
            if (o.has("sync_scroll")) s.syncScroll = o.get("sync_scroll").asBoolean();
        } catch (IOException | RuntimeException e) {
            s.loadProblem = "ignoring unreadable settings " + file + ": " + e.getMessage();
        }
        return s;
    }

    public static UserSettings loadDefault() {
        return load(configDirectory().resolve("settings.json"));
    }

    /** Why the settings file was not used when loaded, empty when it was (or did not exist yet). */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /**
     * Writes atomically, so a crash mid-write never leaves a half file. A failure is not fatal: it comes back
     * as what to tell the user, and the settings stay in effect for this run.
     */
    public Optional<String> save() {
        ObjectNode o = Json.object();
        o.put("dark", dark);
        o.put("zoom", zoom);
        o.put("sync_scroll", syncScroll);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(o));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot save settings " + file + ": " + e.getMessage());
        }
    }

    static double clampZoom(double z) {
        return Math.max(0.5, Math.min(3.0, z));
    }

    public Path file() {
        return file;
    }

    public boolean dark() {
        return dark;
    }

    public void setDark(boolean dark) {
        this.dark = dark;
    }

    public double zoom() {
        return zoom;
    }

    public void setZoom(double zoom) {
        this.zoom = clampZoom(zoom);
    }

    public boolean syncScroll() {
        return syncScroll;
    }

    public void setSyncScroll(boolean syncScroll) {
        this.syncScroll = syncScroll;
    }
}

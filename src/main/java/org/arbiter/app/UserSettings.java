package org.arbiter.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.arbiter.base.AtomicFile;
import org.arbiter.json.Json;
import org.arbiter.review.Keymap;
import org.arbiter.store.Setting;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-user preferences, kept in the user's config folder rather than the store: they belong to the person
 * and the screen, not to the data. This owns both files there: the display settings (theme, zoom,
 * synchronized scrolling) and the key bindings ({@code keys.json} beside them, or {@code ARBITER_KEYS}). Each is a typed
 * {@link Setting} with its default, the same key type as the store's settings table; the file holds every
 * key as a JSON boolean or number. The app reaches these through {@link Settings}, which adds the store's keys.
 */
public final class UserSettings {
    public static final Setting<Boolean> DARK = Setting.flag("dark", false);
    public static final Setting<Double> ZOOM = new Setting<>("zoom", 1.0, text -> clampZoom(Double.parseDouble(text)), String::valueOf);
    public static final Setting<Boolean> SYNC_SCROLL = Setting.flag("sync_scroll", true);
    private static final List<Setting<?>> ALL = List.of(DARK, ZOOM, SYNC_SCROLL);

    /** Whether this key is one of the file's (so {@link Settings} keeps it here rather than in the store). */
    static boolean holds(Setting<?> key) {
        return ALL.contains(key);
    }

    private final Path file;
    private Path keysFile;
    private final Map<Setting<?>, Object> values = new HashMap<>();
    /** Why the file was not used at load (the defaults stand in), null when it was or there was none. */
    private String loadProblem;

    private UserSettings(Path file) {
        this.file = file;
        String override = System.getenv("ARBITER_KEYS");
        this.keysFile = override != null && !override.isBlank() ? Path.of(override) : file.resolveSibling("keys.json");
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
            for (Setting<?> k : ALL) if (o.has(k.name())) s.read(k, o.get(k.name()));
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
        for (Setting<?> k : ALL) {
            Object v = get(k);
            if (v instanceof Boolean bool) o.put(k.name(), bool);
            else if (v instanceof Double d) o.put(k.name(), d);
            else o.put(k.name(), String.valueOf(v));
        }
        try {
            replace(file, Json.write(o));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot save settings " + file + ": " + e.getMessage());
        }
    }

    /** Where the key bindings are kept. */
    public Path keysFile() {
        return keysFile;
    }

    /** Tests keep their key bindings in their own file, never the user's. */
    public void setKeysFile(Path file) {
        this.keysFile = file;
    }

    /** The key bindings; a missing file gives the defaults, an unusable one the defaults and why. */
    public Keymap.Loaded loadKeys() {
        if (!Files.exists(keysFile)) return new Keymap.Loaded(Keymap.defaults(), Optional.empty());
        try {
            return Keymap.fromText(Files.readString(keysFile, StandardCharsets.UTF_8), keysFile.toString());
        } catch (IOException e) {
            return Keymap.unusable("cannot read key settings " + keysFile + ": " + e.getMessage());
        }
    }

    /** Writes every binding; empty when written, else what to tell the user (the keys in use stay). */
    public Optional<String> saveKeys(Keymap keys) {
        try {
            replace(keysFile, keys.toJson());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot write key settings " + keysFile + ": " + e.getMessage());
        }
    }

    /** Replaced whole or not at all (and a settings file that is a symlink stays one): see {@link AtomicFile}. */
    private static void replace(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        AtomicFile.writeString(target, text);
    }

    /** A value the file holds; one that does not parse leaves that setting at its default. */
    private <T> void read(Setting<T> k, JsonNode node) {
        try {
            values.put(k, k.parse().apply(node.isValueNode() ? node.asString() : node.toString()));
        } catch (RuntimeException unparsable) {
            values.remove(k);
        }
    }

    /** The setting's value, its default until set. */
    public <T> T get(Setting<T> k) {
        @SuppressWarnings("unchecked")
        T v = (T) values.get(k);
        return v != null ? v : k.defaultValue();
    }

    /** Sets a value for this run; {@link #save} keeps it for the next. */
    public <T> void set(Setting<T> k, T value) {
        values.put(k, k == ZOOM ? (Object) clampZoom((Double) value) : value);
    }

    static double clampZoom(double z) {
        return Math.max(0.5, Math.min(3.0, z));
    }

    public Path file() {
        return file;
    }

    public boolean dark() {
        return get(DARK);
    }

    public void setDark(boolean dark) {
        set(DARK, dark);
    }

    public double zoom() {
        return get(ZOOM);
    }

    public void setZoom(double zoom) {
        set(ZOOM, zoom);
    }

    public boolean syncScroll() {
        return get(SYNC_SCROLL);
    }

    public void setSyncScroll(boolean syncScroll) {
        set(SYNC_SCROLL, syncScroll);
    }
}

package org.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * A remembered setting: its name where it is kept, its type and the value it has until someone sets it.
 * Every key of the store's settings table is declared here, so what a store remembers is read in one
 * place; the per-user display settings (a file in the config folder) declare theirs in
 * {@code app.UserSettings} with the same type, and {@code app.Settings} serves both by these keys to the app.
 *
 * @param defaultValue what reading an unset key gives, null when unset means "none" (then read as empty)
 */
public record Setting<T>(String name, T defaultValue, Function<String, T> parse, Function<T, String> format) {
    /** The annotator of this store: the one name stamped on its judgments and sent by sync. */
    public static final Setting<String> ANNOTATOR = text("annotator");
    /** The server whose login fixed the annotator name; present exactly while the name is fixed. */
    public static final Setting<String> ANNOTATOR_SERVER = text("annotator.server");
    /** Where logins before the one-name rule kept the server's name; read once and folded into {@link #ANNOTATOR}. */
    public static final Setting<String> LEGACY_SYNC_ANNOTATOR = text("sync.annotator");
    /** The lab server this store syncs with (set by login). */
    public static final Setting<String> SYNC_SERVER = text("sync.server");
    public static final Setting<String> SYNC_TOKEN = text("sync.token");
    /** The names of the server's batches, as a JSON array, for the batch picker while offline. */
    public static final Setting<String> SYNC_BATCHES = text("sync.batches");
    /** When the last sync finished. */
    public static final Setting<Instant> SYNC_LAST = new Setting<>("sync.last", null, Instant::parse, Instant::toString);
    /** A self-signed server certificate the user chose to trust at login (PEM). */
    public static final Setting<String> SYNC_TRUST_CERT = text("sync.trust_cert");

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(format, "format");
    }

    /** Where {@code annotator} left off: batch and item, NUL-separated. */
    public static Setting<String> reviewPosition(String annotator) {
        return text("review.position." + annotator);
    }

    public static Setting<String> text(String name) {
        return new Setting<>(name, null, Function.identity(), Function.identity());
    }

    public static Setting<Boolean> flag(String name, boolean defaultValue) {
        return new Setting<>(name, defaultValue, Boolean::parseBoolean, String::valueOf);
    }

    public static Setting<Double> decimal(String name, double defaultValue) {
        return new Setting<>(name, defaultValue, Double::parseDouble, String::valueOf);
    }
}

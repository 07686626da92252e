package org.arbiter.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.arbiter.review.Keymap;
import org.arbiter.store.LocalStore;
import org.arbiter.store.Setting;
import org.arbiter.store.SettingsRepository;

/**
 * Every remembered setting of one run, behind typed {@link Setting} keys with their defaults: the per-user ones
 * in the config folder ({@code settings.json}, {@code keys.json}, through {@link UserSettings}) and the per-store
 * ones in the store's {@code setting} table (through {@link SettingsRepository}). Which of the two keeps a key
 * follows from the key: the display keys are {@link UserSettings}'s, every other key is declared in
 * {@link Setting} and kept with the data. The cli builds one per run and hands it down.
 *
 * <p>The lower layers ({@code review}, {@code sync}, {@code store}) may not reach {@code app}, so they keep
 * reading the store's keys through the store's {@link SettingsRepository} by the same typed keys; this service
 * composes the two holders rather than replacing them, so there is still one declaration per key.
 */
public final class Settings {
    private final UserSettings user;
    private final SettingsRepository store;

    public Settings(UserSettings user, SettingsRepository store) {
        this.user = Objects.requireNonNull(user, "user");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The user's settings from the config folder, with the store's own; an unreadable file is in {@link #loadProblem}. */
    public static Settings load(LocalStore store) {
        return new Settings(UserSettings.loadDefault(), store.settings());
    }

    /** The setting's value, its default while unset (null for a store key without one). */
    public <T> T get(Setting<T> key) {
        return UserSettings.holds(key) ? user.get(key) : store.valueOf(key);
    }

    /** The setting's value, empty while unset and without a default. */
    public <T> Optional<T> find(Setting<T> key) {
        return UserSettings.holds(key) ? Optional.ofNullable(user.get(key)) : store.get(key);
    }

    /**
     * Sets and keeps a value: a store key is written to the table at once; a user key is written to its file,
     * and a file that cannot be written comes back as what to tell the user (the value stays for this run).
     */
    public <T> Optional<String> set(Setting<T> key, T value) {
        if (!UserSettings.holds(key)) {
            store.put(key, value);
            return Optional.empty();
        }
        user.set(key, value);
        return user.save();
    }

    /** Back to the default: a store key is removed from the table, a user key set to its default and saved. */
    public Optional<String> reset(Setting<?> key) {
        if (!UserSettings.holds(key)) {
            store.remove(key);
            return Optional.empty();
        }
        return resetUser(key);
    }

    private <T> Optional<String> resetUser(Setting<T> key) {
        return set(key, key.defaultValue());
    }

    /** Why {@code settings.json} was not used at start, empty when it was (or did not exist yet). */
    public Optional<String> loadProblem() {
        return user.loadProblem();
    }

    /** The key bindings ({@code keys.json} or {@code ARBITER_KEYS}); an unusable file gives the defaults and why. */
    public Keymap.Loaded loadKeys() {
        return user.loadKeys();
    }

    /** Writes every binding; empty when written, else what to tell the user. */
    public Optional<String> saveKeys(Keymap keys) {
        return user.saveKeys(keys);
    }

    public Path keysFile() {
        return user.keysFile();
    }

    /** The per-user part, for the window that changes display settings as the user works and saves them at once. */
    public UserSettings user() {
        return user;
    }

    /** The per-store part, for the lower layers (review, sync, the annotator name) that may not use this package. */
    public SettingsRepository store() {
        return store;
    }
}

package org.arbiter.store;

import java.util.Optional;


/**
 * Who is the annotator of this store: the one name stamped on its judgments and the one name sync sends.
 * Everything that needs it (the window, sync, login) reads and writes it here, under one key.
 * <p>
 * A login sets it to the name the server gave the token and records which server did; from then on the name
 * is fixed, and another name (from {@code --annotator}) is refused, because the server takes judgments only
 * under the token's name: anything stamped otherwise would wait in the store for ever. Without a login the
 * {@code --annotator} option wins (and is remembered), else the remembered name; when there is none the window
 * asks once, prefilled with {@link #suggestion()}.
 */
public final class AnnotatorName {
    /** Settings key of the name. */
    public static final Setting<String> KEY = Setting.ANNOTATOR;
    /** Settings key of the server whose login set the name; present exactly while the name is fixed. */
    public static final Setting<String> KEY_SERVER = Setting.ANNOTATOR_SERVER;
    /**
     * Where logins before this version kept the server's name, beside a {@link #KEY} that could differ (the
     * cause of judgments stranded under another name). Read once and folded into {@link #KEY}.
     */
    static final Setting<String> LEGACY_LOGIN_KEY = Setting.LEGACY_SYNC_ANNOTATOR;
    /** The server URL such a login saved (sync's own key), to say which server fixed the name. */
    private static final Setting<String> LEGACY_SERVER_KEY = Setting.SYNC_SERVER;

    private AnnotatorName() {
    }

    /** The name a logged-in store refuses to trade for another. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** This store's annotator, if settled. */
    public static Optional<String> current(SettingsRepository settings) {
        foldLegacyLogin(settings);
        return settings.get(KEY).filter(s -> !s.isBlank());
    }

    /** The server whose login fixed the name, if any. */
    public static Optional<String> server(SettingsRepository settings) {
        foldLegacyLogin(settings);
        return settings.get(KEY_SERVER);
    }

    /**
     * The name to judge as: {@code fromOption} when given (and remembered), else {@link #current}. Empty means
     * nobody is named yet and the caller asks.
     *
     * @throws Refused when the store is logged in under another name
     */
    public static Optional<String> resolve(String fromOption, SettingsRepository settings) {
        if (fromOption != null && !fromOption.isBlank()) {
            remember(settings, fromOption);
            return Optional.of(fromOption.strip());
        }
        return current(settings);
    }

    /**
     * Keeps a name chosen on this machine.
     *
     * @throws Refused when the store is logged in under another name
     */
    public static void remember(SettingsRepository settings, String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("the annotator name is empty");
        String n = name.strip();
        Optional<String> fixedBy = server(settings);
        Optional<String> now = current(settings);
        if (fixedBy.isPresent() && now.isPresent() && !now.get().equals(n)) {
            throw new Refused("this store is logged in to " + fixedBy.get() + " as " + now.get() + ", so its judgments are "
                    + now.get() + "'s; it cannot judge as " + n + ". Leave out --annotator, or give " + n
                    + " a store of their own (--db FILE) and log in there with " + n + "'s token");
        }
        settings.put(KEY, n);
    }

    /** What a login does: the name is the one the server gave the token, fixed until the next login. */
    public static void setByServer(SettingsRepository settings, String name, String server) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("the server gave an empty annotator name");
        settings.put(KEY, name.strip());
        settings.put(KEY_SERVER, server);
        settings.remove(LEGACY_LOGIN_KEY);
    }

    private static void foldLegacyLogin(SettingsRepository settings) {
        Optional<String> legacy = settings.get(LEGACY_LOGIN_KEY);
        if (legacy.isPresent() && !legacy.get().isBlank()) {
            setByServer(settings, legacy.get(), settings.get(LEGACY_SERVER_KEY).orElse("the lab server"));
        }
    }

    /** The operating system's user name, as the prefilled answer. */
    public static String suggestion() {
        String user = System.getProperty("user.name");
        return user == null ? "" : user;
    }
}

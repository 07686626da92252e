package org.arbiter.review;

import java.util.Optional;

import org.arbiter.store.SettingsRepository;

/**
 * Who is judging. Stamped on every judgment, so it is settled before the first item shows: the
 * {@code --annotator} option wins (and is remembered), else the name saved by {@code login} or an earlier
 * start; when there is none the window asks once, prefilled with {@link #suggestion()}.
 */
public final class AnnotatorName {
    /** Settings key of the remembered name. */
    public static final String KEY = "annotator";

    private AnnotatorName() {
    }

    public static Optional<String> resolve(String fromOption, SettingsRepository settings) {
        if (fromOption != null && !fromOption.isBlank()) {
            remember(settings, fromOption);
            return Optional.of(fromOption.strip());
        }
        return settings.get(KEY).filter(s -> !s.isBlank());
    }

    public static void remember(SettingsRepository settings, String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("the annotator name is empty");
        settings.put(KEY, name.strip());
    }

    /** The operating system's user name, as the prefilled answer. */
    public static String suggestion() {
        String user = System.getProperty("user.name");
        return user == null ? "" : user;
    }
}

package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Small key/value facts kept with the data: the annotator name, the current position, sync state. Read and
 * write them by their typed {@link Setting}; the text methods remain for keys read as plain text.
 */
public final class SettingsRepository {
    private final LocalStore store;

    SettingsRepository(LocalStore store) {
        this.store = store;
    }

    public Optional<String> get(String key) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void remove(String key) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The setting's value, empty while unset and without a default. */
    public <T> Optional<T> get(Setting<T> setting) {
        return get(setting.name()).map(setting.parse()).or(() -> Optional.ofNullable(setting.defaultValue()));
    }

    /** The setting's value, its default while unset. */
    public <T> T valueOf(Setting<T> setting) {
        return get(setting).orElse(setting.defaultValue());
    }

    public <T> void put(Setting<T> setting, T value) {
        put(setting.name(), setting.format().apply(value));
    }

    /** Back to the default (or to unset). */
    public void remove(Setting<?> setting) {
        remove(setting.name());
    }
}

package org.arbiter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small key/value facts kept with the data: the annotator name, the current position, sync state. */
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
}

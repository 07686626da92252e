package org.arbiter.server;

/** For tests outside this package: what only the server's database shows (it is no API of the store). */
public final class ServerStoreProbe {
    private ServerStoreProbe() {
    }

    /** The token hash stored for {@code annotator}, read with SQL. */
    public static String storedTokenHash(ServerStore store, String annotator) {
        return store.withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT token_hash FROM annotator WHERE name = ?")) {
                ps.setString(1, annotator);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** The hash the store keeps of a token. */
    public static String hash(String token) {
        return ServerStore.hash(token);
    }
}

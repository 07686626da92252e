package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter server lead add|revoke} on a real server database. */
class LeadCommandTest {
    @TempDir
    Path dir;

    String[] out = new String[2];

    int arbiter(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out[0] = o.toString();
        out[1] = e.toString();
        return code;
    }

    @Test
    void leadAddPrintsATokenKeptOnlyAsAHashThatIsNotAnAnnotatorToken() {
        String db = "jdbc:sqlite:" + dir.resolve("server.db");
        assertThat(arbiter("server", "--db", db, "lead", "add", "lea")).isZero();
        String[] lines = out[0].strip().split("\n");
        String token = lines[lines.length - 1];
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(arbiter("server", "--db", db, "lead", "add", "lea")).isEqualTo(1);
        assertThat(out[1]).contains("already exists");
        try (ServerStore s = ServerStore.open(db)) {
            assertThat(s.authenticateLead(token)).contains("lea");
            assertThat(s.authenticate(token)).isEmpty();
            assertThat(s.annotators()).isEmpty();
        }
        assertThat(arbiter("server", "--db", db, "lead", "revoke", "lea")).isZero();
        assertThat(arbiter("server", "--db", db, "lead", "revoke", "nobody")).isNotZero();
        try (ServerStore s = ServerStore.open(db)) {
            assertThat(s.authenticateLead(token)).isEmpty();
        }
    }
}

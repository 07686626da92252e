package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.arbiter.sync.SyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code arbiter serve} on a chosen port, with the admin CLI preparing its database first. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serveAnswersTheTokenTheAdminCreated() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("server.db");
        StringWriter adminOut = new StringWriter();
        assertThat(ArbiterCommand.run(new PrintWriter(adminOut, true), new PrintWriter(new StringWriter(), true),
                "server", "--db", db, "annotator", "add", "ana")).isZero();
        List<String> lines = adminOut.toString().strip().lines().toList();
        String token = lines.get(lines.size() - 1);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CommandLine cl = ArbiterCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        CommandLine serveLine = cl.getSubcommands().get("serve");
        Thread t = new Thread(() -> cl.execute("serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--db", db));
        t.start();
        try {
            SyncClient client = new SyncClient("http://127.0.0.1:" + port, token, null, Duration.ofSeconds(5));
            String who = null;
            for (int i = 0; i < 100 && who == null; i++) {
                try {
                    who = client.whoAmI();
                } catch (RuntimeException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(who).isEqualTo("ana");
            assertThat(out.toString()).contains("serving jdbc:sqlite:").contains("http://127.0.0.1:" + port);
        } finally {
            ((org.arbiter.cli.ServeCommand) serveLine.getCommand()).stopForTest();
            t.join(10_000);
        }
        assertThat(t.isAlive()).isFalse();
    }
}

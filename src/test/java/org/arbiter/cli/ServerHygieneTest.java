package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncException;
import org.arbiter.sync.SyncService;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Issue 10, case 11: the server and the client say when traffic is unencrypted, an aborted push costs the
 * server's log one line, and a failed sync says what happened in the user's terms.
 */
class ServerHygieneTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theDecisionWarnsOnlyAboutPlainHttpBeyondThisMachine() {
        assertThat(PlainHttpWarning.forServer("0.0.0.0", false)).hasValueSatisfying(w -> assertThat(w)
                .contains("plain HTTP on every network interface").contains("--tls-keystore FILE --tls-password-file FILE")
                .contains("--host 127.0.0.1"));
        assertThat(PlainHttpWarning.forServer("::", false)).isPresent();
        assertThat(PlainHttpWarning.forServer("192.0.2.7", false)).hasValueSatisfying(w -> assertThat(w).contains("on 192.0.2.7"));
        assertThat(PlainHttpWarning.forServer("0.0.0.0", true)).isEmpty();
        assertThat(PlainHttpWarning.forServer("127.0.0.1", false)).isEmpty();
        assertThat(PlainHttpWarning.forServer("localhost", false)).isEmpty();
        assertThat(PlainHttpWarning.forServer("::1", false)).isEmpty();

        assertThat(PlainHttpWarning.forClient(URI.create("http://192.0.2.7:8470"))).hasValueSatisfying(w -> assertThat(w)
                .contains("token").contains("unencrypted").contains("https://"));
        assertThat(PlainHttpWarning.forClient(URI.create("https://192.0.2.7:8470"))).isEmpty();
        assertThat(PlainHttpWarning.forClient(URI.create("http://127.0.0.1:8470"))).isEmpty();
        assertThat(PlainHttpWarning.forClient(URI.create("http://localhost:8470"))).isEmpty();
        assertThat(PlainHttpWarning.forClient(URI.create("http://[::1]:8470"))).isEmpty();
    }

    @Test
    void servingPlainHttpOnEveryInterfaceSaysSoAtStart() throws Exception {
        assertThat(serveOutput("0.0.0.0")).contains("serving jdbc:sqlite:")
                .contains("warning: serving plain HTTP on every network interface (0.0.0.0)")
                .contains("--tls-keystore FILE --tls-password-file FILE");
        assertThat(serveOutput("127.0.0.1")).contains("serving jdbc:sqlite:").doesNotContain("warning");
    }

    /** Everything {@code arbiter serve --host HOST --port 0} prints once it serves, then stops it. */
    private String serveOutput(String host) throws Exception {
        CommandLine cl = ArbiterCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String db = "jdbc:sqlite:" + dir.resolve("serve-" + host.replace(':', '_') + ".db");
        Thread t = new Thread(() -> cl.execute("serve", "--host", host, "--port", "0", "--db", db));
        t.start();
        try {
            for (int i = 0; i < 300 && !out.toString().contains("serving"); i++) Thread.sleep(100);
            Thread.sleep(200); // the warning follows the "serving" line
        } finally {
            ((ServeCommand) cl.getSubcommands().get("serve").getCommand()).stopForTest();
            t.join(20_000);
        }
        assertThat(t.isAlive()).isFalse();
        return out + "\n" + err;
    }

    @Test
    void loginWarnsThatTheTokenTravelsInClearToANonLoopbackServerAndStillWorks() throws Exception {
        try (SyncTestKit.Lab lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana"))) {
            Path db = dir.resolve("ana.db");
            Run local = arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
            assertThat(local.code()).as(local.err()).isZero();
            assertThat(local.err()).doesNotContain("warning");

            // 0.0.0.0 is no loopback address, yet on Linux a connection to it stays on this machine: the one way
            // to log in over a non-loopback http:// address without leaving 127.0.0.1's reach.
            assertThat(InetAddress.getByName("0.0.0.0").isLoopbackAddress()).isFalse();
            String wide = "http://0.0.0.0:" + lab.server.port();
            Run remote = arbiter("login", "--server", wide, "--token", lab.tokens.get("ana"), "--db", db.toString());
            assertThat(remote.code()).as(remote.err()).isZero();
            assertThat(remote.out()).contains("logged in to " + wide + " as ana");
            assertThat(remote.err()).contains("warning: " + wide + " is plain HTTP and not a loopback address")
                    .contains("token").contains("unencrypted").doesNotContain(lab.tokens.get("ana"));
        }
    }

    @Test
    void anAbortedPushCostsTheServerLogOneLine() throws Exception {
        try (SyncTestKit.Lab lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana"))) {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                try (Socket s = new Socket("127.0.0.1", lab.server.port())) {
                    OutputStream o = s.getOutputStream();
                    o.write(("POST /api/judgments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + lab.tokens.get("ana")
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"judgments\":[{\"judgment_id\":")
                            .getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    Thread.sleep(300);
                } // closed mid-body
                for (int i = 0; i < 100 && !captured.toString(StandardCharsets.UTF_8).contains("nothing stored"); i++) Thread.sleep(100);
                Thread.sleep(500); // anything else the server would log about it
            } finally {
                System.setErr(original);
            }
            List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("POST /api/judgments from ana").contains("closed the connection")
                    .contains("nothing stored").doesNotContain("Exception");
            assertThat(lab.store.status().versions()).isZero();
        }
    }

    @Test
    void aSyncToAClosedPortSaysNothingListensThereInPlainWords() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path db = dir.resolve("ana.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.settings().put(SyncService.KEY_SERVER, "http://127.0.0.1:" + closed);
            s.settings().put(SyncService.KEY_TOKEN, "t0ken");
        }
        Run r = arbiter("sync", "--db", db.toString());
        assertThat(r.code()).isEqualTo(SyncCommand.UNREACHABLE);
        assertThat(r.err()).contains("arbiter sync: cannot reach the server http://127.0.0.1:" + closed
                        + ": nothing is listening at 127.0.0.1:" + closed + " (connection refused)")
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("null").doesNotContain("t0ken");
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutAndHttpsToAPlainServerIsATlsFailure() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            SyncClient client = new SyncClient(url, "t", null, Duration.ofMillis(800));
            assertThatThrownBy(client::whoAmI).isInstanceOf(SyncException.class)
                    .hasMessage("the server " + url + " did not answer within 0.8 s (timed out); nothing is lost, the next sync sends it again");
        }
        try (SyncTestKit.Lab lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana"))) {
            String https = "https://127.0.0.1:" + lab.server.port();
            assertThatThrownBy(() -> new SyncClient(https, lab.tokens.get("ana"), null, Duration.ofSeconds(5)).whoAmI())
                    .isInstanceOf(SyncException.class)
                    .hasMessageStartingWith("TLS failure with the server " + https + ": ")
                    .hasMessageNotContaining("javax.").hasMessageNotContaining("Exception");
        }
    }
}

package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncException;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed keystore made the way the README tells a lab to make one. */
class TlsServerTest {
    @TempDir
    Path dir;

    @Test
    void theServerSpeaksHttpsWithAKeystoreAndAClientThatTrustsIt() throws Exception {
        Path keystore = dir.resolve("lab.p12");
        String password = "changeit-lab";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "arbiter", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();

        try (SyncTestKit.Lab lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana"),
                new ArbiterServer.Tls(keystore, password.toCharArray()))) {
            assertThat(lab.url()).startsWith("https://127.0.0.1:");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);

            SyncClient client = new SyncClient(lab.url(), lab.tokens.get("ana"), ssl, Duration.ofSeconds(10));
            assertThat(client.whoAmI()).isEqualTo("ana");

            // a client that does not trust the lab's certificate is not fooled
            SyncClient untrusting = new SyncClient(lab.url(), lab.tokens.get("ana"), null, Duration.ofSeconds(10));
            assertThatThrownBy(untrusting::whoAmI).isInstanceOf(SyncException.class);
            // and the port does not answer plain HTTP
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String httpUrl = lab.url().replace("https://", "http://") + "/api/health";
            boolean plainWorked;
            try {
                plainWorked = plain.send(HttpRequest.newBuilder(URI.create(httpUrl)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200;
            } catch (java.io.IOException e) {
                plainWorked = false;
            }
            assertThat(plainWorked).isFalse();

            // the README's way: export the certificate, log in trusting it, sync
            Path cert = dir.resolve("lab.crt");
            Process export = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-exportcert", "-rfc", "-alias", "arbiter", "-keystore", keystore.toString(), "-storepass", password,
                    "-file", cert.toString()).redirectErrorStream(true).start();
            String exportLog = new String(export.getInputStream().readAllBytes());
            assertThat(export.waitFor()).as(exportLog).isZero();
            Path db = dir.resolve("ana.db");
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    "login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--trust-cert", cert.toString(), "--db", db.toString());
            assertThat(code).as(err.toString()).isZero();
            code = org.arbiter.cli.ArbiterCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    "sync", "--db", db.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("pulled 0 batches");
        }
    }
}

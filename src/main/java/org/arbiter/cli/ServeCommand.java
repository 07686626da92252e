package org.arbiter.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.arbiter.server.ArbiterServer;
import org.arbiter.server.ServerStore;
import org.arbiter.store.StorePaths;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter serve}: the lab's sync server, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the lab's sync server (annotators pull batches and push judgments).")
public final class ServeCommand implements Runnable {
    @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = ArbiterServer.DEFAULT_PORT;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:sqlite:FILE (default: server.db beside the local store) or jdbc:postgresql://HOST/DB?user=…&password=…")
    String db;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 keystore with the server key and certificate: serve HTTPS.")
    Path keystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "File holding the keystore password.")
    Path passwordFile;

    @Spec
    CommandSpec spec;

    static String defaultServerDb() {
        return "jdbc:sqlite:" + StorePaths.dataDirectory().resolve("server.db").toAbsolutePath();
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ArbiterServer.Tls tls = null;
        if ((keystore == null) != (passwordFile == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tls-keystore and --tls-password-file go together");
        }
        if (keystore != null) {
            try {
                tls = new ArbiterServer.Tls(keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        String url = db != null ? db : defaultServerDb();
        ServerStore store = ServerStore.open(url, warning -> spec.commandLine().getErr().println(warning));
        // The lab dashboard rides on the same server: /dashboard for leads (arbiter server lead add NAME).
        org.arbiter.dashboard.Dashboard dashboard = new org.arbiter.dashboard.Dashboard(store);
        ArbiterServer server = new ArbiterServer(store, host, port, tls, java.util.List.of(dashboard)).start();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "arbiter-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("serving " + store.url() + " on " + server.url() + " (Ctrl+C to stop)");
        out.flush();
        PlainHttpWarning.forServer(host, tls != null).ifPresent(w -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println(w);
            err.flush();
        });
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            dashboard.close();
            store.close();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is what stopped us
            }
        }
    }

    /** Counted down by Ctrl+C (the shutdown hook), or by {@link #stopForTest()}. */
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Ends a running {@code serve} as Ctrl+C would, for tests that run it in-process. */
    public void stopForTest() {
        stop.countDown();
    }
}

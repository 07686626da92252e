package org.arbiter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.arbiter.store.AnnotatorName;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncException;
import org.arbiter.sync.SyncService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter login}: checks a token with the server and keeps it in the local store. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Connect this store to the lab server (the token is checked, then kept in the store; never printed).")
public final class LoginCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--server", paramLabel = "URL", required = true, description = "e.g. https://lab-server:8470")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "The token from: arbiter server annotator add NAME")
    String token;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "PEM certificate of a lab server with a self-signed certificate (keytool -exportcert -rfc); kept in the store.")
    Path trustCert;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalStore s = store.open()) {
            String pem = trustCert == null ? null : Files.readString(trustCert, StandardCharsets.US_ASCII);
            SyncClient client = new SyncClient(server, token.strip(), pem == null ? null : SyncClient.trusting(pem), Duration.ofSeconds(30));
            PlainHttpWarning.forClient(URI.create(client.server())).ifPresent(err::println);
            String before = AnnotatorName.current(s.settings()).orElse(null);
            String annotator = SyncService.login(s, client, token.strip(), pem);
            out.println("logged in to " + client.server() + " as " + annotator + " (store: " + s.file() + ")");
            out.println("this store's annotator is now " + annotator + " (the server's name; judgments here are stamped with it)"
                    + (before != null && !before.equals(annotator) ? "; it was " + before : ""));
            return 0;
        } catch (SyncException e) {
            err.println("arbiter login: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("arbiter login: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}

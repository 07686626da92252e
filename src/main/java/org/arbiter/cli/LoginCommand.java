package org.arbiter.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalStore s = store.open()) {
            SyncClient client = new SyncClient(server, token.strip());
            String annotator = SyncService.login(s, client, token.strip());
            out.println("logged in to " + client.server() + " as " + annotator + " (store: " + s.file() + ")");
            return 0;
        } catch (SyncException e) {
            err.println("arbiter login: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("arbiter login: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}

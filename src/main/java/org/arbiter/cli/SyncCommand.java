package org.arbiter.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncException;
import org.arbiter.sync.SyncResult;
import org.arbiter.sync.SyncService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arbiter sync}: one sync with the server set by {@code arbiter login}. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Pull newly assigned batches, push every submitted judgment, and print what moved.")
public final class SyncCommand implements Callable<Integer> {
    /** The server could not be reached: nothing is lost, run again later. */
    public static final int UNREACHABLE = 3;
    /** The token was refused. */
    public static final int UNAUTHORIZED = 4;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalStore s = store.open()) {
            SyncService sync = SyncService.forStore(s);
            try {
                SyncResult r = sync.syncNow();
                for (String b : r.pulledBatches()) out.println("pulled batch " + b);
                for (String b : r.completedBatches()) out.println("completed batch " + b);
                out.println(r.summary());
                return 0;
            } catch (SyncException e) {
                err.println("arbiter sync: " + e.getMessage());
                err.println("pending judgment versions kept for the next sync: " + sync.outbox().pendingCount());
                return switch (e.kind()) {
                    case UNREACHABLE -> UNREACHABLE;
                    case UNAUTHORIZED, NOT_LOGGED_IN -> UNAUTHORIZED;
                    case REFUSED -> 1;
                };
            }
        } finally {
            out.flush();
            err.flush();
        }
    }
}

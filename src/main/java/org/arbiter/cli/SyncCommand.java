package org.arbiter.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.arbiter.store.LocalStore;
import org.arbiter.store.Outbox;
import org.arbiter.sync.StrandedJudgments;
import org.arbiter.sync.SyncException;
import org.arbiter.sync.SyncResult;
import org.arbiter.sync.SyncService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter sync}: one sync with the server set by {@code arbiter login}. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pull newly assigned batches, push every submitted judgment, and print what moved.",
                "Judgments on the server's batches stamped with another name than the login's are never sent; "
                        + "sync says how many and by whom, and --adopt NAME makes them the login's."})
public final class SyncCommand implements Callable<Integer> {
    /** The server could not be reached: nothing is lost, run again later. */
    public static final int UNREACHABLE = 3;
    /** The token was refused. */
    public static final int UNAUTHORIZED = 4;

    @Mixin
    StoreOption store;

    @Option(names = "--adopt", paramLabel = "NAME",
            description = "First restamp the unsent judgments stamped NAME on the server's batches as the logged-in annotator's "
                    + "(for work judged under a wrong name in this store), then sync.")
    String adopt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalStore s = store.open()) {
            SyncService sync = SyncService.forStore(s);
            try {
                if (adopt != null) {
                    Outbox.Adoption a = sync.adopt(adopt);
                    out.println("adopted " + a.adopted() + " judgment version" + (a.adopted() == 1 ? "" : "s") + " stamped " + adopt.strip()
                            + (a.itemsAlreadyJudged() > 0 ? "; kept " + a.itemsAlreadyJudged() + " as they were (items you judged yourself)" : "")
                            + (a.knownToServer() > 0 ? "; kept " + a.knownToServer() + " as they were (the server has "
                            + adopt.strip() + "'s earlier versions of those judgments)" : ""));
                }
                SyncResult r = sync.syncNow();
                for (String b : r.pulledBatches()) out.println("pulled batch " + b);
                for (String b : r.completedBatches()) out.println("completed batch " + b);
                out.println(r.summary());
                for (String line : StrandedJudgments.explain(r.annotator(), r.stranded())) out.println("not sent: " + line);
                return 0;
            } catch (SyncException e) {
                err.println("arbiter sync: " + e.getMessage());
                Outbox.Backlog left = sync.backlog();
                err.println("pending judgment versions kept for the next sync: " + left.pending());
                String annotator = org.arbiter.store.AnnotatorName.current(s.settings()).orElse("?");
                for (String line : StrandedJudgments.explain(annotator, left.stranded())) err.println("not sent: " + line);
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

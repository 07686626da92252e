package org.arbiter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.arbiter.store.LocalStore;
import org.arbiter.store.StorePaths;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --db FILE} option every local command takes. */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The local store (default: ${DEFAULT-VALUE}; or set ARBITER_DB).")
    Path db = StorePaths.defaultDatabase();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public Path path() {
        return db;
    }

    /** Opens the store; a store that had to be made private again is said on stderr. */
    public LocalStore open() {
        return LocalStore.open(db, warning -> {
            PrintWriter err = command == null ? new PrintWriter(System.err, true) : command.commandLine().getErr();
            err.println(warning);
            err.flush();
        });
    }
}

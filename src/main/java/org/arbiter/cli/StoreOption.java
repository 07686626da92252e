package org.arbiter.cli;

import java.nio.file.Path;

import org.arbiter.store.LocalStore;
import org.arbiter.store.StorePaths;

import picocli.CommandLine.Option;

/** The {@code --db FILE} option every local command takes. */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The local store (default: ${DEFAULT-VALUE}; or set ARBITER_DB).")
    Path db = StorePaths.defaultDatabase();

    public Path path() {
        return db;
    }

    public LocalStore open() {
        return LocalStore.open(db);
    }
}

package org.arbiter.logic.importer;

import java.nio.file.Path;

import org.arbiter.model.Item;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What every import test starts from: a real SQLite store in a fresh folder and an importer on it. */
public abstract class ImporterFixture {
    @TempDir
    protected Path dir;
    protected LocalStore store;
    protected Importer importer;

    @BeforeEach
    void openStore() {
        store = LocalStore.open(dir.resolve("arbiter.db"));
        importer = new Importer(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** One item of a batch, as the store holds it. */
    protected Item item(String batch, String id) {
        return store.items().batch(batch).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}

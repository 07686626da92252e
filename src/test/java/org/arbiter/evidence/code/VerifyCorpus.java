package org.arbiter.evidence.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;

/** One item of corpus/verify/code.jsonl and the machine's code check, for tests that run real code in other packages. */
public final class VerifyCorpus {
    private VerifyCorpus() {
    }

    /** The item with this id, in {@code batch}. */
    public static Item item(String id, String batch) throws IOException {
        for (String line : Files.readAllLines(CodeCorpusVerdictsTest.CORPUS)) {
            if (line.contains("\"id\": \"" + id + "\"")) return ItemJson.read(Json.parse(line), batch, null);
        }
        throw new IllegalStateException(id + " is not in " + CodeCorpusVerdictsTest.CORPUS);
    }

    /**
     * The sandboxed check with Debian's toolchains (as CI has them). Its work folders go in the shared temp folder,
     * not a test's private one: the sandbox runs as another user.
     */
    public static CodeCheck check() {
        return CodeCheck.forThisMachine(CodeCorpusVerdictsTest.DEBIAN_PATH, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public static String debianPath() {
        return CodeCorpusVerdictsTest.DEBIAN_PATH;
    }
}

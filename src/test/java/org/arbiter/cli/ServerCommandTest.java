package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.server.ServerStore;
import org.arbiter.server.ServerStoreProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** The lab admin's commands on a real server database. */
class ServerCommandTest {
    @TempDir
    Path dir;

    String[] out = new String[2];

    int arbiter(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out[0] = o.toString();
        out[1] = e.toString();
        return code;
    }

    String lastLine() {
        String[] lines = out[0].strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void annotatorsImportAndStatus() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("server.db");
        assertThat(arbiter("server", "--db", db, "annotator", "add", "ana")).isZero();
        String token = lastLine();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(arbiter("server", "annotator", "add", "ben", "--db", db)).isZero();
        assertThat(arbiter("server", "--db", db, "annotator", "add", "cy")).isZero();
        assertThat(arbiter("server", "--db", db, "annotator", "add", "ana")).isEqualTo(1);
        assertThat(out[1]).contains("already exists");

        // only the hash is stored
        try (ServerStore s = ServerStore.open(db)) {
            String stored = ServerStoreProbe.storedTokenHash(s, "ana");
            assertThat(stored).isNotEqualTo(token).isEqualTo(ServerStoreProbe.hash(token));
            assertThat(s.authenticate(token)).contains("ana");
        }

        Path file = dir.resolve("items.jsonl");
        List<String> lines = new ArrayList<>();
        for (Item i : SyncTestKit.items(10)) lines.add(Json.write(ItemJson.write(i)));
        Files.write(file, lines);
        assertThat(arbiter("server", "--db", db, "import", file.toString(), "--batch", "week1", "--overlap", "2",
                "--batch-size", "4")).as(out[1]).isZero();
        assertThat(out[0]).contains("week1-001").contains("week1-003").contains("imported 10 items into 3 batches");
        assertThat(arbiter("server", "--db", db, "import", file.toString(), "--batch", "week1")).isEqualTo(1);
        assertThat(out[1]).contains("already imported");
        assertThat(arbiter("server", "--db", db, "import", file.toString(), "--batch", "wide", "--overlap", "4")).isEqualTo(1);
        assertThat(out[1]).contains("needs 4 active annotators");

        Files.writeString(dir.resolve("bad.jsonl"), lines.get(0) + "\n{\"id\": \"x\", \"prompt\": \"p\"}\n");
        assertThat(arbiter("server", "--db", db, "import", dir.resolve("bad.jsonl").toString(), "--batch", "bad")).isEqualTo(1);
        assertThat(out[1]).contains("bad.jsonl:2: responses");

        assertThat(arbiter("server", "--db", db, "annotator", "revoke", "cy")).isZero();
        assertThat(arbiter("server", "--db", db, "annotator", "list")).isZero();
        assertThat(out[0]).containsPattern("cy\\s+revoked").containsPattern("ana\\s+active");
        assertThat(out[0]).doesNotContain(token);

        assertThat(arbiter("server", "--db", db, "status", "--json")).isZero();
        JsonNode s = Json.parse(lastLine());
        assertThat(s.get("items").asInt()).isEqualTo(10);
        assertThat(s.get("batches").asInt()).isEqualTo(3);
        assertThat(s.get("completed_batches").asInt()).isZero();
        assertThat(s.get("judgments").asInt()).isZero();
    }
}

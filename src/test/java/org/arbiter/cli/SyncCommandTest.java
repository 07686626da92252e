package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.JudgmentKey;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotator's commands against a real server on a loopback port. */
class SyncCommandTest {
    @TempDir
    Path dir;
    SyncTestKit.Lab lab;
    Map<String, List<String>> batches;
    Path db;

    @BeforeEach
    void start() throws Exception {
        lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("ana", "ben"));
        batches = lab.store.importItems("math", SyncTestKit.items(8), 1, 4); // math-001 → ana, math-002 → ben
        db = dir.resolve("ana.db");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    List<Judgment> judgeAll(String annotator, int version) {
        List<Judgment> made = new ArrayList<>();
        try (LocalStore s = LocalStore.open(db)) {
            for (String b : s.items().batches()) {
                for (Item item : s.items().batch(b)) {
                    UUID id = s.judgments().latest(b, item.id(), annotator).map(Judgment::judgmentId).orElse(UUID.randomUUID());
                    Judgment j = SyncTestKit.judgment(item, annotator, id, version);
                    s.judgments().save(j);
                    made.add(j);
                }
            }
        }
        return made;
    }

    @Test
    void loginSyncJudgeSyncMovesEverythingExactlyOnce() throws Exception {
        String token = lab.tokens.get("ana");
        Run login = arbiter("login", "--server", lab.url(), "--token", token, "--db", db.toString());
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).contains("as ana").doesNotContain(token);

        Run first = arbiter("sync", "--db", db.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("pulled batch math-001").contains("pulled 1 batch (4 items)").contains("pushed 0");
        assertThat(first.out() + first.err()).doesNotContain(token);
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.items().batches()).containsExactly("math-001");
            assertThat(s.items().batch("math-001")).allSatisfy(i -> {
                assertThat(i.gold()).isNull();
                assertThat(i.priorLabels()).isEmpty();
            });
            assertThat(s.settings().get(SyncService.KEY_TOKEN)).contains(token);
        }

        judgeAll("ana", 1);
        judgeAll("ana", 2); // revisions: every version travels
        Run second = arbiter("sync", "--db", db.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("completed batch math-001").contains("pushed 8 judgment versions").contains("0 pending");
        assertThat(lab.store.status().versions()).isEqualTo(8);
        assertThat(lab.store.status().judgments()).isEqualTo(4);

        Run third = arbiter("sync", "--db", db.toString());
        assertThat(third.out()).contains("pulled 0 batches").contains("pushed 0 judgment versions");
        assertThat(lab.store.status().versions()).isEqualTo(8);
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.outbox().pendingCount()).isZero();
            assertThat(s.batchConfigs().completedAt("math-001")).isPresent();
        }
    }

    @Test
    void aRePushOfAlreadySyncedVersionsAddsNothing() throws Exception {
        arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
        arbiter("sync", "--db", db.toString());
        judgeAll("ana", 1);
        assertThat(arbiter("sync", "--db", db.toString()).code()).isZero();
        // as if the receipt had been lost: everything is pending again
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE judgment SET synced_at = NULL");
        }
        Run again = arbiter("sync", "--db", db.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("pushed 4 judgment versions (4 already on the server)");
        assertThat(lab.store.status().versions()).isEqualTo(4);
    }

    @Test
    void anUnreachableServerFailsClearlyAndKeepsEverything() throws Exception {
        arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
        arbiter("sync", "--db", db.toString());
        judgeAll("ana", 1);
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (LocalStore s = LocalStore.open(db)) {
            s.settings().put(SyncService.KEY_SERVER, "http://127.0.0.1:" + freePort);
        }
        Run r = arbiter("sync", "--db", db.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("cannot reach the server http://127.0.0.1:" + freePort).contains("pending judgment versions kept for the next sync: 4");
        assertThat(r.err()).doesNotContain(lab.tokens.get("ana"));
    }

    @Test
    void aRefusedOrRevokedTokenFailsClearly() throws Exception {
        Run bad = arbiter("login", "--server", lab.url(), "--token", "wrong", "--db", db.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("refused the token");

        arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
        arbiter("sync", "--db", db.toString());
        judgeAll("ana", 1);
        assertThat(arbiter("server", "--db", lab.store.url(), "annotator", "revoke", "ana").code()).isZero();
        Run r = arbiter("sync", "--db", db.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("refused the token").contains("arbiter login");
        assertThat(lab.store.status().versions()).isZero();
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.outbox().pendingCount()).isEqualTo(4);
        }
    }

    @Test
    void syncWithoutLoginSaysHow() {
        Run r = arbiter("sync", "--db", db.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("arbiter login --server URL --token TOKEN");
    }

    @Test
    void anOfflineExportIngestedByTheAdminEqualsASync() throws Exception {
        arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
        arbiter("sync", "--db", db.toString());
        List<Judgment> v1 = judgeAll("ana", 1);
        List<Judgment> v2 = judgeAll("ana", 2);
        Path export = dir.resolve("ana-full.jsonl");
        List<String> lines = new ArrayList<>();
        for (Judgment j : v1) lines.add(Json.write(JudgmentJson.write(j)));
        for (Judgment j : v2) lines.add(Json.write(JudgmentJson.write(j)));
        Files.write(export, lines);

        Run ingest = arbiter("server", "--db", lab.store.url(), "ingest", export.toString(), "--annotator", "ana");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("8 new").contains("math-001");
        Run again = arbiter("server", "--db", lab.store.url(), "ingest", export.toString(), "--annotator", "ana");
        assertThat(again.out()).contains("0 new, 8 already on the server");
        // the laptop syncs later: nothing is counted twice
        Run sync = arbiter("sync", "--db", db.toString());
        assertThat(sync.out()).contains("(8 already on the server)");
        Run status = arbiter("server", "--db", lab.store.url(), "status", "--json");
        var o = Json.parse(status.lastLine());
        assertThat(o.get("judgments").asInt()).isEqualTo(4);
        assertThat(o.get("items").asInt()).isEqualTo(8);
        assertThat(o.get("batches").asInt()).isEqualTo(2);
        assertThat(o.get("completed_batches").asInt()).isEqualTo(1);
        List<JudgmentKey> all = new ArrayList<>();
        for (Judgment j : v1) all.add(new JudgmentKey(j.judgmentId(), j.version()));
        for (Judgment j : v2) all.add(new JudgmentKey(j.judgmentId(), j.version()));
        assertThat(lab.store.judgmentKeys().keySet()).containsExactlyInAnyOrderElementsOf(all);
    }
}

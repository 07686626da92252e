package org.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.SyncTestKit;
import org.arbiter.sync.SyncTestKit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every string a source held or a user typed comes back identical, through the whole path: server import,
 * sync to the laptop, the local store, a judgment, local export, sync push, the server, server export and
 * server ingest. Run once per server database.
 */
abstract class TextFidelityContract {
    /** NUL, the Unicode line and paragraph separators, astral characters, and other easily mangled text. */
    static final String TRICKY = "NUL[\u0000] LS[\u2028] PS[\u2029] astral[\uD83D\uDE00] CRLF[\r\n] CR[\r] BOM[\uFEFF] DEL[\u007F] "
            + "tab[\t] quote[\"] backslash[\\] nbsp[\u00A0] combining[e\u0301] zwj[\uD83D\uDC69\u200D\uD83D\uDCBB] "
            + "escape-lookalike[\\u0000] C1[\u0085]";

    @TempDir
    Path dir;
    Lab lab;
    String url;

    abstract boolean postgres();

    @BeforeEach
    void start() throws Exception {
        url = SyncTestKit.jdbcUrl(dir, postgres());
        lab = new Lab(url, List.of("ana"));
    }

    @AfterEach
    void stop() {
        if (lab != null) lab.close();
    }

    record Run(int code, String out, String err) {
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Item trickyItem(String id) {
        return new Item(id, "in", Domain.GENERAL, Prompt.text("prompt " + TRICKY),
                List.of(new Response("a", "model " + TRICKY, "answer a " + TRICKY), new Response("b", "m", "answer b " + TRICKY)),
                null, null, Map.of("note " + TRICKY, "value " + TRICKY), List.of());
    }

    Path write(String name, List<Item> items) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Item i : items) sb.append(Json.write(ItemJson.write(i))).append('\n');
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    static List<Judgment> readFull(Path file) throws Exception {
        List<Judgment> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) out.add(JudgmentJson.read(Json.parse(line)));
        }
        return out;
    }

    @Test
    void textComesBackIdenticalThroughImportSyncAndExports() throws Exception {
        String trickyId = "id " + TRICKY.replace("\u0000", "");
        List<Item> source = List.of(trickyItem("q1"), trickyItem(trickyId));
        Run imported = arbiter("server", "--db", url, "import", write("items.jsonl", source).toString(), "--batch", "wk");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(lab.store.allItems()).extracting(Item::prompt, Item::responses, Item::meta)
                .containsExactlyElementsOf(source.stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.prompt(), i.responses(), i.meta())).toList());

        Path db = dir.resolve("ana.db");
        Run login = arbiter("login", "--server", lab.url(), "--token", lab.tokens.get("ana"), "--db", db.toString());
        assertThat(login.code()).as(login.err()).isZero();
        Run pulled = arbiter("sync", "--db", db.toString());
        assertThat(pulled.code()).as(pulled.err()).isZero();
        Judgment typed;
        try (LocalStore s = LocalStore.open(db)) {
            List<Item> local = s.items().batch("wk-001");
            assertThat(local).extracting(Item::id).containsExactly("q1", trickyId);
            assertThat(local).allSatisfy(i -> {
                assertThat(i.prompt()).isEqualTo(source.get(0).prompt());
                assertThat(i.responses()).isEqualTo(source.get(0).responses());
                assertThat(i.meta()).isEqualTo(source.get(0).meta());
            });
            typed = new Judgment(UUID.randomUUID(), trickyId, "wk-001", "ana", 1, Preference.A_BETTER, Set.of(), Map.of(),
                    "rationale " + TRICKY, List.of(), "a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 60_000);
            s.judgments().save(typed);
            assertThat(s.judgments().current()).containsExactly(typed);
        }

        Path localFull = dir.resolve("local-full.jsonl");
        Run localExport = arbiter("export", "--db", db.toString(), "--format", "full", "--out", localFull.toString());
        assertThat(localExport.code()).as(localExport.err()).isZero();
        assertThat(readFull(localFull)).containsExactly(typed);

        Run pushed = arbiter("sync", "--db", db.toString());
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out()).contains("pushed 1 judgment version");
        assertThat(lab.store.currentJudgments()).containsExactly(typed);
        Path serverFull = dir.resolve("server-full.jsonl");
        Run serverExport = arbiter("server", "--db", url, "export", "--format", "full", "--out", serverFull.toString());
        assertThat(serverExport.code()).as(serverExport.err()).isZero();
        assertThat(readFull(serverFull)).containsExactly(typed);

        // the offline route gives the same judgment: the server sees the same content, not a conflict
        Run ingest = arbiter("server", "--db", url, "ingest", localFull.toString(), "--annotator", "ana");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("0 new, 1 already on the server");
    }

    /** Runs the real launcher in a child JVM under the C locale, as cron, containers and bare ssh sessions do. */
    static byte[] stdoutUnderTheCLocale(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void exportsToStdoutAreUtf8WhateverTheLocale() throws Exception {
        lab.store.importItems("wk", List.of(trickyItem("q1")), 1, 10);
        Judgment typed = new Judgment(UUID.randomUUID(), "q1", "wk-001", "ana", 1, Preference.B_BETTER, Set.of(), Map.of(),
                "rationale " + TRICKY, List.of(), "b", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 1_000);
        lab.store.push("ana", List.of(typed));
        String server = new String(stdoutUnderTheCLocale("server", "--db", url, "export", "--format", "full"), StandardCharsets.UTF_8);
        assertThat(JudgmentJson.read(Json.parse(server.strip()))).isEqualTo(typed);

        Path db = dir.resolve("local.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.items().insertIfAbsent(trickyItem("q1").withBatch("wk-001"));
            s.judgments().save(typed);
        }
        String local = new String(stdoutUnderTheCLocale("export", "--db", db.toString(), "--format", "full"), StandardCharsets.UTF_8);
        assertThat(JudgmentJson.read(Json.parse(local.strip()))).isEqualTo(typed);
    }

    @Test
    void anItemIdWithNulIsRefusedByTheServerImportNamingFileLineAndField() throws Exception {
        Path file = write("items.jsonl", List.of(trickyItem("q1"), trickyItem("q\u0000x")));
        Run r = arbiter("server", "--db", url, "import", file.toString(), "--batch", "wk");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":2: id: expected an id without the NUL character (U+0000)").contains("q\\u0000x");
        assertThat(lab.store.status().items()).isZero();
        Path gold = write("gold.jsonl", List.of(GoldSeedingContract.item("g\u0000", Map.of("direction", "A"))));
        r = arbiter("server", "--db", url, "import", write("ok.jsonl", List.of(trickyItem("q1"))).toString(), "--batch", "wk",
                "--gold", gold.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(gold + ":1: id: expected an id without the NUL character");
        assertThat(lab.store.status().items()).isZero();
    }

    @Test
    void halfASurrogatePairIsRefusedNotTurnedIntoAQuestionMark() throws Exception {
        String lone = "{\"id\":\"s1\",\"prompt\":\"cut [\\ud83d] off\",\"responses\":[{\"id\":\"a\",\"content\":\"x\"},"
                + "{\"id\":\"b\",\"content\":\"y\"}]}";
        Path file = Files.writeString(dir.resolve("lone.jsonl"), Json.write(ItemJson.write(trickyItem("q1"))) + "\n" + lone + "\n");
        Run r = arbiter("server", "--db", url, "import", file.toString(), "--batch", "wk");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":2: prompt: expected text of whole Unicode characters, found a lone surrogate U+D83D");
        assertThat(lab.store.status().items()).isZero();

        Path db = dir.resolve("local.db");
        r = arbiter("import", file.toString(), "--db", db.toString(), "--batch", "b");
        assertThat(r.out() + r.err()).contains("lone.jsonl:2: prompt: expected text of whole Unicode characters");
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.items().all()).noneMatch(i -> i.prompt().markdown().contains("?"));
        }

        lab.store.importItems("wk", List.of(trickyItem("q1")), 1, 10);
        Judgment j = new Judgment(UUID.randomUUID(), "q1", "wk-001", "ana", 1, Preference.A_BETTER, Set.of(), Map.of(),
                "CUT", List.of(), "a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 1_000);
        String body = "{\"judgments\":[" + Json.write(JudgmentJson.write(j)).replace("CUT", "cut [\\ude00]") + "]}";
        var http = java.net.http.HttpClient.newHttpClient();
        var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(lab.url() + "/api/judgments"))
                .header("Authorization", "Bearer " + lab.tokens.get("ana")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(Json.parse(resp.body()).get("error").asString())
                .isEqualTo("judgments[0].rationale: expected text of whole Unicode characters, found a lone surrogate U+DE00");
        assertThat(lab.store.status().versions()).isZero();
    }

    @Test
    void aLocalImportKeepsTextExactly() throws Exception {
        Path db = dir.resolve("local.db");
        List<Item> source = List.of(trickyItem("q1"), trickyItem("id " + TRICKY));
        Run r = arbiter("import", write("items.jsonl", source).toString(), "--db", db.toString(), "--batch", "b");
        assertThat(r.code()).as(r.err()).isZero();
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.items().all()).extracting(Item::id).containsExactly("q1", "id " + TRICKY);
            Item got = s.items().find("b", "id " + TRICKY).orElseThrow();
            assertThat(got.prompt()).isEqualTo(source.get(0).prompt());
            assertThat(got.responses()).isEqualTo(source.get(0).responses());
            assertThat(got.meta()).isEqualTo(source.get(0).meta());
        }
    }
}

package org.arbiter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.server.ServerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code arbiter server report}: the lab's quality numbers from what annotators pushed. */
class ServerReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsAgreementLeaderboardAndTheCrowdsFlips() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("server.db");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // The crowd preferred A everywhere; the experts will prefer B (the stronger model) on every item.
            items.add(new Item("q" + i, "x", Domain.GENERAL, Prompt.text("question " + i),
                    List.of(new Response("a", "weak-model", "answer a" + i), new Response("b", "strong-model", "answer b" + i)),
                    null, null, Map.of(), List.of(new PriorLabel("trl", Preference.A_BETTER, List.of(), Map.of()))));
        }
        try (ServerStore store = ServerStore.open(url)) {
            store.addAnnotator("ann");
            store.addAnnotator("bob");
            Map<String, List<String>> batches = store.importItems("wk", items, 2, 10);
            String batch = batches.keySet().iterator().next();
            for (String who : List.of("ann", "bob")) {
                List<Judgment> js = new ArrayList<>();
                for (Item it : items) {
                    Preference p = who.equals("bob") && it.id().equals("q0") ? Preference.A_BETTER : Preference.B_MUCH_BETTER;
                    js.add(new Judgment(UUID.randomUUID(), it.id(), batch, who, 1, p, Set.of(), Map.of(), "", List.of(),
                            "a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 60_000));
                }
                store.push(who, js);
            }
        }
        Path html = dir.resolve("report.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), "server", "--db", url, "report", "--json", "--html", html.toString());
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        JsonNode r = Json.parse(lines[lines.length - 1]);
        assertThat(r.has("alpha_ordinal")).isTrue();
        assertThat(r.get("alpha_nominal").isNumber()).isTrue();
        assertThat(r.get("annotators")).hasSize(2);
        // Both experts agree B is better on 5 of 6 items: the strong model leads, and 5 crowd labels flip.
        assertThat(r.get("leaderboard").get(0).get("model").asString()).isEqualTo("strong-model");
        assertThat(r.get("flip_rate").asDouble()).isGreaterThan(0.5);
        // The split item goes to adjudication.
        assertThat(r.get("adjudication").toString()).contains("q0");
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("<math").doesNotContain("<script").doesNotContain("http://");
    }
}

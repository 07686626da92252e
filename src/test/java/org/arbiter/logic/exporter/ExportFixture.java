package org.arbiter.logic.exporter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Prompt;
import org.arbiter.model.Reference;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.Turn;
import org.arbiter.store.LocalStore;

import tools.jackson.databind.JsonNode;

/**
 * A real store with the cases exports must get right, saved in this order:
 * <ul>
 * <li>batch "math": m1 (plain prompt) judged by alice A>B (v1) then revised to A>>B (v2, saved last),
 * and by bob as a tie; m2 (a conversation) judged by alice B>>A with B shown on the left, and carrying a
 * "trl" prior label A>B; m3 judged both-bad (with A>B) by bob.</li>
 * <li>batch "prm": p1, a single PRM800K-style path of four explicit steps, rated +1, 0, −1, +1 by alice, with
 * a "prm800k" prior label rating the first two steps +1.</li>
 * <li>batch "code": c1 (fenced Python) judged A>B by carol with step ratings on B's two code lines and on A's
 * second line only; c2 skipped by carol (no preference).</li>
 * </ul>
 */
public final class ExportFixture {
    public static final String M1_A = "We get $x^2 = 4$, so $x = 2$.\nThe answer is 2 — déjà vu.";
    public static final String M1_B = "x is 3.";
    public static final String M2_A = "Paris is in Germany.";
    public static final String M2_B = "Lyon is in France, about 400 km from Paris.";
    public static final List<String> P1_STEPS = List.of("Let p be a pencil's price and e the eraser's.",
            "Then 3p + e = 124 and 5p + e = 182.", "So 2p = 68, and p = 24.", "# Answer\n\n24");
    public static final String C1_A = "```python\ndef f(x):\n    return x * 2\n```";
    public static final String C1_B = "```python\ndef f(x):\n    return x + x\n```";

    public final Path db;
    public final Judgment m1v1;
    public final Judgment m1Tie;
    public final Judgment m2;
    public final Judgment m3;
    public final Judgment m1v2;
    public final Judgment p1;
    public final Judgment c1;
    public final Judgment c2;

    public ExportFixture(Path dir) {
        db = dir.resolve("store.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.items().insertIfAbsent(new Item("m1", "math", Domain.MATH, Prompt.text("Solve $x^2 = 4$ for $x > 0$."),
                    List.of(new Response("a", "model-1", M1_A), new Response("b", "model-2", M1_B)),
                    new Reference("2", null, null, null), null, Map.of(), List.of()));
            s.items().insertIfAbsent(new Item("m2", "math", Domain.GENERAL, Prompt.conversation(List.of(
                    new Turn("system", "Be brief."), new Turn("user", "Name a French city."),
                    new Turn("assistant", "Paris."), new Turn("user", "Another, with a fact about it?"))),
                    List.of(new Response("a", null, M2_A), new Response("b", null, M2_B)), null, null, Map.of(),
                    List.of(new PriorLabel("trl", Preference.A_BETTER, List.of(), Map.of()))));
            s.items().insertIfAbsent(new Item("m3", "math", Domain.MATH, Prompt.text("What is 1 + 1?"),
                    List.of(new Response("a", null, "3"), new Response("b", null, "11")), null, null, Map.of(), List.of()));
            s.items().insertIfAbsent(new Item("p1", "prm", Domain.MATH, Prompt.text("Three pencils and an eraser cost $1.24 ..."),
                    List.of(Response.ofSteps("a", "gpt-4", P1_STEPS)), new Reference("29", "p = 29", null, null), null,
                    Map.of(), List.of(new PriorLabel("prm800k", null,
                            List.of(step("a", 0, 1), step("a", 1, 1)),
                            Map.of("labeler", "e90a38f3", "timestamp", "2022-07-30T23:23:32.118856",
                                    "finish_reason", "found_error")))));
            s.items().insertIfAbsent(new Item("c1", "code", Domain.CODE, Prompt.text("Write f that doubles x."),
                    List.of(new Response("a", null, C1_A), new Response("b", null, C1_B)),
                    new Reference(null, null, "assert f(2) == 4", "python"), null, Map.of(), List.of()));
            s.items().insertIfAbsent(new Item("c2", "code", Domain.CODE, Prompt.text("Write g."),
                    List.of(new Response("a", null, "def g(): pass"), new Response("b", null, "g = None")),
                    null, null, Map.of(), List.of()));

            UUID m1Id = UUID.fromString("00000000-0000-4000-8000-000000000001");
            m1v1 = judgment(m1Id, "m1", "math", "alice", 1, Preference.A_BETTER, Set.of(), List.of(), "a", 1);
            m1Tie = judgment(UUID.fromString("00000000-0000-4000-8000-000000000002"), "m1", "math", "bob", 1,
                    Preference.TIE, Set.of(Flag.UNSURE), List.of(), "b", 2);
            m2 = judgment(UUID.fromString("00000000-0000-4000-8000-000000000003"), "m2", "math", "alice", 1,
                    Preference.B_MUCH_BETTER, Set.of(), List.of(), "b", 3);
            m3 = judgment(UUID.fromString("00000000-0000-4000-8000-000000000004"), "m3", "math", "bob", 1,
                    Preference.A_BETTER, Set.of(Flag.BOTH_BAD), List.of(), "a", 4);
            m1v2 = judgment(m1Id, "m1", "math", "alice", 2, Preference.A_MUCH_BETTER, Set.of(), List.of(), "a", 5);
            p1 = judgment(UUID.fromString("00000000-0000-4000-8000-000000000005"), "p1", "prm", "alice", 1, null,
                    Set.of(), List.of(step("a", 0, 1), step("a", 1, 0), step("a", 2, -1), step("a", 3, 1)), "a", 6);
            c1 = judgment(UUID.fromString("00000000-0000-4000-8000-000000000006"), "c1", "code", "carol", 1,
                    Preference.A_BETTER, Set.of(),
                    List.of(step("b", 0, 1), step("b", 1, -1), step("a", 1, 1)), "b", 7);
            c2 = judgment(UUID.fromString("00000000-0000-4000-8000-000000000007"), "c2", "code", "carol", 1, null,
                    Set.of(Flag.BAD_PROMPT), List.of(), "a", 8);
            for (Judgment j : List.of(m1v1, m1Tie, m2, m3, m1v2, p1, c1, c2)) s.judgments().save(j);
        }
    }

    public static StepLabel step(String response, int index, int rating) {
        return new StepLabel(response, index, null, rating, List.of(), null);
    }

    public static Judgment judgment(UUID id, String item, String batch, String annotator, int version, Preference p,
                             Set<Flag> flags, List<StepLabel> steps, String shownLeft, int minute) {
        Instant submitted = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minute);
        return new Judgment(id, item, batch, annotator, version, p, flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags),
                Map.of("a", Map.of("correctness", 4)), "because " + item, steps, shownLeft,
                submitted.minusSeconds(30), submitted, 30_000L + minute);
    }

    /** The result of one {@code arbiter} run. */
    public record Run(int exit, String out, String err) {
        public List<JsonNode> rows() {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : out.split("\n", -1)) if (!line.isEmpty()) rows.add(Json.parse(line));
            return rows;
        }
    }

    public static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    public Run export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--db", db.toString()));
        all.addAll(List.of(args));
        return arbiter(all.toArray(String[]::new));
    }
}

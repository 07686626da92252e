package org.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the local store: a judgment whose save returned is on disk, even if the process is killed
 * with SIGKILL the next instant, and the file is never left corrupt. A child JVM saves judgments and says
 * so after each commit; the test kills it mid-stream and reopens the file.
 */
class KillNineDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedJudgmentSurvivesKillNine() throws Exception {
        Path db = dir.resolve("arbiter.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("saved ")) acknowledged.add(line.substring(6));
                if (acknowledged.size() == 150) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSize(150);

        try (LocalStore store = LocalStore.open(db)) {
            Set<String> stored = new java.util.HashSet<>();
            store.judgments().forEachVersion(j -> stored.add(j.judgmentId().toString()));
            assertThat(stored).containsAll(acknowledged);
            String check = store.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            });
            assertThat(check).isEqualTo("ok");
        }
    }

    /** The child: saves judgments as fast as it can and acknowledges each after its commit. */
    public static final class Writer {
        public static void main(String[] args) {
            try (LocalStore store = LocalStore.open(Path.of(args[0]))) {
                Item item = new Item("i1", "b", Domain.GENERAL, Prompt.text("q"),
                        List.of(new Response("a", "m1", "x"), new Response("b", "m2", "y")), null, null, Map.of(), List.of());
                store.items().insertIfAbsent(item);
                for (int i = 0; ; i++) {
                    UUID id = UUID.randomUUID();
                    store.judgments().save(new Judgment(id, "i1", "b", "ann", 1, Preference.A_BETTER, Set.of(), Map.of(),
                            "", List.of(), "a", Instant.now(), Instant.now(), i));
                    System.out.println("saved " + id);
                    System.out.flush();
                }
            }
        }
    }
}

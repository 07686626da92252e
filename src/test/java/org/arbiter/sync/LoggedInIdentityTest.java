package org.arbiter.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.arbiter.cli.ArbiterCommand;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.review.ActiveClock;
import org.arbiter.store.AnnotatorName;
import org.arbiter.review.KeyStroke;
import org.arbiter.review.Keymap;
import org.arbiter.review.ReviewSession;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, case 1: after {@code arbiter login} the store's annotator is the server's name, for the window and
 * for sync alike; nothing judged in the store waits unseen under another name. Real server on a loopback port,
 * real store file, the real command line.
 */
class LoggedInIdentityTest {
    @TempDir
    Path dir;
    SyncTestKit.Lab lab;
    Path db;

    @BeforeEach
    void start() throws Exception {
        lab = new SyncTestKit.Lab(SyncTestKit.jdbcUrl(dir, false), List.of("alice", "bob"));
        lab.store.importItems("math", SyncTestKit.items(8), 1, 4); // math-001 → alice, math-002 → bob
        db = dir.resolve("laptop.db");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    record Run(int code, String out, String err) {
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    void loginAndPull(String who) {
        Run login = arbiter("login", "--server", lab.url(), "--token", lab.tokens.get(who), "--db", db.toString());
        assertThat(login.code()).as(login.err()).isZero();
        Run pull = arbiter("sync", "--db", db.toString());
        assertThat(pull.code()).as(pull.err()).isZero();
    }

    @Test
    void afterLoginTheWindowsNameIsTheServersAndWhatIsJudgedIsPushed() {
        loginAndPull("alice");
        try (LocalStore s = LocalStore.open(db)) {
            // What `arbiter app` without --annotator settles on: no question when logged in.
            String name = AnnotatorName.resolve(null, s.settings()).orElse(null);
            assertThat(name).as("the window would ask for a name").isEqualTo("alice");
            ReviewSession review = ReviewSession.open(s, name, null, Keymap.defaults(), new ActiveClock(Clock.systemUTC()));
            String item = review.state().open().item().id();
            review.handle(KeyStroke.parse("b"));
            review.handle(KeyStroke.parse("Enter"));
            assertThat(s.judgments().latest("math-001", item, "alice")).as("submitted").isPresent();
            review.close();
        }
        Run sync = arbiter("sync", "--db", db.toString());
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("pushed 1 judgment version,").contains(", 0 pending").doesNotContain("not sent");
        assertThat(lab.store.status().versions()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anotherNameOnALoggedInStoreIsRefusedBeforeAnythingOpens() {
        loginAndPull("alice");
        Run app = arbiter("app", "--annotator", "bob", "--db", db.toString());
        assertThat(app.code()).isEqualTo(2);
        assertThat(app.err()).contains("logged in to " + lab.url() + " as alice").contains("cannot judge as bob")
                .contains("Leave out --annotator").doesNotContain("Exception").doesNotContain("\tat ");
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(AnnotatorName.current(s.settings())).contains("alice");
            assertThatThrownBy(() -> AnnotatorName.resolve("bob", s.settings())).isInstanceOf(AnnotatorName.Refused.class);
            assertThat(AnnotatorName.resolve("alice", s.settings())).contains("alice");
        }
    }

    @Test
    void aStoreLoggedInByAnEarlierVersionTakesTheServersName() {
        try (LocalStore s = LocalStore.open(db)) {
            // What the earlier login and the window's question left behind: two names, the window using the wrong one.
            s.settings().put("sync.server", lab.url());
            s.settings().put("sync.token", lab.tokens.get("alice"));
            s.settings().put("sync.annotator", "alice");
            s.settings().put("annotator", "chris");
            assertThat(AnnotatorName.resolve(null, s.settings())).contains("alice");
            assertThat(AnnotatorName.server(s.settings())).contains(lab.url());
            assertThat(s.settings().get("sync.annotator")).isEmpty();
        }
    }

    @Test
    void judgmentsStampedWithAnotherNameAreNamedWithTheRemedyAndCanBeAdopted() {
        loginAndPull("alice");
        try (LocalStore s = LocalStore.open(db)) {
            // Judged in the window under a typed name, as before the fix.
            List<Item> items = s.items().batch("math-001");
            s.judgments().save(SyncTestKit.judgment(items.get(0), "chris", UUID.randomUUID(), 1));
            s.judgments().save(SyncTestKit.judgment(items.get(1), "chris", UUID.randomUUID(), 1));
        }
        Run sync = arbiter("sync", "--db", db.toString());
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("pushed 0 judgment versions").contains(", 0 pending")
                .contains("not sent: 2 judgment versions on the server's batches are stamped 'chris', not 'alice'")
                .contains("arbiter sync --adopt chris")
                .contains("chris logs in on this store");
        try (LocalStore s = LocalStore.open(db)) {
            // The window's status bar says the same, from the same numbers.
            SyncStatus st = SyncService.forStore(s).status();
            assertThat(st.stranded()).containsEntry("chris", 2);
            assertThat(StrandedJudgments.brief(st.stranded())).contains("2 judgment versions stamped chris not sent")
                    .contains("arbiter sync --adopt chris");
        }

        Run adopt = arbiter("sync", "--adopt", "chris", "--db", db.toString());
        assertThat(adopt.code()).as(adopt.err()).isZero();
        assertThat(adopt.out()).contains("adopted 2 judgment versions stamped chris").contains("pushed 2 judgment versions")
                .contains(", 0 pending").doesNotContain("not sent");
        assertThat(lab.store.status().versions()).isEqualTo(2);
        try (LocalStore s = LocalStore.open(db)) {
            assertThat(s.outbox().pendingCount()).isZero();
            for (Item i : s.items().batch("math-001").subList(0, 2)) {
                Judgment j = s.judgments().latest("math-001", i.id(), "alice").orElseThrow();
                assertThat(j.annotator()).isEqualTo("alice");
            }
        }
    }

    @Test
    void adoptingLeavesItemsTheLoginJudgedItself() {
        loginAndPull("alice");
        try (LocalStore s = LocalStore.open(db)) {
            Item item = s.items().batch("math-001").get(0);
            s.judgments().save(SyncTestKit.judgment(item, "alice", UUID.randomUUID(), 1));
            s.judgments().save(SyncTestKit.judgment(item, "chris", UUID.randomUUID(), 1));
        }
        Run adopt = arbiter("sync", "--adopt", "chris", "--db", db.toString());
        assertThat(adopt.out()).contains("adopted 0 judgment versions").contains("kept 1 as they were (items you judged yourself)")
                .contains("pushed 1 judgment version,").contains("not sent: 1 judgment version on the server's batches is stamped 'chris'");
        assertThat(lab.store.status().versions()).isEqualTo(1);
    }
}

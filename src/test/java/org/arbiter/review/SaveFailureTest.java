package org.arbiter.review;

import static org.arbiter.review.ReviewFixture.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.arbiter.model.Judgment;
import org.arbiter.model.StepLabel;
import org.arbiter.store.LocalStore;
import org.arbiter.store.StoreFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, case 5: a write the store refuses must not be silent. The session keeps the labels, says what was
 * not saved and why until a write succeeds, and Enter does not move past a judgment that was not committed.
 * The failures are real SQLite ones: a store that has become read-only, and a file another program holds locked.
 */
class SaveFailureTest {
    private static final String ADA = "ada";

    @TempDir
    Path dir;
    Path db;
    LocalStore store;
    ReviewFixture.ManualClock time;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("arbiter.db");
        store = ReviewFixture.storeWithDemo(db);
        time = new ReviewFixture.ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReviewSession open() {
        return ReviewSession.open(store, ADA, "demo", Keymap.defaults(), new ActiveClock(time));
    }

    @Test
    void aReadOnlyStoreKeepsTheLabelsShowsWhyAndEnterStaysUntilItIsWritable() throws Exception {
        ReviewSession s = open();
        String first = s.state().open().item().id();
        ReviewState st = press(s, "2");
        assertThat(st.status().notSaved()).isFalse();
        Instant savedAt = st.status().lastSave();
        assertThat(savedAt).isNotNull();

        readOnly(store, true);
        time.advance(Duration.ofSeconds(30));
        st = press(s, "c");
        assertThat(st.status().notSaved()).isTrue();
        assertThat(st.status().saveFailure().headline()).startsWith("NOT SAVED: the labels of this item")
                .contains("read-only");
        assertThat(st.status().saveFailure().file()).isEqualTo(db);
        assertThat(st.status().lastSave()).as("a failed save is not shown as a save").isEqualTo(savedAt);
        assertThat(st.statusLine()).contains("NOT SAVED");
        assertThat(st.open().left().mark(0).rating()).as("the change stays on screen, to be saved later").isEqualTo(Rating.CORRECT);

        st = press(s, "Enter");
        assertThat(st.open().item().id()).as("Enter does not move past an unsaved judgment").isEqualTo(first);
        assertThat(st.queue().position()).isEqualTo(1);
        assertThat(st.status().message()).contains("not saved");
        assertThat(st.status().saveFailure().what()).isEqualTo("the judgment of this item");
        st = press(s, "Ctrl+Shift+Z", "Backspace");
        assertThat(st.open().item().id()).isEqualTo(first);
        st = press(s, "Ctrl+Q");
        assertThat(st.status().quitRequested()).as("the first Ctrl+Q warns instead of dropping the labels").isFalse();
        assertThat(st.status().message()).contains("Ctrl+Q again");

        readOnly(store, false);
        time.advance(Duration.ofSeconds(5));
        st = press(s, "Enter");
        assertThat(st.status().notSaved()).isFalse();
        assertThat(st.open().item().id()).isNotEqualTo(first);
        Judgment j = store.judgments().latest("demo", first, ADA).orElseThrow();
        assertThat(j.stepLabels()).extracting(StepLabel::rating).containsExactly(1);
    }

    private static void readOnly(LocalStore store, boolean on) {
        StoreFaults.readOnly(store, on);
    }

    @Test
    void aLockedStoreFileIsReportedAndTheNextWorkingSaveClearsIt() throws Exception {
        ReviewSession s = open();
        String first = s.state().open().item().id();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement sql = other.createStatement()) {
            // Another program holds the write lock (SQLite's busy timeout in the store is 5 s).
            sql.execute("BEGIN EXCLUSIVE");
            sql.execute("INSERT INTO setting (key, value) VALUES ('other.program', 'x')");
            ReviewState st = press(s, "2");
            assertThat(st.status().notSaved()).isTrue();
            assertThat(st.status().saveFailure().reason()).isEqualTo("the store file is locked by another program");
            assertThat(st.status().lastSave()).isNull();
            assertThat(st.statusLine()).contains("NOT SAVED");
            st = press(s, "Enter");
            assertThat(st.open().item().id()).isEqualTo(first);
            sql.execute("ROLLBACK");
        }
        ReviewState st = press(s, "c");
        assertThat(st.status().notSaved()).isFalse();
        assertThat(st.status().lastSave()).isNotNull();
        assertThat(store.drafts().load("demo", first, ADA)).isPresent();
        st = press(s, "Enter");
        assertThat(st.open().item().id()).isNotEqualTo(first);
        assertThat(store.judgments().latest("demo", first, ADA)).isPresent();
    }

    @Test
    void aFullDiskIsNamedAsSuch() {
        assertThat(SaveFailure.reasonOf("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"))
                .isEqualTo("the disk is full");
        assertThat(SaveFailure.reasonOf("[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)"))
                .isEqualTo("the store file is read-only");
    }
}

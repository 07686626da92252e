package org.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.arbiter.cli.ArbiterCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop store holds the server token and the server's SQLite file holds gold answers: on POSIX systems
 * their folder is 0700 and every file of the database 0600, and a looser store is tightened, with a warning,
 * when it is opened. Checked on the real files.
 */
class PrivateStoreFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static void chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static List<Path> databaseFiles(Path db) {
        List<Path> files = new ArrayList<>();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path f = Path.of(db + suffix);
            if (Files.exists(f)) files.add(f);
        }
        return files;
    }

    record Run(int exit, String out, String err) {
    }

    static Run arbiter(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ArbiterCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aNewLocalStoreAndTheFoldersMadeForItAreOwnerOnly() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("projects"));
        chmod(existing, "rwxr-xr-x");
        Path db = existing.resolve("made/for/it/arbiter.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.settings().put("sync.token", "secret-token");
            assertThat(databaseFiles(db)).extracting(Path::getFileName).extracting(Path::toString)
                    .contains("arbiter.db", "arbiter.db-wal", "arbiter.db-shm");
            for (Path f : databaseFiles(db)) assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(existing.resolve("made"))).isEqualTo("rwx------");
        assertThat(mode(existing.resolve("made/for/it"))).isEqualTo("rwx------");
        assertThat(mode(existing)).as("a folder that already existed is the user's: left alone").isEqualTo("rwxr-xr-x");
    }

    @Test
    void aLooseLocalStoreIsTightenedAtOpenWithOneWarningPerFile() throws IOException {
        Path db = dir.resolve("arbiter.db");
        try (LocalStore s = LocalStore.open(db)) {
            s.settings().put("sync.token", "secret-token");
        }
        chmod(db, "rw-r--r--");
        Files.writeString(Path.of(db + "-journal"), "");
        chmod(Path.of(db + "-journal"), "rw-rw-rw-");

        List<String> warnings = new ArrayList<>();
        try (LocalStore s = LocalStore.open(db, warnings::add)) {
            for (Path f : databaseFiles(db)) assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        assertThat(warnings).containsExactlyInAnyOrder(
                "arbiter: " + db + " was readable by other users (mode 644); made it 600",
                "arbiter: " + db + "-journal was readable by other users (mode 666); made it 600");

        warnings.clear();
        try (LocalStore s = LocalStore.open(db, warnings::add)) {
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void aLocalCommandSaysOnStderrThatItTightenedTheStore() throws IOException {
        Path db = dir.resolve("arbiter.db");
        LocalStore.open(db).close();
        chmod(db, "rw-r-----");
        Run r = arbiter("items", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("arbiter: " + db + " was readable by other users (mode 640); made it 600\n");
        assertThat(mode(db)).isEqualTo("rw-------");
    }

    @Test
    void theServerDatabaseIsOwnerOnlyAndTightenedWhenLoose() throws IOException {
        Path db = dir.resolve("lab/server.db");
        String url = "jdbc:sqlite:" + db;
        Run first = arbiter("server", "--db", url, "annotator", "add", "ana");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(mode(dir.resolve("lab"))).isEqualTo("rwx------");
        for (Path f : databaseFiles(db)) assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");

        chmod(db, "rw-r--r--");
        Run again = arbiter("server", "--db", url, "status");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("arbiter: " + db + " was readable by other users (mode 644); made it 600");
        assertThat(mode(db)).isEqualTo("rw-------");
    }

    /** The default data folder (here through XDG_DATA_HOME, in a child JVM) is made 0700 even when it exists. */
    @Test
    void theDataFolderIsTightenedWhenItExistsLoose() throws Exception {
        Path xdg = dir.resolve("xdg");
        Path data = Files.createDirectories(xdg.resolve("arbiter"));
        chmod(data, "rwxr-xr-x");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.arbiter.Launcher", "items");
        pb.environment().remove("ARBITER_DB");
        pb.environment().put("XDG_DATA_HOME", xdg.toString());
        pb.environment().put("HOME", dir.toString());
        Path log = dir.resolve("child.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("arbiter: " + data + " was readable by other users (mode 755); made it 700");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("arbiter.db"))).isEqualTo("rw-------");
    }
}

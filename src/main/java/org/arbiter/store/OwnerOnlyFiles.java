package org.arbiter.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps an SQLite store readable by its owner only, on POSIX systems: the laptop store holds the server
 * token in plain text, the server's holds gold answers. Folders made for a store are 0700 and the database
 * is created 0600 before SQLite opens it (SQLite gives its -wal, -shm and -journal files the database's
 * mode). A store found looser is tightened at open, with one line per file for the user. Arbiter's own data
 * folder is tightened too; a folder the user chose with --db is theirs and left alone. Elsewhere (Windows)
 * the per-user folder's ACL already keeps others out, and nothing is done.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final String[] COMPANIONS = {"", "-wal", "-shm", "-journal"};

    private final Path ownFolder;
    private final Consumer<String> warnings;

    /**
     * @param ownFolder Arbiter's data folder, made private even when it already exists
     * @param warnings  receives one line per file that had to be tightened or could not be
     */
    public OwnerOnlyFiles(Path ownFolder, Consumer<String> warnings) {
        this.ownFolder = ownFolder.toAbsolutePath().normalize();
        this.warnings = warnings;
    }

    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Makes {@code db}'s folder and the file itself exist, private, before the database is opened. */
    public void prepare(Path db) throws IOException {
        Path file = db.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (!supported()) {
            if (folder != null) Files.createDirectories(folder);
            return;
        }
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(OWNER)));
            } else if (folder.equals(ownFolder)) {
                tighten(folder);
            }
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another process: tightened below like any existing store
            }
        }
        for (String suffix : COMPANIONS) {
            Path f = Path.of(file + suffix);
            if (Files.isRegularFile(f)) tighten(f);
        }
    }

    /** Takes the group's and others' bits away, keeping the owner's as they are. */
    private void tighten(Path p) {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
            Set<PosixFilePermission> tight = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission bit : now) if (OWNER.contains(bit)) tight.add(bit);
            if (tight.equals(now)) return;
            Files.setPosixFilePermissions(p, tight);
            warnings.accept("arbiter: " + p + " was readable by other users (mode " + octal(now) + "); made it " + octal(tight));
        } catch (IOException | SecurityException e) {
            warnings.accept("arbiter: warning: " + p + " is readable by other users and cannot be made private: " + e.getMessage());
        }
    }

    /** rw-r--r-- as 644. */
    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) bits |= 1 << (8 - p.ordinal());
        return Integer.toOctalString(bits);
    }
}

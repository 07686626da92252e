package org.arbiter.base;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a text file (UTF-8) whole or not at all. A regular file (or a new path) is written to a temporary
 * file beside it and renamed onto it only once everything is written and synced, so a failure leaves no half
 * file and the older file at that path stays as it was. A symbolic link is followed and its target replaced
 * that way: the link stays a link. A FIFO, a device or a socket has nothing to replace and no folder to hold a
 * temporary file, so it is written through (never swapped for a regular file). Every file Arbiter rewrites
 * (exports, the adjudication batch, settings, the keymap) goes through here, so they all keep these rules.
 */
public final class AtomicFile {
    /** What goes into the file; it may return what it counted while writing. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code text} to {@code file} by the rules above. */
    public static void writeString(Path file, CharSequence text) throws IOException {
        write(file, out -> {
            out.append(text);
            return null;
        });
    }

    /** Writes what {@code content} writes to {@code file} by the rules above, and returns what it returned. */
    public static <T> T write(Path file, Content<T> content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) throw new IOException("it is a folder");
        if (writesThrough(target)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE);
                 Writer w = writer(out)) {
                T result = content.writeTo(w);
                w.flush();
                return result;
            }
        }
        target = linkTarget(target);
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        boolean done = false;
        try {
            T result;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer w = writer(Channels.newOutputStream(channel))) {
                result = content.writeTo(w);
                w.flush();
                channel.force(true);
            }
            readableLikeAPlainFile(temp, target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return result;
        } finally {
            if (!done) Files.deleteIfExists(temp);
        }
    }

    /**
     * True for a FIFO, a device or a socket (through links): written as the content comes, so a failure leaves
     * part of it there. Anything else is written whole or not at all.
     */
    public static boolean writesThrough(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Follows symbolic links, also dangling ones (a new file is made where the link points). */
    private static Path linkTarget(Path path) throws IOException {
        if (Files.exists(path)) return path.toRealPath();
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException("too many levels of symbolic links");
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        return p;
    }

    /** Temporary files are private (0600); the result should get the mode of the file it replaces, else 0644. */
    private static void readableLikeAPlainFile(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) return;
        Set<PosixFilePermission> mode = Files.isRegularFile(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }
}

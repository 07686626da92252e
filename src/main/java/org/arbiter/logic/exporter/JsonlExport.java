package org.arbiter.logic.exporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
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

import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * Runs a format and writes its rows as JSON Lines: UTF-8, one object per line, each line ended by "\n"
 * whatever the platform.
 */
public final class JsonlExport {
    private final ExportFormat format;
    private final ExportSource source;

    public JsonlExport(ExportFormat format, ExportSource source) {
        this.format = format;
        this.source = source;
    }

    /**
     * One row as one line. U+2028 and U+2029 are legal unescaped in JSON strings, but line-splitting readers
     * (Python's {@code str.splitlines}, some editors) break lines there, so they are escaped too. Outside
     * strings a compact JSON text has no such characters, so the replacement cannot touch anything else.
     */
    static String line(JsonNode row) {
        String s = Json.write(row);
        if (s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0) return s;
        return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Streams the rows to {@code out}, which stays open. */
    public ExportTally writeTo(Writer out) throws IOException {
        ExportTally tally = new ExportTally();
        try {
            format.write(source, new RowSink() {
                @Override
                public void row(JsonNode row) {
                    try {
                        out.write(line(row));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    tally.countRow();
                }

                @Override
                public void skip(String reason) {
                    tally.countSkip(reason);
                }

                @Override
                public void problem(String message) {
                    tally.addProblem(message);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return tally;
    }

    /** Streams the rows to {@code out} as UTF-8 and flushes; {@code out} stays open. Write errors are thrown. */
    public ExportTally writeTo(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ExportTally tally = writeTo(w);
        w.flush();
        out.flush();
        return tally;
    }

    /**
     * Writes the rows to {@code file}. A regular file (or a new path) is written to a temporary file beside it
     * and renamed onto it only once everything is written and synced, so a failed export leaves no half file
     * and an older export at that path stays as it was. A symbolic link is followed and its target replaced
     * that way: the link stays a link. A FIFO, a device or a socket has nothing to replace and no folder to
     * hold a temporary file, so it is written through (never swapped for a regular file).
     */
    public ExportTally writeTo(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) throw new IOException("it is a folder");
        if (writesThrough(target)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                return writeTo(out);
            }
        }
        target = linkTarget(target);
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        boolean done = false;
        try {
            ExportTally tally;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                         StandardCharsets.UTF_8), 1 << 16)) {
                tally = writeTo(w);
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
            return tally;
        } finally {
            if (!done) Files.deleteIfExists(temp);
        }
    }

    /**
     * True for a FIFO, a device or a socket (through links): written as the rows come, so a failure leaves
     * part of the export there. Anything else is written whole or not at all.
     */
    public static boolean writesThrough(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
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

    /** Temporary files are private (0600); an export should get the mode of the file it replaces, else 0644. */
    private static void readableLikeAPlainFile(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) return;
        Set<PosixFilePermission> mode = Files.isRegularFile(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }
}

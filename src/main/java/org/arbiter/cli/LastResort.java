package org.arbiter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.arbiter.json.FieldException;
import org.arbiter.server.Refusal;
import org.arbiter.store.OwnerOnlyFiles;
import org.arbiter.store.StoreException;
import org.arbiter.store.StorePaths;
import org.arbiter.sync.SyncException;

import picocli.CommandLine;

/**
 * What a user sees when a command fails in a way no command worded: one line on stderr, never a stack
 * trace; the trace goes to a log file the line names, for the bug report. Failures that carry a message
 * meant for the user (a store that cannot be opened, a refused request, a file that cannot be read) keep
 * that message and exit 1, as before. Everything else (a NullPointerException, an OutOfMemoryError) is an
 * internal error: exit {@link #INTERNAL_ERROR}.
 */
final class LastResort {
    /** sysexits.h EX_SOFTWARE: scripts can tell "Arbiter broke" from "the data was refused" (1). */
    static final int INTERNAL_ERROR = 70;
    private static final String FILE_NAME = "arbiter-errors.log";

    private final Path logFile;

    LastResort(Path logFile) {
        this.logFile = logFile;
    }

    /** The log in Arbiter's data folder (private to the user like the store: a trace can show data). */
    static LastResort forUser() {
        return new LastResort(StorePaths.dataDirectory().resolve(FILE_NAME));
    }

    /**
     * The log beside the local store the command works on ({@code --db}, else its default), so a command run on
     * another store (a test's, a scratch one) leaves its traces there; the data folder for commands without a
     * local store, or before the command line is parsed ({@code parsed} null).
     */
    static LastResort forCommand(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            CommandLine.Model.OptionSpec db = p.commandSpec().findOption("--db");
            // the server's --db is a JDBC URL (a String): only a local store's path has a folder to log in
            if (db != null && db.getValue() instanceof Path store && store.toAbsolutePath().getParent() != null) {
                return new LastResort(store.toAbsolutePath().getParent().resolve(FILE_NAME));
            }
        }
        return forUser();
    }

    /** Reports {@code failure} on {@code err}; returns the exit code. */
    int report(Throwable failure, PrintWriter err) {
        if (isWorded(failure)) {
            err.println("arbiter: " + failure.getMessage());
            err.flush();
            return ArbiterCommand.DATA_ERROR;
        }
        String where = log(failure, Thread.currentThread());
        err.println("arbiter: " + headline(failure) + " — please report it" + where);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** For threads other than the command's (the window's, sync's): the same line; the program goes on. */
    void uncaught(Thread thread, Throwable failure, PrintWriter err) {
        String where = log(failure, thread);
        err.println("arbiter: " + headline(failure) + " (in " + thread.getName() + ") — please report it" + where);
        err.flush();
    }

    private static boolean isWorded(Throwable t) {
        if (t.getMessage() == null || t.getMessage().isBlank()) return false;
        return t instanceof StoreException || t instanceof Refusal || t instanceof SyncException
                || t instanceof FieldException || t instanceof UncheckedIOException || t instanceof IOException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException;
    }

    private static String headline(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "): give Java a larger heap, e.g. java -Xmx2g -jar arbiter.jar";
        }
        return "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Appends the trace to the log; returns "; details in FILE", or why there are none. */
    private String log(Throwable failure, Thread thread) {
        StringWriter trace = new StringWriter();
        PrintWriter w = new PrintWriter(trace);
        // no command-line arguments: they can hold a token (login --token)
        w.printf("=== %s  Arbiter %s, Java %s, %s %s, thread %s%n", Instant.now(),
                ArbiterCommand.class.getAnnotation(picocli.CommandLine.Command.class).version()[0],
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"), thread.getName());
        failure.printStackTrace(w);
        w.flush();
        try {
            append(logFile, trace.toString());
            return "; details in " + logFile;
        } catch (IOException | RuntimeException e) {
            try {
                Path temp = Files.createTempFile("arbiter-error-", ".log");
                Files.writeString(temp, trace.toString(), StandardCharsets.UTF_8);
                return "; details in " + temp;
            } catch (IOException | RuntimeException again) {
                return " (the details could not be saved: " + e.getMessage() + ")";
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(file)) {
            if (OwnerOnlyFiles.supported()) {
                if (!Files.isDirectory(folder)) Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // written meanwhile by another Arbiter: append to it
                }
            } else {
                Files.createDirectories(folder);
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

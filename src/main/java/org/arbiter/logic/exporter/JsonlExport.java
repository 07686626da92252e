package org.arbiter.logic.exporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.arbiter.base.AtomicFile;
import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * Runs a format and writes its rows as JSON Lines: UTF-8, one object per line, each line ended by "\n"
 * whatever the platform; or, for a format whose rows form one JSON array, as that array with one row per line.
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
        boolean array = format.jsonArray();
        if (array) out.write('[');
        try {
            format.write(source, new RowSink() {
                @Override
                public void row(JsonNode row) {
                    try {
                        if (array) out.write(tally.rows() == 0 ? "\n" : ",\n");
                        out.write(line(row));
                        if (!array) out.write('\n');
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
        if (array) out.write(tally.rows() == 0 ? "]\n" : "\n]\n");
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
     * Writes the rows to {@code file} whole or not at all, following links and writing through a FIFO or a
     * device, by {@link AtomicFile}'s rules.
     */
    public ExportTally writeTo(Path file) throws IOException {
        return AtomicFile.write(file, this::writeTo);
    }

    /** @see AtomicFile#writesThrough(Path) */
    public static boolean writesThrough(Path file) {
        return AtomicFile.writesThrough(file);
    }
}

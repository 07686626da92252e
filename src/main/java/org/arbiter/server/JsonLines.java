package org.arbiter.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.arbiter.json.FieldException;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.json.JudgmentJson;
import org.arbiter.logic.importer.RecordLimit;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The admin's input files, one JSON object a line: native items for {@code import}, the {@code full}
 * judgment export for {@code ingest}. The whole file is read before anything is stored, and the first bad
 * line stops it with file, line and field.
 */
public final class JsonLines {
    private JsonLines() {
    }

    public static List<Item> items(Path file, String batch) {
        return read(file, node -> storable(ItemJson.read(node, batch, batch)));
    }

    /**
     * An item id is kept in a column of its own, and PostgreSQL text cannot hold NUL (U+0000): such an id is
     * refused on both databases alike. Text inside items and judgments is kept as JSON, where NUL is escaped,
     * so it needs no such rule.
     */
    static Item storable(Item item) {
        if (item.id().indexOf('\u0000') >= 0) throw new FieldException("id", ServerStore.NUL_IN_ID + ", found \"" + visible(item.id()) + "\"");
        return item;
    }

    /** The id with NUL spelled {@code \u0000}, for messages. */
    static String visible(String id) {
        return id.replace("\u0000", "\\u0000");
    }

    /**
     * Native items that each carry a gold answer the report can score; a line without one stops the file,
     * since an item with nothing to score against would only pad the annotators' batches.
     */
    public static List<Item> goldItems(Path file) {
        return read(file, node -> {
            Item item = storable(ItemJson.read(node, "gold", null));
            if (item.gold() == null || !item.gold().scorable()) {
                throw new FieldException("gold", "an object with \"preference\" (e.g. \"A>B\"), \"direction\" (\"A\", \"B\" "
                        + "or \"equal\"), \"correct\" (a response id or a/b) or \"first_error\" ({\"response\": \"a\", \"step\": 3})"
                        + (item.gold() == null ? ", found none" : ", found " + Json.write(Json.toNode(item.gold().fields()))));
            }
            return item;
        });
    }

    public static List<Judgment> judgments(Path file) {
        return read(file, JsonLines::judgment);
    }

    private static Judgment judgment(JsonNode node) {
        Json.requireWholeCharacters(node, "");
        return JudgmentJson.read(node);
    }

    /** Records of a file with the line each came from, so a later check can still name file and line. */
    public record Numbered<T>(Path file, List<T> values, List<Integer> lines) {
        /** {@code FILE:LINE} of the {@code i}-th record. */
        public String where(int i) {
            return file + ":" + lines.get(i);
        }
    }

    /** {@link #judgments(Path)} with line numbers, for {@code ingest}. */
    public static Numbered<Judgment> numberedJudgments(Path file) {
        return readNumbered(file, JsonLines::judgment);
    }

    private static <T> List<T> read(Path file, Function<JsonNode, T> reader) {
        return readNumbered(file, reader).values();
    }

    private static <T> Numbered<T> readNumbered(Path file, Function<JsonNode, T> reader) {
        List<T> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = readLine(in)) != null) {
                n++;
                if (line == TOO_LONG) throw Refusal.invalid(file + ":" + n + ": " + RecordLimit.message());
                if (line.isBlank()) continue;
                try {
                    out.add(reader.apply(Json.parse(line)));
                    lines.add(n);
                } catch (FieldException e) {
                    throw Refusal.invalid(file + ":" + n + ": " + e.getMessage());
                } catch (JacksonException e) {
                    throw Refusal.invalid(file + ":" + n + ": malformed JSON: " + e.getOriginalMessage());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw Refusal.invalid(file + ":" + n + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw Refusal.invalid("cannot read " + file + ": " + e.getMessage());
        }
        // an empty file is more likely a failed copy or export than a wish to import nothing
        if (out.isEmpty()) throw Refusal.invalid(file + ": no records");
        return new Numbered<>(file, out, lines);
    }

    /** Stands for a line over {@link RecordLimit#MAX_BYTES}, whose characters were skipped, not kept. */
    private static final String TOO_LONG = new String("(too long)");

    /**
     * {@link BufferedReader#readLine()} without its unbounded buffer: a line of more than MAX_BYTES characters
     * (so at least that many bytes) comes back as {@link #TOO_LONG}.
     */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (tooLong) continue;
            if (line.length() == RecordLimit.MAX_BYTES) {
                tooLong = true;
                line = new StringBuilder();
            } else {
                line.append((char) c);
            }
        }
        if (c < 0 && line.isEmpty() && !tooLong) return null;
        if (tooLong) return TOO_LONG;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') end--;
        return line.substring(0, end);
    }
}

package org.arbiter.logic.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.arbiter.json.FieldException;
import org.arbiter.model.Item;

import tools.jackson.databind.JsonNode;

/**
 * Reads a file's items without storing them (for commands that only look, such as {@code arbiter verify}),
 * with the same formats, detection and line-and-field errors as the importer.
 */
public final class ItemReader {
    private ItemReader() {
    }

    /** The items of a file, or the errors that make it unreadable (then no items). */
    public record Read(List<Item> items, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Read read(Path file, ImportOptions options) {
        String name = file.toString();
        if (Files.isDirectory(file)) return failed(name, "a file, found a folder");
        List<Item> items = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        ParseContext context = new ParseContext(Importer.baseName(file), options.batch(), options.domain());
        RecordSource.Sink sink = new RecordSource.Sink() {
            RecordParser parser = options.format() == null ? null : options.format().newParser();
            String formatName = options.format() == null ? null : options.format().wireName();
            boolean undetectable;

            @Override
            public void record(long line, JsonNode record) {
                if (undetectable) return;
                if (parser == null) {
                    Optional<ImportFormat> detected = FormatDetector.detect(record);
                    if (detected.isEmpty()) {
                        problem(line, "(record)", "a record of a known format (" + ImportFormat.names()
                                + "; or give --format), found the keys " + new TreeSet<>(record.propertyNames()));
                        undetectable = true;
                        return;
                    }
                    parser = detected.get().newParser();
                    formatName = detected.get().wireName();
                }
                try {
                    Item item = parser.parse(record, context);
                    ResponseLimit.check(item);
                    Long earlier = seen.putIfAbsent(item.id(), line);
                    if (earlier != null) {
                        problem(line, "id", "an id unique within the file; \"" + item.id() + "\" is also on line " + earlier);
                        return;
                    }
                    items.add(item);
                } catch (FieldException e) {
                    problem(line, e.field(), e.expected());
                } catch (IllegalArgumentException | NullPointerException e) {
                    problem(line, "(record)", "a valid " + formatName + " record (" + e.getMessage() + ")");
                }
            }

            @Override
            public void problem(long line, String field, String expected) {
                if (errors.size() < Importer.ERROR_CAP) errors.add(new ImportError(name, line, field, expected));
            }

            @Override
            public void tooLarge(long line) {
                if (errors.size() < Importer.ERROR_CAP) errors.add(ImportError.whole(name, line, RecordLimit.message()));
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new RecordSource(in, read -> { }).read(sink);
        } catch (NoSuchFileException e) {
            return failed(name, "an existing file, found none");
        } catch (IOException e) {
            return failed(name, "a readable file (" + e.getMessage() + ")");
        }
        if (errors.isEmpty() && items.isEmpty()) return new Read(List.of(), List.of(ImportError.whole(name, 0, "no records")));
        return errors.isEmpty() ? new Read(List.copyOf(items), List.of()) : new Read(List.of(), List.copyOf(errors));
    }

    private static Read failed(String file, String expected) {
        return new Read(List.of(), List.of(new ImportError(file, 0, "(file)", expected)));
    }
}

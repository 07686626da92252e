package org.arbiter.logic.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.arbiter.json.FieldException;
import org.arbiter.model.Item;
import org.arbiter.store.LocalStore;
import org.arbiter.store.StoreException;
import org.arbiter.store.Transaction;

import tools.jackson.databind.JsonNode;

/**
 * Imports RLHF data files into the local store, one file at a time and all-or-nothing per file: the items
 * are inserted while the file is read, inside one transaction that is rolled back when any line is bad.
 * Every bad line is reported (up to {@link #ERROR_CAP}), not only the first. Memory stays flat: one record
 * at a time plus the set of ids seen, so a 200 MB file does not need 200 MB of heap.
 */
public final class Importer {
    public static final int ERROR_CAP = 50;
    private static final String ARGILLA_RECORDS = "records.json";

    private final LocalStore store;

    public Importer(LocalStore store) {
        this.store = store;
    }

    public ImportResult importFile(Path file, ImportOptions options) {
        return importFile(file, options, ImportProgress.NONE);
    }

    public ImportResult importFile(Path given, ImportOptions options, ImportProgress progress) {
        // Argilla's Dataset.to_disk writes a folder: its records are the folder's records.json
        Path file = Files.isDirectory(given) && Files.isRegularFile(given.resolve(ARGILLA_RECORDS))
                ? given.resolve(ARGILLA_RECORDS) : given;
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return failed(name, "(file)", "an existing file, found none");
        } catch (IOException e) {
            return failed(name, "(file)", "a readable file (" + e.getMessage() + ")");
        }
        if (Files.isDirectory(file)) return failed(name, "(file)", "a file, found a folder");
        Run run = new Run(name, options, baseName(given));
        try {
            return store.inTransaction(tx -> {
                run.transaction = tx;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    new RecordSource(in, read -> progress.advanced(read, size)).read(run);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    progress.finished();
                }
                if (run.errorCount > 0 || run.records == 0) throw new Rejected();
                return run.result();
            });
        } catch (Rejected r) {
            return run.result();
        } catch (UncheckedIOException e) {
            return failed(name, "(file)", "a readable file (" + e.getCause().getMessage() + ")");
        }
    }

    /** The file name without its data extensions: {@code data/hh.test.jsonl} → {@code hh.test}. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        for (String ext : new String[]{".gz", ".jsonl", ".ndjson", ".json", ".txt"}) {
            if (n.length() > ext.length() && n.toLowerCase().endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        }
        return n;
    }

    private static ImportResult failed(String file, String field, String expected) {
        return new ImportResult(file, null, Set.of(), 0, 0, 0, List.of(new ImportError(file, 0, field, expected)), 1, false);
    }

    /** Thrown inside the transaction to roll it back once the whole file has been checked. */
    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

    /** The state of one file's import; receives the file's records in order. */
    private final class Run implements RecordSource.Sink {
        final String file;
        final ImportOptions options;
        final ParseContext context;
        final Map<String, Long> idLines = new HashMap<>();
        final Set<String> batches = new LinkedHashSet<>();
        final List<ImportError> errors = new ArrayList<>();
        final Map<String, Integer> leftOut = new TreeMap<>();
        Transaction transaction;
        ImportFormat format;
        RecordParser parser;
        int errorCount;
        long records;
        int imported;
        int skipped;
        int repeated;
        boolean undetectable;

        Run(String file, ImportOptions options, String defaultBatch) {
            this.file = file;
            this.options = options;
            this.context = new ParseContext(defaultBatch, options.batch(), options.domain(),
                    reason -> leftOut.merge(reason, 1, Integer::sum));
            this.format = options.format();
            this.parser = format == null ? null : format.newParser();
        }

        @Override
        public void record(long line, JsonNode record) {
            records++;
            if (undetectable) return;
            if (parser == null) {
                Optional<ImportFormat> detected = FormatDetector.detect(record);
                if (detected.isEmpty()) {
                    problem(line, "(record)", "a record of a known format (" + ImportFormat.names()
                            + "; or give --format), found the keys " + new TreeSet<>(record.propertyNames()));
                    undetectable = true; // every further line would repeat the same complaint
                    return;
                }
                format = detected.get();
                parser = format.newParser();
            }
            Item item;
            try {
                item = parser.parse(record, context);
                ResponseLimit.check(item);
            } catch (FieldException e) {
                problem(line, e.field(), e.expected());
                return;
            } catch (IllegalArgumentException | NullPointerException e) {
                problem(line, "(record)", "a valid " + format.wireName() + " record (" + e.getMessage() + ")");
                return;
            }
            Long earlier = idLines.putIfAbsent(item.id(), line);
            if (earlier != null && item.id().equals(RecordIds.contentId(record))) {
                // no id in the source and the same content again: the same item, imported once
                repeated++;
                return;
            }
            if (earlier != null) {
                problem(line, "id", "an id unique within the file; \"" + item.id() + "\" is also on line " + earlier);
                return;
            }
            if (errorCount > 0) return; // the transaction will be rolled back: only keep checking
            batches.add(item.batch());
            try {
                if (store.items().insertIfAbsent(transaction, item)) imported++;
                else skipped++;
            } catch (StoreException e) {
                throw new StoreException("cannot store line " + line + " of " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void problem(long line, String field, String expected) {
            add(new ImportError(file, line, field, expected));
        }

        @Override
        public void tooLarge(long line) {
            add(ImportError.whole(file, line, RecordLimit.message()));
        }

        private void add(ImportError error) {
            records++;
            errorCount++;
            if (errors.size() < ERROR_CAP) errors.add(error);
        }

        ImportResult result() {
            if (errorCount > 0) return new ImportResult(file, format, Set.of(), 0, 0, 0, errors, errorCount, false);
            return new ImportResult(file, format, batches, imported, skipped, repeated, List.of(), 0, records == 0, leftOut,
                    parser == null ? List.of() : parser.notes());
        }
    }
}

package org.arbiter.logic.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What importing one file did.
 *
 * @param batches    the batches the items went to (usually one)
 * @param repeated   records without an id that occur again, identical, later in the same file (imported once)
 * @param errors     the first bad lines, at most {@link Importer#ERROR_CAP}
 * @param errorCount all bad lines found
 * @param empty      the file holds no record at all (empty, blank lines only, or {@code []}): refused, since
 *                   "0 imported" would read as success for a file that was cut off or never written
 * @param leftOut    labels of the source left out on purpose, by reason (e.g. "discarded Argilla response")
 * @param notes      what the format's parser wants said, e.g. replies left out of an OpenAssistant tree
 */
public record ImportResult(String file, ImportFormat format, Set<String> batches, int imported, int skipped,
                           int repeated,
                           List<ImportError> errors, int errorCount, boolean empty, Map<String, Integer> leftOut,
                           List<String> notes) {
    public ImportResult {
        batches = Set.copyOf(batches);
        errors = List.copyOf(errors);
        leftOut = leftOut == null ? Map.of() : Map.copyOf(leftOut);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ImportResult(String file, ImportFormat format, Set<String> batches, int imported, int skipped, int repeated,
                        List<ImportError> errors, int errorCount, boolean empty) {
        this(file, format, batches, imported, skipped, repeated, errors, errorCount, empty, Map.of(), List.of());
    }

    public boolean ok() {
        return errorCount == 0 && !empty;
    }

    /** "FILE: 120 imported, 3 skipped (already present), batch NAME, format F", or "FILE: no records" */
    public String summary() {
        if (empty) return file + ": no records";
        if (!ok()) return file + ": nothing imported (" + errorCount + " bad line" + (errorCount == 1 ? "" : "s") + ")";
        return file + ": " + imported + " imported, " + skipped + " skipped (already present), "
                + (repeated > 0 ? repeated + " repeated in the file (imported once), " : "") + "batch "
                + (batches.isEmpty() ? "-" : String.join(", ", batches.stream().sorted().toList()))
                + ", format " + (format == null ? "-" : format.wireName()) + leftOutText()
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }

    /** "; left out: 2 discarded Argilla responses" or "". */
    private String leftOutText() {
        if (leftOut.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("; left out:");
        String sep = " ";
        for (Map.Entry<String, Integer> e : new TreeMap<>(leftOut).entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey()).append(e.getValue() == 1 ? "" : "s");
            sep = ", ";
        }
        return sb.toString();
    }
}

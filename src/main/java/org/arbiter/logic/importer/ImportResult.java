package org.arbiter.logic.importer;

import java.util.List;
import java.util.Set;

/**
 * What importing one file did.
 *
 * @param batches    the batches the items went to (usually one)
 * @param repeated   records without an id that occur again, identical, later in the same file (imported once)
 * @param errors     the first bad lines, at most {@link Importer#ERROR_CAP}
 * @param errorCount all bad lines found
 */
public record ImportResult(String file, ImportFormat format, Set<String> batches, int imported, int skipped,
                           int repeated,
                           List<ImportError> errors, int errorCount) {
    public ImportResult {
        batches = Set.copyOf(batches);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errorCount == 0;
    }

    /** "FILE: 120 imported, 3 skipped (already present), batch NAME, format F" */
    public String summary() {
        if (!ok()) return file + ": nothing imported (" + errorCount + " bad line" + (errorCount == 1 ? "" : "s") + ")";
        return file + ": " + imported + " imported, " + skipped + " skipped (already present), "
                + (repeated > 0 ? repeated + " repeated in the file (imported once), " : "") + "batch "
                + (batches.isEmpty() ? "-" : String.join(", ", batches.stream().sorted().toList()))
                + ", format " + (format == null ? "-" : format.wireName());
    }
}

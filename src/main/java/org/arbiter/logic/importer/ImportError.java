package org.arbiter.logic.importer;

/**
 * One bad line of an input file.
 *
 * @param line  1-based line number; 0 when the problem is the file itself
 * @param field the field at fault; null when {@code expected} is a whole message about the record
 */
public record ImportError(String file, long line, String field, String expected) {
    /** A problem with a record as a whole, already worded: {@code FILE:LINE: record larger than 16 MB}. */
    public static ImportError whole(String file, long line, String message) {
        return new ImportError(file, line, null, message);
    }

    /** {@code FILE:LINE: FIELD: expected …}, or {@code FILE:LINE: message} for a whole-record problem. */
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + (field == null ? expected : field + ": expected " + expected);
    }
}

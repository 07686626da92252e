package org.arbiter.logic.importer;

/**
 * One bad line of an input file.
 *
 * @param line 1-based line number; 0 when the problem is the file itself
 */
public record ImportError(String file, long line, String field, String expected) {
    /** {@code FILE:LINE: FIELD: expected …} */
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + field + ": expected " + expected;
    }
}

package org.arbiter.logic.importer;

/**
 * The largest record an import accepts. A line (or array element) past it is rejected as a whole, with
 * its line number, without being held in memory: a 50 MB line used to exhaust a 64 MB heap.
 *
 * <p>16 MB: the lab server refuses requests above 16 MB, so a bigger item could not travel with its
 * judgments anyway; real records are far smaller (the longest in the test corpus, a PRM800K record, is 28 KB).
 * A record is parsed from its bytes, not a decoded copy, but it is still held as bytes, as a tree and as the
 * store's JSON at once: measured, a 15 MB record imports in a 112 MB heap, not in 80 MB (the installed app
 * runs with 2 GB).
 */
public final class RecordLimit {
    public static final int MAX_BYTES = 16 << 20;

    private RecordLimit() {
    }

    /** {@code record larger than 16 MB} */
    public static String message() {
        return "record larger than " + (MAX_BYTES >> 20) + " MB";
    }
}

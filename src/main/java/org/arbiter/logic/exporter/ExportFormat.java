package org.arbiter.logic.exporter;

/** One output format: reads labels from the source and writes one JSON object per row. */
public interface ExportFormat {
    /** The {@code --format} name. */
    String name();

    void write(ExportSource source, RowSink sink);

    /**
     * The rows form one JSON array (what Label Studio's import and Argilla's records.json take) rather than
     * JSON Lines.
     */
    default boolean jsonArray() {
        return false;
    }

    /** This format writing the given pairs of a ranking; formats without pairs ignore it. */
    default ExportFormat withPairs(PairSelection pairs) {
        return this;
    }
}

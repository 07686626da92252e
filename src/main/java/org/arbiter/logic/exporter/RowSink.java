package org.arbiter.logic.exporter;

import tools.jackson.databind.JsonNode;

/** Where a format puts its rows, and tells what it left out and why. */
public interface RowSink {
    /** One output row: one JSON object, one line. */
    void row(JsonNode row);

    /** A label left out on purpose, e.g. "tie", "both-bad": counted in the summary. */
    void skip(String reason);

    /** A label that should have given a row but could not (an inconsistent store): reported on stderr. */
    void problem(String message);
}

package org.arbiter.logic.exporter;

/** A label that cannot be turned into a row, e.g. a step label pointing past the response's last step. */
public final class UnwritableRow extends RuntimeException {
    public UnwritableRow(String message) {
        super(message);
    }
}

package org.arbiter.json;

/** A field of an input record is missing or has the wrong shape. The importer adds file and line. */
public final class FieldException extends RuntimeException {
    private final String field;
    private final String expected;

    public FieldException(String field, String expected) {
        super(field + ": expected " + expected);
        this.field = field;
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }
}

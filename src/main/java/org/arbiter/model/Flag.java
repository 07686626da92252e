package org.arbiter.model;

/** Flags an expert can raise on a pair, independent of the preference. */
public enum Flag {
    BOTH_BAD("both_bad"), UNSURE("unsure"), BAD_PROMPT("bad_prompt");

    private final String wire;

    Flag(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Flag fromWire(String s) {
        for (Flag f : values()) if (f.wire.equals(s)) return f;
        return null;
    }
}

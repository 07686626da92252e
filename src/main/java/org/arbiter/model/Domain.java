package org.arbiter.model;

import java.util.Locale;

/** What kind of content an item holds; decides segmentation and the error taxonomy. */
public enum Domain {
    MATH, CODE, GENERAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name ("math", "code", "general"); null for anything else. */
    public static Domain fromWire(String s) {
        if (s == null) return null;
        for (Domain d : values()) if (d.wireName().equals(s)) return d;
        return null;
    }
}

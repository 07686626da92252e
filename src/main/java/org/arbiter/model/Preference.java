package org.arbiter.model;

/**
 * The 5-point scale. A and B are the item's first and second response as imported, never the screen side.
 */
public enum Preference {
    A_MUCH_BETTER("A>>B", -2),
    A_BETTER("A>B", -1),
    TIE("A=B", 0),
    B_BETTER("B>A", 1),
    B_MUCH_BETTER("B>>A", 2);

    private final String wire;
    private final int score;

    Preference(String wire, int score) {
        this.wire = wire;
        this.score = score;
    }

    public String wire() {
        return wire;
    }

    /** −2 (A much better) … +2 (B much better): the ordinal value used in agreement statistics. */
    public int score() {
        return score;
    }

    /** −1 A preferred, 0 tie, +1 B preferred. */
    public int direction() {
        return Integer.signum(score);
    }

    public boolean strong() {
        return Math.abs(score) == 2;
    }

    public static Preference fromScore(int score) {
        for (Preference p : values()) if (p.score == score) return p;
        throw new IllegalArgumentException("preference score out of range: " + score);
    }

    /** Parses "A>>B" … "B>>A"; null for anything else. */
    public static Preference fromWire(String s) {
        if (s == null) return null;
        for (Preference p : values()) if (p.wire.equals(s)) return p;
        return null;
    }

    /** The same judgment seen from the other side: A>B becomes B>A. */
    public Preference mirrored() {
        return fromScore(-score);
    }
}

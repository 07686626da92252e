package org.arbiter.review;

/**
 * How a step rating looks. Symbol and colour together, and the colours from the Okabe–Ito palette (blue vs.
 * vermillion), so the three ratings stay apart for colour-blind experts and in grey-scale.
 */
public enum Rating {
    CORRECT(1, "✓", "#0072B2", "rating-correct"),
    NEUTRAL(0, "○", "#7F7F7F", "rating-neutral"),
    INCORRECT(-1, "✗", "#D55E00", "rating-incorrect");

    private final int value;
    private final String symbol;
    private final String colour;
    private final String styleClass;

    Rating(int value, String symbol, String colour, String styleClass) {
        this.value = value;
        this.symbol = symbol;
        this.colour = colour;
        this.styleClass = styleClass;
    }

    public int value() {
        return value;
    }

    public String symbol() {
        return symbol;
    }

    public String colour() {
        return colour;
    }

    public String styleClass() {
        return styleClass;
    }

    public static Rating of(int value) {
        for (Rating r : values()) if (r.value == value) return r;
        throw new IllegalArgumentException("rating must be -1, 0 or 1: " + value);
    }
}

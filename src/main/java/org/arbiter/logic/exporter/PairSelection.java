package org.arbiter.logic.exporter;

import java.util.Locale;

/**
 * Which pairs a ranking gives to the pairwise formats ({@code --pairs}). The default is {@link #ALL}: every
 * pair the order implies, because a ranking of k responses in distinct tiers says k(k-1)/2 things and
 * dropping some is a choice the user makes. Responses in one tier (a tie) imply no pair.
 */
public enum PairSelection {
    /** Every pair of responses in different tiers. */
    ALL,
    /** Only pairs from neighbouring tiers (margin 1). */
    ADJACENT,
    /** Only the best tier against the worst. */
    BEST_WORST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Null for an unknown name. */
    public static PairSelection fromWire(String name) {
        for (PairSelection p : values()) if (p.wireName().equals(name)) return p;
        return null;
    }

    /** Whether the pair of tiers {@code better} (0-based, best first) over {@code worse} is wanted among {@code tiers}. */
    boolean wants(int better, int worse, int tiers) {
        return switch (this) {
            case ALL -> true;
            case ADJACENT -> worse == better + 1;
            case BEST_WORST -> better == 0 && worse == tiers - 1;
        };
    }
}

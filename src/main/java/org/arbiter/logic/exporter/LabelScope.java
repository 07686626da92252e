package org.arbiter.logic.exporter;

import java.util.Locale;

/**
 * Which labels an export draws on: the experts' judgments, the labels that came with the data, both, or one
 * consensus label per item made from the experts' judgments (the cleaned dataset).
 */
public enum LabelScope {
    EXPERT, PRIOR, ALL, CONSENSUS;

    public boolean expert() {
        return this == EXPERT || this == ALL;
    }

    public boolean prior() {
        return this == PRIOR || this == ALL;
    }

    public boolean consensus() {
        return this == CONSENSUS;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

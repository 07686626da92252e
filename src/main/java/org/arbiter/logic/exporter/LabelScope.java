package org.arbiter.logic.exporter;

import java.util.Locale;

/** Which labels an export draws on: the experts' judgments, the labels that came with the data, or both. */
public enum LabelScope {
    EXPERT, PRIOR, ALL;

    public boolean expert() {
        return this != PRIOR;
    }

    public boolean prior() {
        return this != EXPERT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

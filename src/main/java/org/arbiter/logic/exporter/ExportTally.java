package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an export wrote and left out: the numbers of its summary line. */
public final class ExportTally {
    private long rows;
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    void countRow() {
        rows++;
    }

    void countSkip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void addProblem(String message) {
        problems.add(message);
    }

    public long rows() {
        return rows;
    }

    /** Reason → number of labels left out on purpose. */
    public Map<String, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    public int skipped(String reason) {
        return skipped.getOrDefault(reason, 0);
    }

    /** Labels that should have given rows but could not, each with what is wrong. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** "3 tie, 1 both-bad" or "none". */
    public String skippedText() {
        if (skipped.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        skipped.forEach((reason, n) -> parts.add(n + " " + reason));
        return String.join(", ", parts);
    }
}

package org.arbiter.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One expert's verdict on one item. A revision keeps the judgment id and takes the next version; every
 * version is kept. The preference is in A/B terms (as imported); {@code shownLeft} records which response
 * the expert saw on the left, so position bias can be measured.
 *
 * @param preference null only when the item is a single path (step review) or was skipped
 * @param rubric     response id → dimension → score
 * @param evidence   what the checks showed for each response at submission; empty when none was shown
 * @param ranking    the order over three or more responses (a ranking item); null for pairs and single paths
 * @param expertTest the expert's own test and its outcome on each response; null when none was run
 */
public record Judgment(UUID judgmentId, String itemId, String batch, String annotator, int version,
                       Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                       String rationale, List<StepLabel> stepLabels, String shownLeft,
                       Instant startedAt, Instant submittedAt, long activeMs, List<ShownEvidence> evidence,
                       Ranking ranking, ExpertTest expertTest) {

    /** A judgment with evidence, no ranking and no expert test. */
    public Judgment(UUID judgmentId, String itemId, String batch, String annotator, int version,
                    Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                    String rationale, List<StepLabel> stepLabels, String shownLeft,
                    Instant startedAt, Instant submittedAt, long activeMs, List<ShownEvidence> evidence) {
        this(judgmentId, itemId, batch, annotator, version, preference, flags, rubric, rationale, stepLabels, shownLeft,
                startedAt, submittedAt, activeMs, evidence, null, null);
    }

    /** A judgment submitted with no evidence shown. */
    public Judgment(UUID judgmentId, String itemId, String batch, String annotator, int version,
                    Preference preference, Set<Flag> flags, Map<String, Map<String, Integer>> rubric,
                    String rationale, List<StepLabel> stepLabels, String shownLeft,
                    Instant startedAt, Instant submittedAt, long activeMs) {
        this(judgmentId, itemId, batch, annotator, version, preference, flags, rubric, rationale, stepLabels, shownLeft,
                startedAt, submittedAt, activeMs, List.of());
    }

    public Judgment {
        Objects.requireNonNull(judgmentId, "judgmentId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(annotator, "annotator");
        if (version < 1) throw new IllegalArgumentException("version starts at 1");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        rubric = rubric == null ? Map.of() : Map.copyOf(rubric);
        stepLabels = stepLabels == null ? List.of() : List.copyOf(stepLabels);
        rationale = rationale == null ? "" : rationale;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (activeMs < 0) throw new IllegalArgumentException("activeMs must be >= 0");
    }

    /** This version with the evidence that was shown when it was submitted. */
    public Judgment withEvidence(List<ShownEvidence> shown) {
        return new Judgment(judgmentId, itemId, batch, annotator, version, preference, flags, rubric, rationale, stepLabels,
                shownLeft, startedAt, submittedAt, activeMs, shown, ranking, expertTest);
    }

    /** This version with a ranking (a ranking item). */
    public Judgment withRanking(Ranking order) {
        return new Judgment(judgmentId, itemId, batch, annotator, version, preference, flags, rubric, rationale, stepLabels,
                shownLeft, startedAt, submittedAt, activeMs, evidence, order, expertTest);
    }

    /** This version with the expert's own test and its outcomes. */
    public Judgment withExpertTest(ExpertTest test) {
        return new Judgment(judgmentId, itemId, batch, annotator, version, preference, flags, rubric, rationale, stepLabels,
                shownLeft, startedAt, submittedAt, activeMs, evidence, ranking, test);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}

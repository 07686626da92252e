package org.arbiter.review;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.model.ExpertTest;
import org.arbiter.model.ShownEvidence;

/**
 * The expert's own test on the item on screen: the text in the scratch editor, and the last run of it with what
 * it did to each response. The text may have moved on since the run; what a judgment keeps is the test that
 * ran with its outcomes, never text whose outcome nobody saw.
 *
 * @param language  the item's language ("python", …), empty when the item names none
 * @param text      the editor's text as last handed to the session (on a run or when the editor closed)
 * @param ranSource the source of the last run, null when none ran
 * @param outcomes  what the last run said about each response so far (one per response once it is done)
 */
public record ExpertScratch(String language, String text, String ranSource, List<ShownEvidence> outcomes) {
    public ExpertScratch {
        language = language == null ? "" : language;
        text = text == null ? "" : text;
        outcomes = List.copyOf(outcomes);
    }

    static ExpertScratch empty(String language) {
        return new ExpertScratch(language, "", null, List.of());
    }

    /** The scratch as a submitted judgment left it: its test, run, with the outcomes it had. */
    static ExpertScratch of(ExpertTest t) {
        return new ExpertScratch(t.language(), t.source(), t.source(), t.outcomes());
    }

    ExpertScratch edited(String newText) {
        return new ExpertScratch(language, newText, ranSource, outcomes);
    }

    /** A new run of the text: the outcomes of the previous one no longer apply. */
    ExpertScratch started(String source) {
        return new ExpertScratch(language, source, source, List.of());
    }

    /** Null when the outcome belongs to a run that is no longer the latest. */
    ExpertScratch withOutcome(String source, ShownEvidence outcome) {
        if (ranSource == null || !ranSource.equals(source)) return null;
        List<ShownEvidence> next = new ArrayList<>(outcomes);
        next.removeIf(e -> e.responseId().equals(outcome.responseId()));
        next.add(outcome);
        return new ExpertScratch(language, text, ranSource, next);
    }

    /** The outcome of the last run on one response, or null while it runs (or when none ran). */
    public ShownEvidence outcomeFor(String responseId) {
        return ShownEvidence.first(outcomes, ShownEvidence.CODE, responseId);
    }

    /** What the judgment keeps: the test that ran and its outcomes; null when none ran. */
    public ExpertTest recorded() {
        return ranSource == null ? null : new ExpertTest(language, ranSource, outcomes);
    }
}

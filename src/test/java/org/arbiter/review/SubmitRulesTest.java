package org.arbiter.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.arbiter.model.Flag;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.junit.jupiter.api.Test;

/** What refuses Enter, asked of the rules alone: labels × batch config × item, no store and no session. */
class SubmitRulesTest {
    private static final BatchConfig RUBRIC_REQUIRED = new BatchConfig(BatchConfig.defaults().rubric(),
            EnumSet.of(BatchConfig.Required.PREFERENCE, BatchConfig.Required.RUBRIC), BatchConfig.defaults().taxonomy());

    private static Item first(boolean pair) throws Exception {
        return ReviewFixture.demoItems().stream().filter(i -> i.isPair() == pair).findFirst().orElseThrow();
    }

    @Test
    void aPairNeedsAPreferenceUnlessFlaggedAndTheRubricWhenTheBatchRequiresIt() throws Exception {
        Item pair = first(true);
        assertThat(SubmitRules.blocker(Labels.EMPTY, BatchConfig.defaults(), pair, false)).hasValueSatisfying(r -> assertThat(r).contains("choose a preference"));
        Labels preferred = Labels.EMPTY.withPreference(Preference.A_BETTER);
        assertThat(SubmitRules.blocker(preferred, BatchConfig.defaults(), pair, false)).isEmpty();
        assertThat(SubmitRules.blocker(Labels.EMPTY.toggle(Flag.BOTH_BAD), BatchConfig.defaults(), pair, false)).isEmpty();
        // The first response asked for is the one on screen left: A, or B when B is shown left.
        String first = RUBRIC_REQUIRED.rubric().get(0).label();
        assertThat(SubmitRules.blocker(preferred, RUBRIC_REQUIRED, pair, false)).contains("score " + first + " for the left response");
        Labels aScored = preferred;
        for (BatchConfig.RubricDimension d : RUBRIC_REQUIRED.rubric()) aScored = aScored.withScore(pair.a().id(), d.name(), d.min());
        assertThat(SubmitRules.blocker(aScored, RUBRIC_REQUIRED, pair, false)).contains("score " + first + " for the right response");
        assertThat(SubmitRules.blocker(aScored, RUBRIC_REQUIRED, pair, true)).contains("score " + first + " for the left response");
        assertThat(SubmitRules.blocker(Labels.EMPTY.toggle(Flag.BAD_PROMPT), RUBRIC_REQUIRED, pair, false))
                .as("a bad prompt needs nothing else").isEmpty();
    }

    @Test
    void aSingleResponseNeedsARatedStepOrAFlagAndANoteNeedsARating() throws Exception {
        Item single = first(false);
        String id = single.a().id();
        assertThat(SubmitRules.blocker(Labels.EMPTY, BatchConfig.defaults(), single, false)).hasValueSatisfying(r -> assertThat(r).contains("rate at least one step"));
        assertThat(SubmitRules.blocker(Labels.EMPTY.withMark(id, 0, new StepMark(Rating.CORRECT, List.of(), "")), BatchConfig.defaults(), single, false)).isEmpty();
        assertThat(SubmitRules.blocker(Labels.EMPTY.toggle(Flag.UNSURE).withMark(id, 2, new StepMark(null, List.of(), "why?")),
                BatchConfig.defaults(), single, false)).contains("step 3 of the single response has a note but no rating");
    }
}

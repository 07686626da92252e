package org.arbiter.review;

import java.util.List;
import java.util.Map;

import org.arbiter.model.Response;
import org.arbiter.model.steps.Step;

/**
 * One response as the view shows it.
 *
 * @param focusedStep index of the outlined step, -1 when the response has no steps
 * @param marks       step index → what the expert put on it
 * @param rubric      dimension → score for this response
 */
public record PaneState(Side side, Response response, List<Step> steps, int focusedStep, Map<Integer, StepMark> marks,
                        Map<String, Integer> rubric) {
    public StepMark mark(int step) {
        return marks.getOrDefault(step, StepMark.EMPTY);
    }
}

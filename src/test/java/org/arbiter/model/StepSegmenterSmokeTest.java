package org.arbiter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepKind;
import org.arbiter.model.steps.StepSegmenter;
import org.junit.jupiter.api.Test;

class StepSegmenterSmokeTest {
    @Test
    void linesListsDisplayMathAndCode() {
        // A display block on its own lines is one step; one opened mid-sentence stays in that sentence.
        assertThat(StepSegmenter.segment("we find \\[\nx=1\n\\] done", Domain.MATH)).hasSize(1);
        String text = "We start.\nThen\n\\begin{align*}\na &= b\\\\\nc &= d\n\\end{align*}\nso done.\n\n"
                + "1. first item\n   continued\n2. second\n\n```python\ndef f(x):\n\n    return x\n```\n";
        List<Step> steps = StepSegmenter.segment(text, Domain.MATH);
        assertThat(steps).extracting(Step::text).containsExactly(
                "We start.", "Then", "\\begin{align*}\na &= b\\\\\nc &= d\n\\end{align*}", "so done.",
                "1. first item\n   continued", "2. second", "def f(x):", "    return x");
        assertThat(steps.get(6).kind()).isEqualTo(StepKind.CODE);
        assertThat(steps.get(7).codeLine()).isEqualTo(3);
        assertThat(StepSegmenter.segment(text, Domain.MATH)).isEqualTo(steps);
    }
}

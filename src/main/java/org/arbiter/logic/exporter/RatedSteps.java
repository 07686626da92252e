package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;

/**
 * The step ratings of one response, put next to the step texts they rate (segmented exactly as the review
 * screen segments them, matched by step index).
 *
 * @param steps the response's steps in order
 * @param rated step index → rating, for the rated steps
 */
record RatedSteps(Response response, List<Step> steps, TreeMap<Integer, StepLabel> rated) {

    /** One entry per response that has step labels in the verdict, in the item's response order. */
    static List<RatedSteps> of(Verdict v) {
        Map<String, TreeMap<Integer, StepLabel>> byResponse = new LinkedHashMap<>();
        for (StepLabel s : v.stepLabels()) {
            byResponse.computeIfAbsent(s.responseId(), r -> new TreeMap<>()).put(s.stepIndex(), s);
        }
        for (String id : byResponse.keySet()) {
            if (v.item().response(id).isEmpty()) {
                throw new UnwritableRow("step labels name response \"" + id + "\", which the item does not have");
            }
        }
        List<RatedSteps> out = new ArrayList<>();
        for (Response r : v.item().responses()) {
            TreeMap<Integer, StepLabel> labels = byResponse.get(r.id());
            if (labels == null) continue;
            List<Step> steps = StepSegmenter.segment(r, v.item().domain());
            int last = labels.lastKey();
            if (last >= steps.size()) {
                throw new UnwritableRow("response \"" + r.id() + "\" has " + steps.size() + " steps, but step index "
                        + last + " is rated");
            }
            out.add(new RatedSteps(r, steps, labels));
        }
        return out;
    }

    /**
     * The leading run of rated steps: from the first step up to (not including) the first unrated one.
     * A rating after a gap has no rated context before it, so it would teach a process reward model a label
     * for a prefix nobody checked.
     */
    List<Step> leadingRun() {
        List<Step> run = new ArrayList<>();
        for (Step s : steps) {
            if (!rated.containsKey(s.index())) break;
            run.add(s);
        }
        return run;
    }

    int rating(Step s) {
        return rated.get(s.index()).rating();
    }

    boolean allRated() {
        return leadingRun().size() == steps.size();
    }
}

package org.arbiter.logic.importer;

import java.util.List;
import java.util.Map;

import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Response;

/**
 * Places a source's two responses as A and B by {@link RecordIds#preferredIsA}, and states the source's
 * verdict in A/B terms as a prior label.
 *
 * @param responses A then B, with ids "a" and "b"
 */
public record PreferencePair(List<Response> responses, PriorLabel prior) {

    /**
     * @param verdict -1 when {@code first} is preferred, +1 when {@code second} is, 0 for a tie, null when
     *                the source gives none (then no prior label)
     */
    public static PreferencePair place(String itemId, String firstModel, String firstContent,
                                       String secondModel, String secondContent,
                                       Integer verdict, String source, Map<String, Object> extra) {
        boolean firstIsA = RecordIds.preferredIsA(itemId);
        Response first = new Response(firstIsA ? "a" : "b", firstModel, firstContent);
        Response second = new Response(firstIsA ? "b" : "a", secondModel, secondContent);
        List<Response> rs = firstIsA ? List.of(first, second) : List.of(second, first);
        PriorLabel prior = null;
        if (verdict != null) {
            Preference p = verdict == 0 ? Preference.TIE : verdict < 0 ? Preference.A_BETTER : Preference.B_BETTER;
            if (!firstIsA) p = p.mirrored();
            prior = new PriorLabel(source, p, List.of(), extra);
        }
        return new PreferencePair(rs, prior);
    }

    /** Chosen/rejected data: the chosen response is the preferred one. */
    public static PreferencePair chosenRejected(String itemId, String chosenModel, String chosen,
                                                String rejectedModel, String rejected,
                                                String source, Map<String, Object> extra) {
        return place(itemId, chosenModel, chosen, rejectedModel, rejected, -1, source, extra);
    }

    public List<PriorLabel> priors() {
        return prior == null ? List.of() : List.of(prior);
    }
}

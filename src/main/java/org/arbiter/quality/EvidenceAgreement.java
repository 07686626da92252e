package org.arbiter.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.ShownEvidence;
import org.arbiter.model.StepLabel;

/**
 * How the current judgments stand against the evidence that was shown with them: an accuracy signal that needs
 * no gold. Only the evidence recorded with each judgment counts (what the expert saw), never a later re-run.
 *
 * @param annotators       per annotator, in name order (every annotator of the input, counts may be zero)
 * @param confirmedAgainst judgments whose expert confirmed against some evidence, in input order
 * @param mismatchJudged   single-path judgments whose response was shown a math {@code mismatch}
 * @param mismatchWithoutError of those, the ones submitted without any −1 step on that response
 */
public record EvidenceAgreement(List<Annotator> annotators, List<Confirmation> confirmedAgainst, int mismatchJudged,
                                int mismatchWithoutError) {

    /**
     * @param decisive             pair judgments with a preference where the shown evidence was decisive
     * @param agreeing             of those, the ones preferring the side the evidence favours (a tie does not)
     * @param mismatchJudged       as in the report, this annotator's
     * @param mismatchWithoutError as in the report, this annotator's
     */
    public record Annotator(String name, int decisive, int agreeing, int mismatchJudged, int mismatchWithoutError) {
        /** Share of decisive judgments that agree with the evidence; NaN when there were none. */
        public double agreement() {
            return decisive == 0 ? Double.NaN : (double) agreeing / decisive;
        }

        /** Share of mismatching answers submitted without a −1 step; NaN when there were none. */
        public double mismatchWithoutErrorRate() {
            return mismatchJudged == 0 ? Double.NaN : (double) mismatchWithoutError / mismatchJudged;
        }
    }

    public record Confirmation(UUID judgmentId, String batch, String itemId, String annotator, String responseId,
                               String kind, String verdict, String reason) {
    }

    public double mismatchWithoutErrorRate() {
        return mismatchJudged == 0 ? Double.NaN : (double) mismatchWithoutError / mismatchJudged;
    }

    public static EvidenceAgreement of(QualityInput in) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String a : in.annotators()) counts.put(a, new int[4]);
        List<Confirmation> confirmed = new ArrayList<>();
        for (Judgment j : in.judgments()) {
            int[] c = counts.get(j.annotator());
            for (ShownEvidence e : j.evidence()) {
                if (e.confirmedAgainst()) {
                    confirmed.add(new Confirmation(j.judgmentId(), j.batch(), j.itemId(), j.annotator(), e.responseId(),
                            e.kind(), e.verdict(), e.reason()));
                }
            }
            Item item = in.item(j);
            if (item == null || j.evidence().isEmpty()) continue;
            if (item.isPair()) {
                if (j.preference() == null) continue;
                String a = item.a().id();
                String b = item.b().orElseThrow().id();
                String winner = ShownEvidence.decisiveFor(j.evidence(), a, b);
                if (winner == null) continue;
                c[0]++;
                if (j.preference().direction() == (winner.equals(a) ? -1 : 1)) c[1]++;
            } else {
                String r = item.a().id();
                ShownEvidence math = ShownEvidence.first(j.evidence(), ShownEvidence.MATH, r);
                if (math == null || !"mismatch".equals(math.verdict())) continue;
                c[2]++;
                if (!hasErrorStep(j, r)) c[3]++;
            }
        }
        List<Annotator> annotators = new ArrayList<>();
        int judged = 0;
        int without = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            annotators.add(new Annotator(e.getKey(), c[0], c[1], c[2], c[3]));
            judged += c[2];
            without += c[3];
        }
        return new EvidenceAgreement(List.copyOf(annotators), List.copyOf(confirmed), judged, without);
    }

    private static boolean hasErrorStep(Judgment j, String responseId) {
        for (StepLabel s : j.stepLabels()) if (s.responseId().equals(responseId) && s.rating() == -1) return true;
        return false;
    }
}

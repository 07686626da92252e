package org.arbiter.quality.report;

import org.arbiter.quality.EvidenceAgreement;

/** The report's section on agreement with the evidence shown at submission; absent when none was recorded. */
final class EvidenceSectionHtml {
    private static final int MAX_ROWS = 200;

    private EvidenceSectionHtml() {
    }

    static boolean hasContent(EvidenceAgreement e) {
        return !e.confirmedAgainst().isEmpty() || e.mismatchJudged() > 0
                || e.annotators().stream().anyMatch(a -> a.decisive() > 0);
    }

    static void append(StringBuilder h, EvidenceAgreement e) {
        if (!hasContent(e)) return;
        h.append("<h2>Agreement with decisive evidence</h2>\n");
        h.append("<table><tr><th>Annotator</th><th>Decisive judgments</th><th>Prefer the passing / matching side</th>"
                + "<th>Wrong final answer, no −1 step</th></tr>");
        for (EvidenceAgreement.Annotator a : e.annotators()) {
            h.append("<tr><td>").append(Html.escape(a.name())).append("</td><td>").append(a.decisive()).append("</td><td>")
                    .append(Html.pct(a.agreement())).append(" (").append(a.agreeing()).append(")</td><td>")
                    .append(a.mismatchWithoutError()).append(" of ").append(a.mismatchJudged()).append("</td></tr>");
        }
        h.append("</table>\n<p class=\"muted\">Decisive: exactly one side passed its tests (both ran), or exactly one side's final "
                + "answer matches the reference (the other's is wrong or missing). Evidence as shown when the judgment was "
                + "submitted. A tie counts as not preferring the evidence's side.</p>\n");
        if (!e.confirmedAgainst().isEmpty()) {
            h.append("<p>").append(e.confirmedAgainst().size()).append(" confirmed against the evidence:</p>\n");
            h.append("<table class=\"text\"><tr><th>Judgment</th><th>Item</th><th>Annotator</th><th>Evidence</th><th>Reason</th></tr>");
            int n = 0;
            for (EvidenceAgreement.Confirmation c : e.confirmedAgainst()) {
                if (n++ == MAX_ROWS) {
                    h.append("<tr><td colspan=\"5\">… and ").append(e.confirmedAgainst().size() - MAX_ROWS)
                            .append(" more (see --json)</td></tr>");
                    break;
                }
                h.append("<tr><td>").append(Html.escape(c.judgmentId().toString())).append("</td><td>")
                        .append(Html.escape(c.batch() + "/" + c.itemId())).append("</td><td>").append(Html.escape(c.annotator()))
                        .append("</td><td>").append(Html.escape(c.responseId() + ": " + c.kind() + " " + c.verdict()))
                        .append("</td><td>").append(Html.escape(c.reason())).append("</td></tr>");
            }
            h.append("</table>\n");
        }
    }
}

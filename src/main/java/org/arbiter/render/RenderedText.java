package org.arbiter.render;

import java.util.List;

/**
 * One text drawn for the response pane, with what happened on the way.
 *
 * @param html          body HTML with step wrappers; the raw view when {@code fellBackToRaw}
 * @param rawHtml       the exact characters, escaped, with the same step wrappers
 * @param formulas      one outcome per formula found, in source order
 * @param codeBlocks    one outcome per code block
 * @param fellBackToRaw true when the text was too large or too slow to draw and html is the raw view
 * @param notice        why something is shown as source (null when everything was drawn)
 */
public record RenderedText(String html, String rawHtml, List<FormulaOutcome> formulas, List<CodeOutcome> codeBlocks,
                           boolean fellBackToRaw, String notice) {
    public RenderedText {
        formulas = List.copyOf(formulas);
        codeBlocks = List.copyOf(codeBlocks);
    }

    /** @param tex the formula as the model wrote it, without delimiters */
    public record FormulaOutcome(String tex, boolean display, boolean ok, String error, long micros, boolean skipped) {
    }

    public record CodeOutcome(String language, String label, int lines, boolean ok) {
    }

    public long formulaFailures() {
        return formulas.stream().filter(f -> !f.ok()).count();
    }
}

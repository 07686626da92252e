package org.arbiter.render.code;

import java.util.List;

/**
 * @param language canonical id of the language used ("python", "cpp", …, or "text" when unsupported)
 * @param label    what the view shows above the block, e.g. "Python", "Lean", "text (fortran)"
 * @param lines    one HTML string per source line (escaped, with token spans), same count as the source
 *                 has lines; no line numbers, the view adds those
 * @param guessed  true when the language was guessed rather than given
 * @param ok       false when highlighting failed and the lines are plain escaped text
 */
public record HighlightedCode(String language, String label, List<String> lines, boolean guessed, boolean ok) {
    public HighlightedCode {
        lines = List.copyOf(lines);
    }
}

package org.arbiter.render;

/**
 * One formula found in Markdown source.
 *
 * @param start   offset of the opening delimiter in the scanned text
 * @param end     offset after the closing delimiter
 * @param tex     the formula as written between the delimiters; for a bare environment the whole
 *                {@code \begin{…}…\end{…}}
 * @param display true for display math ($$, \[, bare environments)
 * @param delimiter the opening delimiter as written: "$", "$$", "\\(", "\\[" or "env"
 */
public record MathSpan(int start, int end, String tex, boolean display, String delimiter) {
    /** The exact characters of the formula including its delimiters. */
    public String source(String text) {
        return text.substring(start, end);
    }
}

package org.arbiter.render.code;

/**
 * One classified range [start, end) of code as {@link TokenHighlighter#ranges} gives it, for a view that styles
 * text itself (the scratch editor's StyleSpans) instead of showing the HTML lines.
 *
 * @param styleClass the same class names the page stylesheet colours ({@code t-kw}, {@code t-str}, …)
 */
public record TokenRange(int start, int end, String styleClass) {
}

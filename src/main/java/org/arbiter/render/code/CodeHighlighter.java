package org.arbiter.render.code;

/**
 * Turns source code into HTML lines with token classes. Headless and thread-safe: render-check, the
 * prefetcher and the view all use the same instance.
 *
 * <p>Token classes (the page stylesheet colours them): {@code t-kw} keyword, {@code t-type} type,
 * {@code t-str} string/char, {@code t-num} number, {@code t-com} comment, {@code t-lit} literal
 * (true/null/None), {@code t-fn} function name, {@code t-pre} preprocessor/annotation/attribute,
 * {@code t-op} operator, {@code t-err} a token the lexer could not read.
 */
public interface CodeHighlighter {
    /**
     * @param code     the code exactly as written (no trailing fence)
     * @param language a fence info string or reference language ("py", "python", "C++", "rs", …), or null
     *                 to guess from the code
     */
    HighlightedCode highlight(String code, String language);
}

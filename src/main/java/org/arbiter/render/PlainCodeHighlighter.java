package org.arbiter.render;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.render.code.CodeHighlighter;
import org.arbiter.render.code.HighlightedCode;

/** Escaped text without colours: the stand-in until a real highlighter is injected. */
public final class PlainCodeHighlighter implements CodeHighlighter {
    @Override
    public HighlightedCode highlight(String code, String language) {
        List<String> lines = new ArrayList<>();
        for (String line : Html.lines(code)) lines.add(Html.escape(line));
        boolean given = language != null && !language.isBlank();
        return new HighlightedCode("text", given ? language.strip() : "text", lines, !given, true);
    }
}

package org.arbiter.render.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CodeHighlighter} of the app: resolves the language (info string, else guess), lexes the whole
 * block with the table-driven {@link Lexer} and cuts the tokens into one HTML string per line. Stateless,
 * so it is thread-safe without locks.
 */
public final class TokenHighlighter implements CodeHighlighter {

    @Override
    public HighlightedCode highlight(String code, String language) {
        String source = code == null ? "" : code;
        String id;
        String label;
        boolean guessed;
        try {
            String resolved = LanguageAliases.resolve(language);
            if (resolved.isEmpty()) {
                id = LanguageGuesser.guess(source);
                label = LanguageAliases.labelOfId(id);
                guessed = true;
            } else {
                id = resolved;
                label = LanguageAliases.label(language);
                guessed = false;
            }
        } catch (RuntimeException e) {
            return plain(source, "text", "text", language == null, false);
        }
        Optional<LanguageSpec> spec = Languages.find(id);
        if (spec.isEmpty()) return plain(source, id, label, guessed, true);
        try {
            String s = SourceLines.normalize(source);
            List<Token> tokens = new Lexer(spec.get(), s).run();
            return new HighlightedCode(id, label, toLines(s, tokens), guessed, true);
        } catch (RuntimeException | StackOverflowError e) {
            return plain(source, id, label, guessed, false);
        }
    }

    /**
     * The tokens of {@code code} as ranges with their style class, in order and not overlapping; offsets are into
     * the code with its line endings turned into \n (a text editor's own text already is). Empty for a language
     * without a lexer, or code the lexer cannot read: the editor then shows plain text.
     */
    public List<TokenRange> ranges(String code, String language) {
        String s = SourceLines.normalize(code == null ? "" : code);
        try {
            String resolved = LanguageAliases.resolve(language);
            Optional<LanguageSpec> spec = Languages.find(resolved.isEmpty() ? LanguageGuesser.guess(s) : resolved);
            if (spec.isEmpty()) return List.of();
            List<TokenRange> out = new ArrayList<>();
            for (Token t : new Lexer(spec.get(), s).run()) out.add(new TokenRange(t.start(), t.end(), t.kind().css));
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static HighlightedCode plain(String source, String id, String label, boolean guessed, boolean ok) {
        List<String> lines = new ArrayList<>();
        for (String line : SourceLines.split(source)) lines.add(SourceLines.escape(line));
        return new HighlightedCode(id, label, lines, guessed, ok);
    }

    /** Tokens may cross line ends (block comments, raw strings): each line closes and reopens the span. */
    static List<String> toLines(String s, List<Token> tokens) {
        LineCutter cut = new LineCutter(s);
        int pos = 0;
        for (Token t : tokens) {
            cut.append(pos, t.start(), null);
            cut.append(t.start(), t.end(), t.kind());
            pos = t.end();
        }
        cut.append(pos, s.length(), null);
        if (!s.isEmpty() && !s.endsWith("\n")) cut.lines.add(cut.line.toString());
        return cut.lines;
    }

    private static final class LineCutter {
        final String s;
        final List<String> lines = new ArrayList<>();
        final StringBuilder line = new StringBuilder(128);
        int nextNewline;

        LineCutter(String s) {
            this.s = s;
            this.nextNewline = newlineFrom(0);
        }

        int newlineFrom(int k) {
            int nl = s.indexOf('\n', k);
            return nl < 0 ? s.length() : nl;
        }

        void append(int from, int to, TokenClass kind) {
            int k = from;
            while (k < to) {
                boolean lineEnds = nextNewline < to;
                int end = lineEnds ? nextNewline : to;
                if (end > k) {
                    if (kind != null) line.append("<span class=\"").append(kind.css).append("\">");
                    SourceLines.escape(s, k, end, line);
                    if (kind != null) line.append("</span>");
                }
                if (lineEnds) {
                    lines.add(line.toString());
                    line.setLength(0);
                    k = end + 1;
                    nextNewline = newlineFrom(k);
                } else {
                    k = end;
                }
            }
        }
    }
}

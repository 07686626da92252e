package org.arbiter.render.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One pass over the whole source (not line by line), so block comments, triple-quoted and raw strings
 * that span lines need no carried state. Not thread-safe: one instance per call.
 */
final class Lexer {
    private static final String OPERATORS = "+-*/%=<>!&|^~?:";
    private static final Set<String> TYPE_DEFINERS =
            Set.of("class", "struct", "enum", "trait", "type", "interface", "structure", "inductive");

    private final LanguageSpec spec;
    private final String s;
    private final int n;
    private final String operators;
    private final List<Token> out = new ArrayList<>();
    private int i;
    private int lineBegin;
    private boolean onlySpaceSoFar = true;
    private boolean regexAllowed = true;
    private String definer;

    Lexer(LanguageSpec spec, String normalizedSource) {
        this.spec = spec;
        this.s = normalizedSource;
        this.n = s.length();
        this.operators = switch (spec.id()) {
            case "haskell" -> OPERATORS + "\\$@.";
            case "lean" -> OPERATORS + "\\$@";
            default -> OPERATORS;
        };
    }

    List<Token> run() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                i++;
                lineBegin = i;
                onlySpaceSoFar = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
                continue;
            }
            boolean atLineStart = onlySpaceSoFar;
            onlySpaceSoFar = false;
            int before = out.size();
            step(c, atLineStart);
            if (out.size() > before) {
                Token t = out.get(out.size() - 1);
                if (t.kind() != TokenClass.KEYWORD && t.kind() != TokenClass.COMMENT) definer = null;
            } else {
                definer = null;
            }
        }
        return out;
    }

    private void step(char c, boolean atLineStart) {
        int start = i;
        if (spec.blockOpen() != null && s.startsWith(spec.blockOpen(), i)) {
            if (spec.id().equals("haskell") && s.startsWith("{-#", i)) {
                int end = s.indexOf("#-}", i + 3);
                i = end < 0 ? n : end + 3;
                emit(start, TokenClass.PREPROCESSOR);
                return;
            }
            blockComment();
            emit(start, TokenClass.COMMENT);
            return;
        }
        for (String lc : spec.lineComments()) {
            if (s.startsWith(lc, i) && isLineComment(lc)) {
                toLineEnd(false);
                emit(start, TokenClass.COMMENT);
                return;
            }
        }
        if (spec.hashPreprocessor() && atLineStart && c == '#') {
            toLineEnd(true);
            emit(start, TokenClass.PREPROCESSOR);
            return;
        }
        if (spec.bracketAttributes() && (s.startsWith("#[", i) || s.startsWith("#![", i) || s.startsWith("@[", i))) {
            bracketed();
            emit(start, TokenClass.PREPROCESSOR);
            return;
        }
        if (spec.atAnnotations() && c == '@' && i + 1 < n && isIdentStart(s.charAt(i + 1))) {
            i++;
            do {
                i++;
                while (i < n && isIdentPart(s.charAt(i))) i++;
            } while (i + 1 < n && s.charAt(i) == '.' && isIdentStart(s.charAt(i + 1)));
            emit(start, TokenClass.PREPROCESSOR);
            regexAllowed = true;
            return;
        }
        if (spec.shellVariables() && c == '$' && i + 1 < n) {
            if (shellExpansion()) return;
        }
        if (spec.tripleQuotes() && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
            tripleString(i);
            return;
        }
        if (c == '"') {
            quoted('"', i + 1, true, spec.multilineStrings());
            emitString(start);
            return;
        }
        if (c == '\'') {
            singleQuote(start);
            return;
        }
        if (c == '`' && spec.backtick() != LanguageSpec.Backtick.NONE) {
            boolean escapes = spec.backtick() == LanguageSpec.Backtick.TEMPLATE;
            quoted('`', i + 1, escapes, true);
            emitString(start);
            return;
        }
        if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)) && !afterIdentChar())) {
            number();
            emit(start, TokenClass.NUMBER);
            regexAllowed = false;
            return;
        }
        if (isIdentStart(c) || (c == '#' && spec.extraIdentChars().indexOf('#') >= 0 && i + 1 < n
                && isIdentStart(s.charAt(i + 1)))) {
            word(start, atLineStart);
            return;
        }
        if (c == '/' && spec.regexLiterals() && regexAllowed && regex()) {
            emit(start, TokenClass.STRING);
            regexAllowed = false;
            return;
        }
        if (isOperator(c)) {
            while (i < n && isOperator(s.charAt(i)) && !startsComment()) i++;
            emit(start, TokenClass.OPERATOR);
            regexAllowed = true;
            return;
        }
        i++;
        if (c < 0x20) {
            emit(start, TokenClass.ERROR);
            return;
        }
        regexAllowed = !(c == ')' || c == ']' || c == '}');
    }

    // ---- comments and preprocessor ----

    private boolean isLineComment(String lc) {
        if (spec.id().equals("haskell") && lc.equals("--")) {
            int j = i;
            while (j < n && s.charAt(j) == '-') j++;
            return j >= n || !isOperator(s.charAt(j));
        }
        if (spec.shellVariables() && lc.equals("#")) {
            if (i == 0) return true;
            char p = s.charAt(i - 1);
            return Character.isWhitespace(p) || p == ';' || p == '(' || p == '|' || p == '&';
        }
        return true;
    }

    private boolean startsComment() {
        if (spec.blockOpen() != null && s.startsWith(spec.blockOpen(), i)) return true;
        for (String lc : spec.lineComments()) {
            if (s.startsWith(lc, i) && isLineComment(lc)) return true;
        }
        return false;
    }

    private void blockComment() {
        String open = spec.blockOpen();
        String close = spec.blockClose();
        int depth = 1;
        int j = i + open.length();
        while (j < n) {
            if (s.startsWith(close, j)) {
                j += close.length();
                if (--depth == 0) break;
            } else if (spec.nestedBlocks() && s.startsWith(open, j)) {
                depth++;
                j += open.length();
            } else {
                j++;
            }
        }
        i = Math.min(j, n);
    }

    private void toLineEnd(boolean continuations) {
        while (i < n && s.charAt(i) != '\n') {
            if (continuations && s.charAt(i) == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
            i++;
        }
    }

    /** Up to the matching ']', or the end of the line when it never closes (so a stray "#[" costs O(line)). */
    private void bracketed() {
        int start = i;
        int depth = 0;
        while (i < n) {
            char c = s.charAt(i++);
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return;
        }
        i = start;
        toLineEnd(false);
    }

    private boolean shellExpansion() {
        int start = i;
        char next = s.charAt(i + 1);
        if (next == '{') {
            int end = i + 2;
            while (end < n && end < i + 200 && s.charAt(end) != '}' && s.charAt(end) != '\n') end++;
            if (end >= n || s.charAt(end) != '}') return false;
            i = end + 1;
        } else if (next == '(') {
            i += 2;
            emit(start, TokenClass.OPERATOR);
            return true;
        } else if (isIdentStart(next)) {
            i += 2;
            while (i < n && isIdentPart(s.charAt(i))) i++;
        } else if (isDigit(next) || "@#?$!*-".indexOf(next) >= 0) {
            i += 2;
        } else {
            return false;
        }
        emit(start, TokenClass.PREPROCESSOR);
        return true;
    }

    // ---- strings ----

    /** Scans from {@code from} to just after the closing quote; stops before a newline when single-line. */
    private void quoted(char quote, int from, boolean escapes, boolean multiline) {
        int j = from;
        while (j < n) {
            char c = s.charAt(j);
            if (escapes && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (spec.caseInsensitive() && j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            if (c == '\n' && !multiline) break;
            j++;
        }
        i = Math.min(j, n);
    }

    private void tripleString(int start) {
        String delim = s.substring(i, i + 3);
        int j = i + 3;
        while (j < n && !s.startsWith(delim, j)) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = Math.min(j + 3, n);
        emitString(start);
    }

    private void singleQuote(int start) {
        LanguageSpec.Quote mode = spec.singleQuote();
        if (mode == LanguageSpec.Quote.STRING) {
            quoted('\'', i + 1, !spec.shellVariables(), spec.multilineStrings());
            emitString(start);
            return;
        }
        if (mode == LanguageSpec.Quote.CHAR) {
            quoted('\'', i + 1, true, false);
            emitString(start);
            return;
        }
        // Rust, Haskell, Lean: a quote is a char literal only when it closes right away; otherwise a
        // lifetime ('a, 'static) in Rust, or a promotion/quote mark elsewhere.
        int len = charLiteralLength();
        if (len > 0) {
            i += len;
            emitString(start);
            return;
        }
        if (mode == LanguageSpec.Quote.RUST && i + 1 < n && isIdentStart(s.charAt(i + 1))) {
            i += 2;
            while (i < n && isIdentPart(s.charAt(i))) i++;
            emit(start, TokenClass.TYPE);
            regexAllowed = false;
            return;
        }
        i++;
    }

    private int charLiteralLength() {
        if (i + 2 >= n) return 0;
        char c1 = s.charAt(i + 1);
        if (c1 == '\n' || c1 == '\'') return 0;
        if (c1 == '\\') {
            int j = i + 2;
            while (j < n && j < i + 14 && s.charAt(j) != '\'' && s.charAt(j) != '\n') j++;
            return j < n && s.charAt(j) == '\'' ? j + 1 - i : 0;
        }
        if (Character.isHighSurrogate(c1) && i + 3 < n && s.charAt(i + 3) == '\'') return 4;
        return s.charAt(i + 2) == '\'' ? 3 : 0;
    }

    private void emitString(int start) {
        emit(start, TokenClass.STRING);
        regexAllowed = false;
    }

    private boolean prefixedString(int start, String word) {
        if (i >= n) return false;
        char q = s.charAt(i);
        if (spec.cppRawStrings() && word.endsWith("R") && q == '"') {
            int open = s.indexOf('(', i + 1);
            if (open < 0 || open - i > 17) return false;
            String close = ")" + s.substring(i + 1, open) + "\"";
            int end = s.indexOf(close, open + 1);
            i = end < 0 ? n : end + close.length();
            emitString(start);
            return true;
        }
        if (spec.rustRawStrings() && word.endsWith("r") && (q == '"' || q == '#')) {
            int j = i;
            while (j < n && s.charAt(j) == '#') j++;
            if (j >= n || s.charAt(j) != '"') return false;
            String close = "\"" + "#".repeat(j - i);
            int end = s.indexOf(close, j + 1);
            i = end < 0 ? n : end + close.length();
            emitString(start);
            return true;
        }
        if (q == '"' || (q == '\'' && spec.singleQuote() != LanguageSpec.Quote.PRIME)) {
            if (spec.tripleQuotes() && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
                tripleString(start);
                return true;
            }
            if (q == '\'' && spec.singleQuote() == LanguageSpec.Quote.RUST) {
                int len = charLiteralLength();
                if (len == 0) return false;
                i += len;
            } else {
                quoted(q, i + 1, !word.toLowerCase().contains("r"), spec.multilineStrings());
            }
            emitString(start);
            return true;
        }
        return false;
    }

    private boolean regex() {
        int j = i + 1;
        if (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '=')) return false;
        boolean inClass = false;
        int limit = Math.min(n, i + 400);
        while (j < limit && s.charAt(j) != '\n') {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) {
                j++;
                while (j < n && Character.isLetter(s.charAt(j))) j++;
                i = j;
                return true;
            }
            j++;
        }
        return false;
    }

    // ---- numbers and words ----

    private void number() {
        int j = i;
        char c = s.charAt(j);
        if (c == '0' && j + 1 < n && "xXbBoO".indexOf(s.charAt(j + 1)) >= 0) {
            j += 2;
            while (j < n && (Character.digit(s.charAt(j), 16) >= 0 || s.charAt(j) == '_' || sepQuote(j))) j++;
        } else {
            j = digits(j);
            if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) j = digits(j + 1);
            if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                if (k < n && isDigit(s.charAt(k))) j = digits(k);
            }
        }
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        i = j;
    }

    private int digits(int j) {
        while (j < n && (isDigit(s.charAt(j)) || s.charAt(j) == '_' || sepQuote(j))) j++;
        return j;
    }

    private boolean sepQuote(int j) {
        return spec.digitSeparatorQuote() && s.charAt(j) == '\'' && j + 1 < n
                && Character.digit(s.charAt(j + 1), 16) >= 0;
    }

    private void word(int start, boolean atLineStart) {
        i++;
        while (i < n && isIdentPart(s.charAt(i))) i++;
        String w = s.substring(start, i);
        if (spec.stringPrefixes().contains(w) && prefixedString(start, w)) return;
        String key = spec.caseInsensitive() ? w.toLowerCase(java.util.Locale.ROOT) : w;
        String pendingDefiner = definer;
        regexAllowed = false;
        if (spec.id().equals("rust") && i + 1 < n && s.charAt(i) == '!' && "([{".indexOf(s.charAt(i + 1)) >= 0) {
            i++;
            emit(start, TokenClass.PREPROCESSOR);
            return;
        }
        if (spec.isKeyword(w)) {
            emit(start, TokenClass.KEYWORD);
            definer = spec.definers().contains(key) ? key : null;
            regexAllowed = true;
            return;
        }
        if (pendingDefiner != null) {
            emit(start, TYPE_DEFINERS.contains(pendingDefiner) ? TokenClass.TYPE : TokenClass.FUNCTION);
            return;
        }
        if (spec.literals().contains(key)) {
            emit(start, TokenClass.LITERAL);
        } else if (spec.types().contains(key)) {
            emit(start, TokenClass.TYPE);
        } else if (spec.builtins().contains(key)) {
            emit(start, TokenClass.FUNCTION);
        } else if (spec.callNames() && i < n && s.charAt(i) == '(') {
            emit(start, TokenClass.FUNCTION);
        } else if (spec.id().equals("haskell") && atLineStart && start == lineBegin
                && Character.isLowerCase(w.charAt(0))) {
            emit(start, TokenClass.FUNCTION);
        } else if (spec.capitalizedTypes() && Character.isUpperCase(w.charAt(0)) && !allCaps(w)) {
            emit(start, TokenClass.TYPE);
        }
    }

    private static boolean allCaps(String w) {
        if (w.length() < 2) return false;
        for (int k = 0; k < w.length(); k++) {
            if (Character.isLowerCase(w.charAt(k))) return false;
        }
        return true;
    }

    // ---- character classes ----

    private boolean afterIdentChar() {
        return i > 0 && (isIdentPart(s.charAt(i - 1)) || s.charAt(i - 1) == '.');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || (c == '$' && spec.extraIdentChars().indexOf('$') >= 0);
    }

    private boolean isIdentPart(char c) {
        if (Character.isLetterOrDigit(c) || c == '_') return true;
        if (c != '#' && spec.extraIdentChars().indexOf(c) >= 0) return true;
        return spec.id().equals("lean") && Character.getType(c) == Character.OTHER_NUMBER;
    }

    private boolean isOperator(char c) {
        if (operators.indexOf(c) >= 0) return true;
        return c > 127 && (Character.getType(c) == Character.MATH_SYMBOL);
    }

    private void emit(int start, TokenClass kind) {
        if (i > start) out.add(new Token(start, i, kind));
    }
}

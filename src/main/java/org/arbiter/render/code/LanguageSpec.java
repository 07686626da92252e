package org.arbiter.render.code;

import java.util.List;
import java.util.Set;

/**
 * What the lexer needs to know about one language. One table per language instead of one lexer per
 * language: the twelve languages differ mostly in word lists and in a handful of literal forms.
 */
record LanguageSpec(
        String id,
        String label,
        Set<String> keywords,
        Set<String> types,
        Set<String> literals,
        Set<String> builtins,
        /* keywords after which the next identifier is the name being defined (def, fn, theorem, …) */
        Set<String> definers,
        List<String> lineComments,
        String blockOpen,
        String blockClose,
        boolean nestedBlocks,
        Quote singleQuote,
        boolean tripleQuotes,
        Backtick backtick,
        /* identifiers that, directly followed by a quote, start a string (r"..", b'..', f"..", u8"..") */
        Set<String> stringPrefixes,
        boolean rustRawStrings,
        boolean cppRawStrings,
        boolean multilineStrings,
        boolean hashPreprocessor,
        boolean atAnnotations,
        boolean bracketAttributes,
        boolean capitalizedTypes,
        boolean caseInsensitive,
        boolean regexLiterals,
        boolean callNames,
        String extraIdentChars,
        boolean digitSeparatorQuote,
        boolean shellVariables) {

    enum Quote { STRING, CHAR, RUST, PRIME }

    enum Backtick { NONE, TEMPLATE, RAW }

    boolean isKeyword(String word) {
        return keywords.contains(caseInsensitive ? word.toLowerCase(java.util.Locale.ROOT) : word);
    }
}

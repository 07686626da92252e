package org.arbiter.render.code;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Fence info strings and reference languages ("py", "C++", "{.rust}", "python title=x") to canonical ids. */
public final class LanguageAliases {
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("python", "python", "py", "python3", "py3", "python2", "ipython", "pycon", "sage");
        alias("c", "c", "h", "ansi-c", "c99", "c11");
        alias("cpp", "cpp", "c++", "cc", "cxx", "hpp", "hxx", "hh", "h++", "cplusplus", "cpp17", "cpp20");
        alias("java", "java");
        alias("javascript", "javascript", "js", "node", "nodejs", "jsx", "mjs", "cjs", "ecmascript");
        alias("typescript", "typescript", "ts", "tsx", "mts", "cts");
        alias("rust", "rust", "rs");
        alias("go", "go", "golang");
        alias("sql", "sql", "postgres", "postgresql", "psql", "mysql", "sqlite", "plsql", "tsql", "pgsql");
        alias("bash", "bash", "sh", "shell", "zsh", "ksh", "console", "shell-session", "shellsession",
                "terminal");
        alias("haskell", "haskell", "hs", "lhs", "ghc");
        alias("lean", "lean", "lean4", "lean3");
    }

    private LanguageAliases() {
    }

    private static void alias(String id, String... names) {
        for (String name : names) ALIASES.put(name, id);
    }

    /** The first word of an info string, without braces, a leading dot or "language-"; lower case. */
    public static String firstWord(String info) {
        if (info == null) return "";
        String t = info.strip();
        if (t.startsWith("{")) t = t.substring(1);
        t = t.strip();
        int end = 0;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && "{},".indexOf(t.charAt(end)) < 0) {
            end++;
        }
        String w = t.substring(0, end);
        if (w.startsWith(".")) w = w.substring(1);
        if (w.startsWith("language-")) w = w.substring("language-".length());
        return w.toLowerCase(Locale.ROOT);
    }

    /**
     * @return the canonical id ("python", "cpp", …), "text" for a named but unsupported language, or "" when
     * the info string names no language (then the caller guesses)
     */
    public static String resolve(String info) {
        String w = firstWord(info);
        if (w.isEmpty()) return "";
        String id = ALIASES.get(w);
        if (id != null) return id;
        if (w.equals("text") || w.equals("plain") || w.equals("plaintext") || w.equals("txt")) return "text";
        return "text";
    }

    /**
     * The language argument for {@link CodeHighlighter#highlight}: the fence info string when it names a
     * language, else the item's reference language, else null (guess).
     */
    public static String pick(String fenceInfo, String referenceLanguage) {
        if (!resolve(fenceInfo).isEmpty()) return fenceInfo;
        if (!resolve(referenceLanguage).isEmpty()) return referenceLanguage;
        return null;
    }

    /** The label the view shows: "Python", "C++", "text (fortran)". */
    public static String label(String info) {
        String id = resolve(info);
        if (id.isEmpty()) return "text";
        if (!id.equals("text")) return Languages.find(id).map(LanguageSpec::label).orElse(id);
        String w = firstWord(info);
        return switch (w) {
            case "text", "plain", "plaintext", "txt" -> "text";
            default -> "text (" + w + ")";
        };
    }

    /** The label of a canonical id. */
    static String labelOfId(String id) {
        return Languages.find(id).map(LanguageSpec::label).orElse("text");
    }
}

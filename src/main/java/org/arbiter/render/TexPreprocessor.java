package org.arbiter.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites what models write into what KaTeX accepts, only where KaTeX lacks a feature that chat UIs paper
 * over. The original source is kept elsewhere: errors and render-check report what the model wrote.
 */
public final class TexPreprocessor {
    private static final Pattern LABEL = Pattern.compile("\\\\label\\s*\\{[^{}]*}");
    private static final Pattern EQREF = Pattern.compile("\\\\eqref\\s*\\{([^{}]*)}");
    private static final Pattern REF = Pattern.compile("\\\\ref\\s*\\{([^{}]*)}");
    private static final Pattern MBOX = Pattern.compile("\\\\mbox\\s*\\{");
    private static final Pattern EQNARRAY = Pattern.compile("\\\\(begin|end)\\{eqnarray\\*?}");
    private static final Pattern DISPLAY_ONLY = Pattern.compile("\\\\(begin|end)\\{(align|gather|alignat)\\*?}");
    private static final Pattern EQUATION = Pattern.compile("\\\\(begin|end)\\{(equation\\*?|displaymath)}");
    private static final Pattern PROOF_BEGIN = Pattern.compile("\\\\begin\\{proof}(\\[([^\\]]*)])?");
    private static final Pattern PROOF_END = Pattern.compile("\\\\end\\{proof}");

    private TexPreprocessor() {
    }

    /** KaTeX source for a formula found by {@link MathScanner}. */
    public static String forKatex(String tex, boolean display) {
        String t = LABEL.matcher(tex).replaceAll("");
        t = EQREF.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\text{(" + labelText(m.group(1)) + ")}"));
        t = REF.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\text{" + labelText(m.group(1)) + "}"));
        t = MBOX.matcher(t).replaceAll(Matcher.quoteReplacement("\\text{"));
        t = EQNARRAY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).equals("begin") ? "\\begin{array}{rcl}" : "\\end{array}"));
        if (!display) {
            // align* written inside $…$: chat UIs show the aligned rows, KaTeX only allows it in display mode.
            t = DISPLAY_ONLY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                    "\\" + m.group(1) + "{" + (m.group(2).equals("gather") ? "gathered" : m.group(2).equals("alignat") ? "alignedat" : "aligned") + "}"));
            t = EQUATION.matcher(t).replaceAll("");
        }
        return t;
    }

    /** Label names shown as text: only characters that KaTeX's text mode takes literally. */
    private static String labelText(String label) {
        return label.replaceAll("[^A-Za-z0-9:.,\\- ]", "");
    }

    /** The proof environment is text: "Proof." in italics, the body as prose, a closing ∎. */
    public static String proofAsProse(String markdown) {
        if (!markdown.contains("{proof}")) return markdown;
        String t = PROOF_BEGIN.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                "*" + (m.group(2) == null || m.group(2).isBlank() ? "Proof" : m.group(2).strip()) + ".* "));
        return PROOF_END.matcher(t).replaceAll(Matcher.quoteReplacement(" ∎"));
    }
}

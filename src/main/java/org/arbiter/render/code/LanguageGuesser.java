package org.arbiter.render.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses the language of unlabelled code by adding up the weights of distinctive constructs (each rule
 * counts once). Deterministic; ties go to the language listed first. Below {@link #MIN_SCORE} it answers
 * "text" rather than colour prose as code.
 */
public final class LanguageGuesser {
    static final double MIN_SCORE = 2.5;
    private static final List<Rule> RULES = new ArrayList<>();

    private record Rule(String language, double weight, Pattern pattern) {
    }

    private static void rule(String language, double weight, String regex) {
        RULES.add(new Rule(language, weight, Pattern.compile(regex, Pattern.MULTILINE)));
    }

    private static void ruleCi(String language, double weight, String regex) {
        RULES.add(new Rule(language, weight,
                Pattern.compile(regex, Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)));
    }

    static {
        rule("python", 5, "^\\s*def \\w+\\s*\\(.*\\)\\s*(->[^:]*)?:\\s*(#.*)?$");
        rule("python", 3, "^\\s*(if|elif|else|for|while|try|except|with|class)\\b[^{;]*:\\s*(#.*)?$");
        rule("python", 4, "\\belif\\b");
        rule("python", 3, "\"\"\"|'''");
        rule("python", 1, "\\b(None|True|False)\\b");
        rule("python", 2, "\\bself\\.");
        rule("python", 1, "\\b(range|len|print)\\(");
        rule("python", 3, "^\\s*(from [\\w.]+ )?import [\\w.]+( as \\w+)?(, \\w+)*\\s*$");
        rule("python", 2, "\\b(not|and|or) \\w+|\\bis None\\b|\\bin range\\(");

        rule("rust", 5, "\\bfn \\w+\\s*[<(]");
        rule("rust", 4, "\\blet mut\\b");
        rule("rust", 4, "^\\s*use (std|crate|super)::");
        rule("rust", 3, "\\b(println|vec|format|panic|assert_eq|assert)!");
        rule("rust", 2, "\\b(i32|i64|u8|u32|u64|usize|isize|f32|f64)\\b|&str\\b|&mut\\b");
        rule("rust", 3, "^\\s*impl\\b|^\\s*#\\[derive");
        rule("rust", 1, "\\.unwrap\\(\\)|\\.iter\\(\\)|\\bSome\\(|\\bOk\\(");

        rule("go", 5, "^\\s*func\\b");
        rule("go", 5, "^package \\w+");
        rule("go", 2, "\\w+ := ");
        rule("go", 3, "\\bfmt\\.|\\bstrings\\.|\\bstrconv\\.");
        rule("go", 2, "\\[\\](int|string|float64|byte|rune|bool)\\b");
        rule("go", 1, "\\bnil\\b");

        rule("c", 3, "#include\\s*[<\"]\\w+\\.h[>\"]");
        rule("c", 1, "\\b(printf|scanf|malloc|free)\\(");
        rule("c", 1, "^\\s*int main\\s*\\(");
        rule("cpp", 3, "#include\\s*<\\w+>");
        rule("cpp", 2.5, "#include\\s*[<\"]\\w+\\.h[>\"]");
        rule("cpp", 5, "\\bstd::|using namespace std");
        rule("cpp", 3, "\\btemplate\\s*<|\\bvector\\s*<|\\bcout\\s*<<|\\bcin\\s*>>");
        rule("cpp", 1, "^\\s*int main\\s*\\(");

        rule("java", 5, "System\\.out|import java\\.");
        rule("java", 4, "\\bpublic (static |final )*(class|void|int|boolean|String|long|double|List)\\b");
        rule("java", 2, "\\b(List|ArrayList|Map|HashMap)<(Integer|String|Long|Double|Boolean)");
        rule("java", 1, "^\\s*class \\w+ *\\{");

        rule("javascript", 3, "\\bfunction\\b");
        rule("javascript", 2, "\\bconst \\w+ = ");
        rule("javascript", 2, "=>");
        rule("javascript", 4, "console\\.log|===|!==|\\bundefined\\b|\\brequire\\(|module\\.exports");
        rule("javascript", 1, "\\b(let|var) \\w+ = .*;");
        rule("javascript", 3, "\\b(document|window)\\.|addEventListener\\(|\\bexport default\\b");
        rule("typescript", 3, "\\bfunction\\b");
        rule("typescript", 2, "\\bconst \\w+ = ");
        rule("typescript", 2, "=>");
        rule("typescript", 3, "console\\.log|===|!==|\\bundefined\\b");
        rule("typescript", 5, "[\\w)]\\s*:\\s*(number|string|boolean|any|void|unknown)(\\[\\])?\\b");
        rule("typescript", 4, "^\\s*(export )?(interface|type) \\w+(<.*>)? *[={]");

        ruleCi("sql", 6, "\\bselect\\b[\\s\\S]*?\\bfrom\\b\\s+\\w+");
        ruleCi("sql", 6, "\\b(create table|insert into|delete from|alter table)\\b");
        rule("sql", 2, "\\b(WHERE|GROUP BY|ORDER BY|JOIN|VALUES)\\b");

        rule("bash", 10, "^#!\\s*/(usr/)?bin/(env )?(ba|z)?sh");
        rule("bash", 3, "\\$\\(|\\$\\{\\w+");
        rule("bash", 3, "^\\s*(fi|done|esac)\\s*$");
        rule("bash", 3, "^\\s*(\\$ )?(echo|export|cd|sudo|apt(-get)?|pip3?|npm|mkdir|chmod|git|curl|ls|cat) ");
        rule("bash", 1, "\\$\\w+");

        rule("haskell", 5, "^\\w+\\s*::\\s*.*->");
        rule("haskell", 5, "^module [\\w.]+.*where|^import qualified");
        rule("haskell", 3, "^data \\w+.*=|^instance \\w+.*where|\\{-");
        rule("haskell", 2, "<-|\\$ |^\\w+( \\w+)* \\| .*=");
        rule("haskell", 1, "^\\w+( [\\w(\\[:\\])]+)* = ");

        rule("lean", 6, "\\b(theorem|lemma) \\w+");
        rule("lean", 6, ":= by\\b|^example\\b.*:=");
        rule("lean", 2, "\\brfl\\b|\\bsorry\\b");
        rule("lean", 8, "^import Mathlib|^open [\\w ]+ in$|#eval|#check");
        rule("lean", 3, "[ℕℝℤℚ]|\\b(Nat|Prop)\\b");
        rule("lean", 2, "^\\s*(simp|rw|exact|intro|omega|linarith|norm_num|induction|cases)\\b");
        rule("lean", 4, "^\\s*def \\w+.*:=|\\bfun \\w+ =>|/-");
    }

    private LanguageGuesser() {
    }

    /** The canonical id of the most likely language, or "text". */
    public static String guess(String code) {
        Map<String, Double> scores = scores(code);
        String best = "text";
        double top = MIN_SCORE - 1e-9;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    static Map<String, Double> scores(String code) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (code == null || code.isBlank()) return scores;
        String sample = code.length() > 8_000 ? code.substring(0, 8_000) : code;
        for (Rule r : RULES) {
            if (r.pattern.matcher(sample).find()) scores.merge(r.language, r.weight, Double::sum);
        }
        return scores;
    }
}

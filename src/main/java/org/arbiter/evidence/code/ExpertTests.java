package org.arbiter.evidence.code;

import org.arbiter.model.Reference;

/**
 * The expert's own test, written as the item's own tests are so that it is composed and run exactly like them.
 * Python: bare statements ({@code assert candidate([]) == []}) go inside HumanEvalPack's {@code def check(candidate)},
 * which the harness calls with the entry point, so both {@code candidate} and the function's own name work; a
 * source that defines {@code check} itself is taken as it is. The other languages: the source replaces the item's
 * tests as it stands (JavaScript calls the function and asserts, Java a {@code Main} class, C++ a {@code main},
 * Go {@code Test…} functions under the item's {@code test_setup}, Rust a {@code #[test]} module).
 */
public final class ExpertTests {
    private ExpertTests() {
    }

    /**
     * What the editor starts with: nothing for Python (a line of asserts is enough), the item's own tests for the
     * other languages, whose harness boilerplate the expert would otherwise have to write from memory.
     */
    public static String template(Reference ref) {
        if (ref == null || ref.tests() == null) return "";
        return CodeLanguage.named(ref.language()) == CodeLanguage.PYTHON ? "" : ref.tests().strip() + "\n";
    }

    /** Why the test cannot run at all (then the verdict is {@code not_run}), or null. */
    static String problem(Reference ref, String source) {
        if (source == null || source.isBlank()) return "the test is empty";
        if (ref == null || CodeLanguage.named(ref.language()) == null) {
            return "the item names no language Arbiter runs (python, javascript, java, cpp, go, rust)";
        }
        if (CodeLanguage.named(ref.language()) == CodeLanguage.PYTHON && ref.entryPoint() == null && !definesCheck(source)) {
            return "the item names no entry_point, so there is no function to pass as candidate";
        }
        return null;
    }

    /** The item's reference with the expert's test in place of its tests. */
    static Reference asReference(Reference ref, String source) {
        return new Reference(ref.answer(), ref.solution(), asTests(CodeLanguage.named(ref.language()), source), ref.language(),
                ref.entryPoint(), ref.testSetup());
    }

    static String asTests(CodeLanguage language, String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        if (language != CodeLanguage.PYTHON || definesCheck(s)) return s;
        StringBuilder b = new StringBuilder("def check(candidate):\n");
        for (String line : s.split("\n", -1)) b.append(line.isBlank() ? "" : "    " + line).append('\n');
        // A test of comments only would leave the function without a body.
        return b.append("    pass\n").toString();
    }

    private static boolean definesCheck(String source) {
        return source.contains("def check(");
    }
}

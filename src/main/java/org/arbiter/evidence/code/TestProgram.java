package org.arbiter.evidence.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.arbiter.model.Reference;

/**
 * A response's code composed with the item's tests into one source file, as HumanEvalPack's harness does for
 * the language, plus where each assertion of the tests sits so a failure can be named ("test 3 of 7").
 *
 * @param assertionLines 1-based lines of the file where an assertion of the tests starts
 */
public record TestProgram(CodeLanguage language, String source, List<Integer> assertionLines) {
    /** Node's console.assert only prints; HumanEvalPack's JavaScript tests rely on it failing the run. */
    static final String JS_PRELUDE = "console.assert = (ok, ...m) => { if (!ok) { const e = new Error('Assertion failed'"
            + " + (m.length ? ': ' + m.join(' ') : '')); e.name = 'AssertionError'; throw e; } };\n";
    /** HumanEvalPack's Go test_setup, for items that leave it out. */
    static final String GO_SETUP = "package main\n\nimport (\n    \"testing\"\n    \"github.com/stretchr/testify/assert\"\n)\n";
    private static final Pattern GO_PACKAGE = Pattern.compile("(?m)^package\\s+\\w+\\s*$");
    /** HumanEvalPack's Rust declarations all start with these; they compile only with the crates present. */
    private static final Pattern RUST_CRATE_USE = Pattern.compile("(?m)^\\s*use\\s+(rand::Rng|regex::Regex|md5)\\s*;\\s*$");
    private static final Pattern RUST_CRATE_CALL = Pattern.compile("\\b(rand|Regex|md5)::|\\.gen_range\\(|thread_rng\\(");

    /**
     * @param meta the item's meta: HumanEvalPack items imported as they are keep Go's {@code test_setup} there
     */
    public static TestProgram compose(CodeLanguage language, String code, Reference reference, Map<String, Object> meta) {
        return compose(language, code, reference, meta, false);
    }

    /** @param withCrates Rust built by cargo with rand, regex and md5: their {@code use} lines stay */
    public static TestProgram compose(CodeLanguage language, String code, Reference reference, Map<String, Object> meta,
                                      boolean withCrates) {
        String tests = reference.tests();
        String before = switch (language) {
            case PYTHON -> code.stripTrailing() + "\n\n";
            case JAVASCRIPT -> JS_PRELUDE + code.stripTrailing() + "\n";
            case JAVA, CPP -> code.stripTrailing() + "\n";
            case GO -> goSetup(reference, meta).stripTrailing() + "\n" + GO_PACKAGE.matcher(code).replaceAll("").stripTrailing() + "\n";
            case RUST -> (withCrates ? code : RUST_CRATE_USE.matcher(code).replaceAll("")).stripTrailing() + "\n";
        };
        String after = tests;
        if (language == CodeLanguage.PYTHON && reference.entryPoint() != null
                && !tests.contains("check(" + reference.entryPoint() + ")")) {
            after = tests.stripTrailing() + "\n\ncheck(" + reference.entryPoint() + ")\n";
        }
        int testsStart = lines(before) + 1;
        List<Integer> sites = new ArrayList<>();
        String[] testLines = after.split("\n", -1);
        for (int i = 0; i < testLines.length; i++) {
            if (language.assertionSite().matcher(testLines[i]).find()) sites.add(testsStart + i);
        }
        return new TestProgram(language, before + after + (after.endsWith("\n") ? "" : "\n"), List.copyOf(sites));
    }

    /** Rust code that really calls rand, regex or md5 needs the crates, which a bare rustc does not have. */
    public static boolean needsRustCrates(String code) {
        return RUST_CRATE_CALL.matcher(RUST_CRATE_USE.matcher(code).replaceAll("")).find();
    }

    private static String goSetup(Reference reference, Map<String, Object> meta) {
        if (reference.testSetup() != null) return reference.testSetup();
        Object fromMeta = meta.get("test_setup");
        return fromMeta instanceof String s && !s.isBlank() ? s : GO_SETUP;
    }

    private static int lines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    /** 1-based index of the assertion a failure at {@code line} belongs to, or 0 when the line is not in the tests. */
    public int assertionAt(int line) {
        int index = 0;
        for (int i = 0; i < assertionLines.size(); i++) {
            if (assertionLines.get(i) <= line) index = i + 1;
        }
        if (index == 0 || assertionLines.isEmpty()) return 0;
        return index;
    }

    public String line(int line) {
        String[] all = source.split("\n", -1);
        return line >= 1 && line <= all.length ? all[line - 1].strip() : "";
    }
}

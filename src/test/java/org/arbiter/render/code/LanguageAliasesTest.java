package org.arbiter.render.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageAliasesTest {
    @Test
    void infoStringsResolveToCanonicalIds() {
        assertThat(LanguageAliases.resolve("py")).isEqualTo("python");
        assertThat(LanguageAliases.resolve("Python")).isEqualTo("python");
        assertThat(LanguageAliases.resolve("python3")).isEqualTo("python");
        assertThat(LanguageAliases.resolve("python title=\"x.py\"")).isEqualTo("python");
        assertThat(LanguageAliases.resolve("{.python}")).isEqualTo("python");
        assertThat(LanguageAliases.resolve("{.haskell .numberLines}")).isEqualTo("haskell");
        assertThat(LanguageAliases.resolve("C++")).isEqualTo("cpp");
        assertThat(LanguageAliases.resolve("cc")).isEqualTo("cpp");
        assertThat(LanguageAliases.resolve("hpp")).isEqualTo("cpp");
        assertThat(LanguageAliases.resolve("h")).isEqualTo("c");
        assertThat(LanguageAliases.resolve("node")).isEqualTo("javascript");
        assertThat(LanguageAliases.resolve("tsx")).isEqualTo("typescript");
        assertThat(LanguageAliases.resolve("rs")).isEqualTo("rust");
        assertThat(LanguageAliases.resolve("golang")).isEqualTo("go");
        assertThat(LanguageAliases.resolve("zsh")).isEqualTo("bash");
        assertThat(LanguageAliases.resolve("console")).isEqualTo("bash");
        assertThat(LanguageAliases.resolve("hs")).isEqualTo("haskell");
        assertThat(LanguageAliases.resolve("lean4")).isEqualTo("lean");
        assertThat(LanguageAliases.resolve("mysql")).isEqualTo("sql");
        assertThat(LanguageAliases.resolve("Java")).isEqualTo("java");
        assertThat(LanguageAliases.resolve("language-rust")).isEqualTo("rust");
        assertThat(LanguageAliases.resolve("fortran")).isEqualTo("text");
        assertThat(LanguageAliases.resolve("")).isEmpty();
        assertThat(LanguageAliases.resolve(null)).isEmpty();
    }

    @Test
    void labelsNameTheLanguageOrTheUnsupportedOne() {
        assertThat(LanguageAliases.label("cpp")).isEqualTo("C++");
        assertThat(LanguageAliases.label("ts")).isEqualTo("TypeScript");
        assertThat(LanguageAliases.label("Fortran")).isEqualTo("text (fortran)");
        assertThat(LanguageAliases.label("text")).isEqualTo("text");
    }

    @Test
    void fenceInfoWinsOverReferenceLanguageWhichWinsOverGuessing() {
        assertThat(LanguageAliases.pick("rust", "Python")).isEqualTo("rust");
        assertThat(LanguageAliases.pick("", "Python")).isEqualTo("Python");
        assertThat(LanguageAliases.pick(null, null)).isNull();
        assertThat(LanguageAliases.pick("fortran", "Python")).isEqualTo("fortran");
    }
}

package org.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typeset formulas kept beside the store, on a real SQLite file, across restarts. */
class FormulaFileTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Path store() {
        return dir.resolve("arbiter.db");
    }

    private static FormulaFile.Formula inline(String tex) {
        return new FormulaFile.Formula(tex, false);
    }

    @Test
    void aFormulaKeptIsFoundAfterARestartWithItsModeAndErrors() {
        try (FormulaFile f = FormulaFile.openBeside(store(), "katex 1", warnings::add)) {
            f.keep(Map.of(inline("x^2"), new FormulaFile.Drawn("<span>x²</span>", null),
                    new FormulaFile.Formula("x^2", true), new FormulaFile.Drawn("<div>x²</div>", null),
                    inline("\\frac{1}{"), new FormulaFile.Drawn(null, "KaTeX parse error: Expected '}'")));
        }
        assertThat(FormulaFile.beside(store())).exists().hasFileName("arbiter.db.formulas");
        try (FormulaFile f = FormulaFile.openBeside(store(), "katex 1", warnings::add)) {
            Map<FormulaFile.Formula, FormulaFile.Drawn> found = f.find(List.of(inline("x^2"), new FormulaFile.Formula("x^2", true),
                    inline("\\frac{1}{"), inline("never drawn")));
            assertThat(found).hasSize(3);
            assertThat(found.get(inline("x^2")).html()).isEqualTo("<span>x²</span>");
            assertThat(found.get(new FormulaFile.Formula("x^2", true)).html()).isEqualTo("<div>x²</div>");
            assertThat(found.get(inline("\\frac{1}{")).error()).startsWith("KaTeX parse error");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void anotherEngineVersionStartsFromNothing() {
        try (FormulaFile f = FormulaFile.openBeside(store(), "katex 1", warnings::add)) {
            f.keep(Map.of(inline("a"), new FormulaFile.Drawn("old", null)));
        }
        try (FormulaFile f = FormulaFile.openBeside(store(), "katex 2", warnings::add)) {
            assertThat(f.find(List.of(inline("a")))).isEmpty();
            assertThat(f.size()).isZero();
        }
    }

    @Test
    void theFileIsBoundedAndKeepsTheNewestFormulas() throws Exception {
        long bound = 256 * 1024;
        try (FormulaFile f = FormulaFile.openBeside(store(), "v", bound, warnings::add)) {
            for (int batch = 0; batch < 20; batch++) {
                Map<FormulaFile.Formula, FormulaFile.Drawn> drawn = new LinkedHashMap<>();
                for (int i = 0; i < 50; i++) drawn.put(inline("f" + (batch * 50 + i)), new FormulaFile.Drawn("<span>" + "m".repeat(1000) + "</span>", null));
                f.keep(drawn);
            }
            assertThat(f.size()).isEqualTo(1000);
        }
        try (FormulaFile f = FormulaFile.openBeside(store(), "v", bound, warnings::add)) {
            assertThat(f.size()).isBetween(50L, 250L);
            assertThat(f.find(List.of(inline("f999")))).hasSize(1);
            assertThat(f.find(List.of(inline("f0")))).isEmpty();
        }
    }

    @Test
    void anUnreadableFileIsMadeAnewWithAWarning() throws Exception {
        Files.write(FormulaFile.beside(store()), "not a database, just bytes that happen to be here".repeat(100).getBytes());
        try (FormulaFile f = FormulaFile.openBeside(store(), "v", warnings::add)) {
            f.keep(Map.of(inline("y"), new FormulaFile.Drawn("<span>y</span>", null)));
            assertThat(f.find(List.of(inline("y")))).hasSize(1);
        }
        // (The bytes were written readable by all, so there is a line about the mode too.)
        assertThat(warnings).filteredOn(w -> w.contains("could not be read")).singleElement().asString()
                .contains("arbiter.db.formulas").contains("not a database").contains("made anew");
    }

    @Test
    void theFileIsPrivateLikeTheStore() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
        try (FormulaFile f = FormulaFile.openBeside(store(), "v", warnings::add)) {
            f.keep(Map.of(inline("z"), new FormulaFile.Drawn("<span>z</span>", null)));
            assertThat(PrivateStoreFilesTest.mode(f.file())).isEqualTo("rw-------");
        }
    }
}

package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.arbiter.app.DemoBatch;
import org.arbiter.model.Domain;
import org.arbiter.render.TexEngine;
import org.arbiter.render.TexResult;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.KatexEngine;
import org.arbiter.store.FormulaFile;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A formula is typeset once: KaTeX's output is kept in the file beside the store and found there by the next
 * session, and drawing never depends on that file working. Real KaTeX, real SQLite file, a real window.
 */
class KeptFormulasTest {
    @TempDir
    Path dir;

    private static TexEngine.Request inline(String tex) {
        return new TexEngine.Request(tex, false);
    }

    private static String shownLeft(Workstation w) throws Exception {
        return WindowFixture.onFx(() -> w.window().shownResponse(w.session().state().open().left().response().id()).html());
    }

    @Test
    void whatKatexDrawsIsKeptAndAKeptFormulaIsNotTypesetAgain() {
        FxToolkit.ensureStarted();
        KatexEngine katex = KatexEngine.start(64);
        try (FormulaFile file = FormulaFile.openBeside(dir.resolve("arbiter.db"), KatexEngine.version(), w -> { })) {
            StoredFormulas kept = new StoredFormulas(file);
            katex.keepFormulasIn(kept);

            TexResult drawn = katex.render("a^2+b^2=c^2", false);
            TexResult broken = katex.render("\\frac{1}{", false);
            assertThat(drawn.html()).contains("class=\"katex\"");
            Map<TexEngine.Request, TexResult> inFile = kept.find(List.of(inline("a^2+b^2=c^2"), inline("\\frac{1}{")));
            assertThat(inFile.get(inline("a^2+b^2=c^2")).html()).isEqualTo(drawn.html());
            assertThat(inFile.get(inline("\\frac{1}{")).ok()).isFalse();
            assertThat(inFile.get(inline("\\frac{1}{")).error()).isEqualTo(broken.error());

            // A formula already in the file comes from there: KaTeX would call \keptbefore an undefined macro.
            file.keep(Map.of(new FormulaFile.Formula("\\keptbefore", true), new FormulaFile.Drawn("<span class=\"from-file\"></span>", null)));
            assertThat(katex.render("\\keptbefore", true).html()).isEqualTo("<span class=\"from-file\"></span>");
        }
        // The file is closed under the engine, as if the disk failed: formulas are still typeset.
        TexResult after = katex.render("e^{i\\pi}+1=0", false);
        assertThat(after.ok()).isTrue();
        assertThat(after.html()).contains("class=\"katex\"");
    }

    @Test
    void theNextSessionFindsTheFormulasOfTheFirstAndShowsTheSamePair() throws Exception {
        WindowFixture fx = new WindowFixture();
        Path store = dir.resolve("arbiter.db");
        String math;
        try (LocalStore s = LocalStore.open(store)) {
            DemoBatch.loadIfEmpty(s);
            math = s.items().batch(DemoBatch.NAME).stream().filter(i -> i.domain() == Domain.MATH).findFirst().orElseThrow().id();
        }
        LocalStore first = LocalStore.open(store);
        Workstation w = fx.open(first, "ada", dir.resolve("settings.json"));
        String firstLeft;
        try {
            WindowFixture.onFx(() -> w.session().jumpTo(math));
            WindowFixture.awaitNextPairLaidOut(w);
            firstLeft = shownLeft(w);
        } finally {
            fx.close(w);
            first.close();
        }
        long kept;
        try (FormulaFile file = FormulaFile.openBeside(store, KatexEngine.version(), x -> { })) {
            kept = file.size();
        }
        assertThat(kept).as("formulas of the pairs drawn and prefetched, kept").isGreaterThan(5);

        LocalStore second = LocalStore.open(store);
        Workstation again = fx.open(second, "ada", dir.resolve("settings.json"));
        try {
            WindowFixture.onFx(() -> again.session().jumpTo(math));
            assertThat(shownLeft(again)).isEqualTo(firstLeft).contains("class=\"katex\"");
        } finally {
            fx.close(again);
            second.close();
        }
    }
}

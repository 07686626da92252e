package org.arbiter.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arbiter.render.FormulaCache;
import org.arbiter.render.TexEngine;
import org.arbiter.render.TexResult;
import org.arbiter.store.FormulaFile;

/** The render floor's formula cache on the store's formula file: the window is where the two floors meet. */
final class StoredFormulas implements FormulaCache {
    private final FormulaFile file;

    StoredFormulas(FormulaFile file) {
        this.file = file;
    }

    @Override
    public Map<TexEngine.Request, TexResult> find(List<TexEngine.Request> requests) {
        List<FormulaFile.Formula> wanted = new ArrayList<>(requests.size());
        for (TexEngine.Request r : requests) wanted.add(new FormulaFile.Formula(r.tex(), r.display()));
        Map<FormulaFile.Formula, FormulaFile.Drawn> found = file.find(wanted);
        Map<TexEngine.Request, TexResult> out = new HashMap<>();
        found.forEach((f, d) -> out.put(new TexEngine.Request(f.tex(), f.display()),
                d.html() != null ? TexResult.ok(d.html(), 0) : TexResult.failed(d.error(), 0)));
        return out;
    }

    @Override
    public void keep(Map<TexEngine.Request, TexResult> drawn) {
        Map<FormulaFile.Formula, FormulaFile.Drawn> rows = new LinkedHashMap<>();
        drawn.forEach((r, t) -> {
            if (!t.skipped()) rows.put(new FormulaFile.Formula(r.tex(), r.display()), new FormulaFile.Drawn(t.html(), t.error()));
        });
        file.keep(rows);
    }
}

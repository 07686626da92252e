package org.arbiter.render;

import java.util.List;
import java.util.Map;

/**
 * Typeset formulas kept outside the engine, so a formula drawn once, in this session or an earlier one, is never
 * typeset again. The window backs it with a file beside the store; the render floor does not know where.
 */
public interface FormulaCache {
    /** The requests drawn before, with what was drawn; requests not kept are absent. */
    Map<TexEngine.Request, TexResult> find(List<TexEngine.Request> requests);

    /** Keeps formulas just drawn (never skipped ones). */
    void keep(Map<TexEngine.Request, TexResult> drawn);
}

package org.arbiter.render;

import java.util.ArrayList;
import java.util.List;

/** Draws TeX as HTML. Implementations are thread-safe; a call may block while the engine works. */
public interface TexEngine {
    /** One formula to draw: KaTeX-ready source and its mode. */
    record Request(String tex, boolean display) {
    }

    TexResult render(String tex, boolean display);

    /**
     * Draws many formulas; engines override this to pay their per-call overhead once. Stops trying when
     * {@code budgetMillis} has passed: the rest come back {@link TexResult#skipped}.
     */
    default List<TexResult> renderAll(List<Request> requests, long budgetMillis) {
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        List<TexResult> out = new ArrayList<>(requests.size());
        for (Request r : requests) {
            out.add(System.nanoTime() > deadline ? TexResult.skipped("time budget exhausted")
                    : render(r.tex(), r.display()));
        }
        return out;
    }
}

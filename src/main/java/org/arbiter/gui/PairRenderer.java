package org.arbiter.gui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.arbiter.evidence.math.MathEvidence;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.model.Turn;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.AnswerRange;
import org.arbiter.render.Html;
import org.arbiter.render.RenderedText;
import org.arbiter.render.ResponseRenderer;
import org.arbiter.render.TexEngine;
import org.arbiter.render.code.CodeDiff;
import org.arbiter.render.code.CodeHighlighter;

/**
 * Draws items off the JavaFX thread and keeps the last few: the window asks for the next items while the
 * expert reads the current one. KaTeX itself runs on the JavaFX thread in small chunks (KatexEngine), so
 * prefetching never freezes the window for long.
 */
final class PairRenderer implements AutoCloseable {
    private static final int KEEP = 12;

    private final ResponseRenderer renderer;
    private final TexEngine tex;
    private final CodeHighlighter code;
    private final Function<Item, List<Response>> shownOrder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "arbiter-prefetch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<PreparedItem>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<PreparedItem>> eldest) {
            return size() > KEEP;
        }
    };

    /** @param shownOrder an item's responses as the annotator sees them, left then right */
    PairRenderer(ResponseRenderer renderer, TexEngine tex, CodeHighlighter code, Function<Item, List<Response>> shownOrder) {
        this.renderer = renderer;
        this.tex = tex;
        this.code = code;
        this.shownOrder = shownOrder;
    }

    static String key(Item item) {
        return item.batch() + "\u0000" + item.id();
    }

    /** Starts drawing the item in the background unless it is drawn or being drawn. */
    synchronized CompletableFuture<PreparedItem> prefetch(Item item) {
        return cache.computeIfAbsent(key(item), k -> CompletableFuture.supplyAsync(() -> prepare(item), worker));
    }

    /** The drawn item if it is ready now. */
    synchronized Optional<PreparedItem> ready(Item item) {
        CompletableFuture<PreparedItem> f = cache.get(key(item));
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /**
     * Draws on the calling thread (the JavaFX thread may call it: KaTeX then runs inline). The final answer a math
     * check compares is found here rather than awaited from the check: finding it is pure and takes well under a
     * millisecond, and drawing it in at once spares a second DOM update when the check's result arrives.
     */
    PreparedItem prepare(Item item) {
        String language = item.reference() == null ? null : item.reference().language();
        Map<String, RenderedText> responses = new LinkedHashMap<>();
        for (Response r : item.responses()) {
            AnswerRange answer = MathEvidence.answerSpan(item, r).map(s -> new AnswerRange(s.start(), s.end())).orElse(null);
            responses.put(r.id(), renderer.render(r.content(), item.domain(), language,
                    StepSegmenter.segment(r, item.domain()), tex, code, answer));
        }
        return new PreparedItem(key(item), responses, promptHtml(item, language), diffHtml(item, language));
    }

    private String promptHtml(Item item, String language) {
        StringBuilder b = new StringBuilder("<div class=\"prompt\">");
        List<Turn> turns = item.prompt().asTurns();
        boolean conversation = item.prompt().isConversation();
        for (Turn t : turns) {
            b.append("<div class=\"turn role-").append(Html.escape(t.role())).append("\">");
            if (conversation) b.append("<div class=\"role\">").append(Html.escape(t.role())).append("</div>");
            b.append(renderer.render(t.content(), Domain.GENERAL, language, null, tex, code).html());
            b.append("</div>");
        }
        return b.append("</div>").toString();
    }

    /**
     * The diff reads as the review does: the left column is the response on the left of the pair, and the
     * columns are headed "left" and "right" like the scale — never A/B, which is storage order and would have
     * the expert press "left better" for the response shown on the right.
     */
    private String diffHtml(Item item, String language) {
        if (item.domain() != Domain.CODE || !item.isPair() || item.isRanking()) return null;
        List<Response> sides = shownOrder.apply(item);
        return diffHtml(sides.get(0), sides.get(1), language);
    }

    /**
     * The diff of the two responses a ranking item's panes show, headed by their shown numbers; drawn when asked
     * for, since the panes change. Null when the item is not code.
     */
    String rankingDiffHtml(Item item, Response left, int leftNumber, Response right, int rightNumber) {
        if (item.domain() != Domain.CODE) return null;
        String language = item.reference() == null ? null : item.reference().language();
        return "<style>" + CodeDiff.CSS + "</style>"
                + CodeDiff.of(left.content(), right.content(), language, code).toHtml("response " + leftNumber, "response " + rightNumber);
    }

    private String diffHtml(Response left, Response right, String language) {
        return "<style>" + CodeDiff.CSS + "</style>" + CodeDiff.of(left.content(), right.content(), language, code).toHtml("left", "right");
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

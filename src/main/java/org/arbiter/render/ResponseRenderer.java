package org.arbiter.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.model.Domain;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepKind;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.code.CodeHighlighter;
import org.arbiter.render.code.HighlightedCode;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a response (Markdown + LaTeX + code) into the HTML the response pane shows, one wrapper per step.
 * Pure Java; formulas go through the given {@link TexEngine}, code through the given {@link CodeHighlighter}.
 *
 * <p>Math is cut out before Markdown parsing and put back after, so Markdown never touches TeX (underscores,
 * asterisks, backslashes). Raw HTML in content is escaped, links are inert. Bounded: a text above
 * {@link Limits#maxChars} is shown raw; formulas beyond {@link Limits#maxFormulas} or past the time budget
 * are shown as source; both with a notice.
 */
public final class ResponseRenderer {
    /**
     * How much one text may cost before the rest is shown as source.
     *
     * @param maxChars            larger texts are not drawn, only shown raw
     * @param maxFormulas         formulas after this many are shown as source
     * @param formulaBudgetMillis formulas not drawn within this time are shown as source
     * @param maxRawChars         a text too large to draw shows only this many characters: WebKit lays out
     *                            megabytes of text on the JavaFX thread for seconds
     */
    public record Limits(int maxChars, int maxFormulas, long formulaBudgetMillis, int maxRawChars) {
        public static final Limits DEFAULT = new Limits(500_000, 2_000, 3_000, 200_000);
    }

    private static final char PH_OPEN = '\uE000';
    private static final char PH_CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(PH_OPEN + "(\\d+)" + PH_CLOSE);

    private final Parser parser;
    private final HtmlRenderer html;
    private final Limits limits;

    public ResponseRenderer() {
        this(Limits.DEFAULT);
    }

    public ResponseRenderer(Limits limits) {
        this.limits = limits;
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(LinkRenderer::new).build();
    }

    /**
     * @param steps the response's steps, or null to segment {@code markdown} here
     * @param referenceLanguage the item's reference language, used for fences without an info string
     */
    public RenderedText render(String markdown, Domain domain, String referenceLanguage, List<Step> steps,
                               TexEngine tex, CodeHighlighter code) {
        return render(markdown, domain, referenceLanguage, steps, tex, code, null);
    }

    /**
     * As above, with the final answer marked ({@code <mark class="final-answer">}) in the drawn and the raw view;
     * a formula the answer lies in is marked whole. Null draws no mark.
     */
    public RenderedText render(String markdown, Domain domain, String referenceLanguage, List<Step> steps,
                               TexEngine tex, CodeHighlighter code, AnswerRange answer) {
        if (answer != null && answer.end() > markdown.length()) answer = null;
        if (steps == null) steps = StepSegmenter.segment(markdown, domain);
        if (markdown.length() > limits.maxChars()) {
            String shown = markdown.substring(0, Math.min(markdown.length(), limits.maxRawChars()));
            List<Step> shownSteps = steps.stream().filter(s -> s.end() <= shown.length()).toList();
            String raw = renderRaw(shown, shownSteps, answer);
            String notice = String.format(Locale.ROOT, "Shown as raw text: the %s response exceeds the %s limit for drawing%s.",
                    size(markdown.length()), size(limits.maxChars()),
                    shown.length() < markdown.length() ? "; only its first " + size(shown.length()) + " are shown" : "");
            return new RenderedText(noticeHtml(notice) + raw, raw, List.of(), List.of(), true, notice);
        }
        String raw = renderRaw(markdown, steps, answer);
        List<Piece> pieces = pieces(markdown, steps, answer);
        List<MathSpan> spans = new ArrayList<>();
        List<TexEngine.Request> requests = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.codeBlock != null) continue;
            p.prose = TexPreprocessor.proofAsProse(p.source);
            p.spans = MathScanner.scan(p.prose);
            p.firstSpan = spans.size();
            for (MathSpan s : p.spans) {
                spans.add(s);
                if (requests.size() < limits.maxFormulas()) {
                    requests.add(new TexEngine.Request(TexPreprocessor.forKatex(s.tex(), s.display()), s.display()));
                }
            }
        }
        List<TexResult> results = requests.isEmpty() ? List.of() : tex.renderAll(requests, limits.formulaBudgetMillis());
        List<RenderedText.FormulaOutcome> outcomes = new ArrayList<>();
        int overLimit = Math.max(0, spans.size() - requests.size());
        int overBudget = 0;
        for (int i = 0; i < spans.size(); i++) {
            MathSpan s = spans.get(i);
            TexResult r = i < results.size() ? results.get(i) : TexResult.skipped("formula limit reached");
            if (r.skipped() && i < results.size()) overBudget++;
            outcomes.add(new RenderedText.FormulaOutcome(s.tex(), s.display(), r.ok(), r.error(), r.micros(), r.skipped()));
        }
        List<String> notices = new ArrayList<>();
        if (overLimit + overBudget > 0) {
            List<String> why = new ArrayList<>();
            if (overBudget > 0) why.add("drawing took longer than " + limits.formulaBudgetMillis() + " ms");
            if (overLimit > 0) why.add("only the first " + limits.maxFormulas() + " formulas of a response are drawn");
            notices.add(String.format(Locale.ROOT, "%d of %d formulas shown as source: %s.", overLimit + overBudget,
                    spans.size(), String.join("; ", why)));
        }
        List<RenderedText.CodeOutcome> codeOutcomes = new ArrayList<>();
        StringBuilder out = new StringBuilder(markdown.length() * 2 + 256);
        for (Piece p : pieces) {
            if (p.codeBlock != null) {
                out.append(codeBlock(markdown, p, referenceLanguage, code, codeOutcomes));
            } else if (p.step.kind() == StepKind.FIGURE && p.source.strip().startsWith("[asy]")) {
                out.append(stepOpen(p.step)).append(asymptote(p.source, code, codeOutcomes)).append("</div></div>");
            } else {
                out.append(stepOpen(p.step)).append(prose(p, results, notices)).append("</div></div>");
            }
        }
        String notice = notices.isEmpty() ? null : String.join(" ", notices);
        String body = (notice == null ? "" : noticeHtml(notice)) + out;
        return new RenderedText(body, raw, outcomes, codeOutcomes, false, notice);
    }

    /** The exact characters, escaped, with the same step wrappers and numbers as the drawn view. */
    public String renderRaw(String content, List<Step> steps) {
        return renderRaw(content, steps, null);
    }

    /** As above, with the final answer marked. */
    public String renderRaw(String content, List<Step> steps, AnswerRange answer) {
        StringBuilder b = new StringBuilder(content.length() + steps.size() * 96 + 64);
        b.append("<div class=\"raw\">");
        int pos = 0;
        for (Step s : steps) {
            boolean inPlace = s.start() >= pos && s.end() <= content.length()
                    && content.regionMatches(s.start(), s.text(), 0, s.text().length());
            if (!inPlace) continue;
            b.append(AnswerMarks.escaped(content, pos, s.start(), answer));
            b.append("<span class=\"step raw-step\" data-step=\"").append(s.index()).append("\" data-key=\"")
                    .append(Html.escape(s.key())).append("\"><span class=\"step-no\" data-no=\"").append(s.number())
                    .append("\"></span><span class=\"step-body\">").append(AnswerMarks.escaped(content, s.start(), s.end(), answer)).append("</span></span>");
            pos = s.end();
        }
        b.append(AnswerMarks.escaped(content, pos, content.length(), answer)).append("</div>");
        return b.toString();
    }

    private String prose(Piece p, List<TexResult> results, List<String> notices) {
        String body;
        try {
            body = html.render(parser.parse(withPlaceholders(p.prose, p.spans, p.firstSpan)));
            String marked = marked(p, body);
            if (marked != null) body = marked;
        } catch (RuntimeException | StackOverflowError e) {
            // Pathological nesting: this step alone is shown as its source.
            notices.add("Step " + p.step.number() + " shown as raw text: its Markdown is too deeply nested.");
            return "<div class=\"raw\">" + Html.escape(p.source) + "</div>";
        }
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder b = new StringBuilder(body.length() + 64);
        while (m.find()) {
            int global = Integer.parseInt(m.group(1));
            MathSpan s = p.spans.get(global - p.firstSpan);
            TexResult r = global < results.size() ? results.get(global) : TexResult.skipped("formula limit reached");
            m.appendReplacement(b, Matcher.quoteReplacement(formula(s, p.prose, r)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String withPlaceholders(String text, List<MathSpan> spans, int firstSpan) {
        StringBuilder md = new StringBuilder(text.length() + spans.size() * 6);
        int pos = 0;
        for (int k = 0; k < spans.size(); k++) {
            MathSpan s = spans.get(k);
            md.append(text, pos, s.start()).append(PH_OPEN).append(firstSpan + k).append(PH_CLOSE);
            pos = s.end();
        }
        return md.append(text, pos, text.length()).toString();
    }

    /** The step's HTML with its part of the final answer marked, or null to show {@code plain} as it is. */
    private String marked(Piece p, String plain) {
        // A step rewritten before drawing (a proof environment) no longer has the response's offsets.
        if (p.answerFrom >= p.answerTo || !p.prose.equals(p.source) || !AnswerMarks.markable(p.prose)) return null;
        int[] r = AnswerMarks.clamp(p.prose, p.spans, p.answerFrom, p.answerTo);
        if (r == null) return null;
        String marked = marked(p, plain, r[0], r[1]);
        int before = AnswerMarks.before(p.prose, r[0]);
        return marked != null || before < 0 ? marked : marked(p, plain, before, r[1]);
    }

    private String marked(Piece p, String plain, int from, int to) {
        String text = AnswerMarks.withSentinels(p.prose, from, to);
        List<MathSpan> spans = MathScanner.scan(text);
        // Sentinels must not change which formulas are found, else they would change what is drawn.
        if (!spans.equals(AnswerMarks.shifted(p.spans, from, to))) return null;
        Set<Integer> display = new HashSet<>();
        for (int k = 0; k < spans.size(); k++) if (spans.get(k).display()) display.add(p.firstSpan + k);
        String md = html.render(parser.parse(withPlaceholders(text, spans, p.firstSpan)));
        return AnswerMarks.apply(md, plain, PH_OPEN, PH_CLOSE, display);
    }

    private static String formula(MathSpan s, String text, TexResult r) {
        if (r.ok()) return r.html();
        String source = Html.escape(s.source(text));
        String cls = s.display() ? " math-display" : "";
        if (r.skipped()) return "<code class=\"math-source math-skipped" + cls + "\">" + source + "</code>";
        String error = Html.escape(r.error() == null ? "error" : r.error());
        return "<span class=\"math-error" + cls + "\" title=\"" + error + "\"><code class=\"math-source\">" + source
                + "</code><span class=\"math-error-msg\">" + error + "</span></span>";
    }

    private static String stepOpen(Step s) {
        return "<div class=\"step\" data-step=\"" + s.index() + "\" data-key=\"" + Html.escape(s.key())
                + "\" data-kind=\"" + s.kind().name().toLowerCase(Locale.ROOT) + "\"><span class=\"step-no\" data-no=\""
                + s.number() + "\"></span><div class=\"step-body\">";
    }

    private static String codeBlock(String content, Piece p, String referenceLanguage, CodeHighlighter highlighter,
                                    List<RenderedText.CodeOutcome> outcomes) {
        List<Step> steps = p.codeBlock;
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        int start = first.start();
        for (int k = 1; k < first.codeLine(); k++) start = previousLineStart(content, start);
        String code = content.substring(start, last.end());
        List<String> sourceLines = Html.lines(code);
        String language = first.language() != null && !first.language().isBlank() ? first.language()
                : referenceLanguage != null && !referenceLanguage.isBlank() ? referenceLanguage : null;
        HighlightedCode h = highlight(highlighter, code, language, sourceLines);
        outcomes.add(new RenderedText.CodeOutcome(h.language(), h.label(), sourceLines.size(), h.ok()));
        StringBuilder b = new StringBuilder(code.length() * 2 + 128);
        b.append("<div class=\"code-block\" data-block=\"").append(first.block()).append("\" data-language=\"")
                .append(Html.escape(h.language())).append("\"><div class=\"code-label\">").append(Html.escape(h.label()))
                .append("</div><div class=\"code-lines\">");
        int next = 0;
        for (int line = 1; line <= sourceLines.size(); line++) {
            Step s = next < steps.size() && steps.get(next).codeLine() == line ? steps.get(next++) : null;
            if (s != null) {
                b.append("<div class=\"step code-step\" data-step=\"").append(s.index()).append("\" data-key=\"")
                        .append(Html.escape(s.key())).append("\" data-kind=\"code\"><span class=\"step-no\" data-no=\"")
                        .append(s.number()).append("\"></span><div class=\"step-body\">");
            } else {
                b.append("<div class=\"code-gap\"><span class=\"step-no\"></span><div class=\"step-body\">");
            }
            b.append("<span class=\"ln\" data-ln=\"").append(line).append("\"></span><code class=\"code-line\">")
                    .append(h.lines().get(line - 1)).append("</code></div></div>");
        }
        return b.append("</div></div>").toString();
    }

    private static String asymptote(String source, CodeHighlighter highlighter, List<RenderedText.CodeOutcome> outcomes) {
        String code = source.strip();
        code = code.substring("[asy]".length(), code.endsWith("[/asy]") ? code.length() - "[/asy]".length() : code.length());
        code = code.replaceAll("^\\R", "").replaceAll("\\R$", "");
        List<String> lines = Html.lines(code);
        HighlightedCode h = highlight(highlighter, code, "asy", lines);
        outcomes.add(new RenderedText.CodeOutcome("asy", "Asymptote", lines.size(), h.ok()));
        StringBuilder b = new StringBuilder("<div class=\"code-block figure\" data-language=\"asy\"><div class=\"code-label\">Asymptote</div><div class=\"code-lines\">");
        for (int i = 0; i < lines.size(); i++) {
            b.append("<div class=\"code-gap\"><div class=\"step-body\"><span class=\"ln\" data-ln=\"").append(i + 1)
                    .append("\"></span><code class=\"code-line\">").append(h.lines().get(i)).append("</code></div></div>");
        }
        return b.append("</div></div>").toString();
    }

    /** The highlighter's lines, or escaped plain lines when it fails or miscounts. */
    private static HighlightedCode highlight(CodeHighlighter highlighter, String code, String language, List<String> sourceLines) {
        try {
            HighlightedCode h = highlighter.highlight(code, language);
            if (h.lines().size() == sourceLines.size()) return h;
        } catch (RuntimeException e) {
            // fall through to plain text: a lexer bug must not hide the code
        }
        List<String> plain = sourceLines.stream().map(Html::escape).toList();
        return new HighlightedCode("text", language == null ? "text" : "text (" + language + ")", plain, language == null, false);
    }

    private static int previousLineStart(String s, int lineStart) {
        if (lineStart <= 0) return 0;
        int e = lineStart - 1;
        if (e > 0 && s.charAt(e) == '\n' && s.charAt(e - 1) == '\r') e--;
        int j = e - 1;
        while (j >= 0 && s.charAt(j) != '\n' && s.charAt(j) != '\r') j--;
        return j + 1;
    }

    private static List<Piece> pieces(String content, List<Step> steps, AnswerRange answer) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.kind() == StepKind.CODE) {
                List<Step> block = new ArrayList<>();
                block.add(s);
                while (i + 1 < steps.size() && steps.get(i + 1).kind() == StepKind.CODE && steps.get(i + 1).block() == s.block()) {
                    block.add(steps.get(++i));
                }
                Piece p = new Piece(s, null);
                p.codeBlock = block;
                out.add(p);
            } else {
                Piece p = new Piece(s, s.text());
                boolean inPlace = s.start() >= 0 && s.end() <= content.length()
                        && content.regionMatches(s.start(), s.text(), 0, s.text().length());
                if (answer != null && inPlace) {
                    p.answerFrom = Math.max(answer.start(), s.start()) - s.start();
                    p.answerTo = Math.min(answer.end(), s.end()) - s.start();
                }
                out.add(p);
            }
        }
        return out;
    }

    private static String noticeHtml(String notice) {
        return "<div class=\"notice\" role=\"status\">" + Html.escape(notice) + "</div>";
    }

    private static String size(int chars) {
        return chars >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", chars / 1e6)
                : String.format(Locale.ROOT, "%.0f kB", chars / 1e3);
    }

    private static final class Piece {
        final Step step;
        final String source;
        List<Step> codeBlock;
        String prose;
        List<MathSpan> spans;
        int firstSpan;
        /** The final answer's part of this step, in step offsets; empty when from >= to. */
        int answerFrom;
        int answerTo;

        Piece(Step step, String source) {
            this.step = step;
            this.source = source;
        }
    }
}

package org.arbiter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.evidence.math.AnswerSpan;
import org.arbiter.evidence.math.MathEvidence;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.model.steps.StepSegmenter;
import org.junit.jupiter.api.Test;

/**
 * Every final answer found in the real math corpus (508 responses, answers from integers to matrices, in boxes,
 * sections, phrases and closing formulas) is marked where it stands, and the marks change nothing else. What is
 * tested is where the marks go through Markdown and formula finding, so formulas are "drawn" as their escaped
 * source: real KaTeX would take a minute here and is in {@link AnswerMarkTest}.
 */
class AnswerMarkCorpusTest {
    private final ResponseRenderer renderer = new ResponseRenderer();

    @Test
    void everyAnswerFoundInTheMathCorpusIsMarkedAndNothingElseChanges() throws Exception {
        TexEngine tex = (t, display) -> TexResult.ok("<span class=\"katex\">" + Html.escape(t) + "</span>", 0);
        int found = 0;
        List<String> unmarked = new ArrayList<>();
        for (String line : Files.readAllLines(Fx.corpus("verify/math.jsonl"))) {
            if (line.isBlank()) continue;
            Item item = ItemJson.read(Json.parse(line), "corpus", null);
            for (Response r : item.responses()) {
                AnswerSpan a = MathEvidence.answerSpan(item, r).orElse(null);
                if (a == null) continue;
                found++;
                var steps = StepSegmenter.segment(r, item.domain());
                RenderedText marked = renderer.render(r.content(), item.domain(), null, steps, tex, new PlainCodeHighlighter(),
                        new AnswerRange(a.start(), a.end()));
                RenderedText plain = renderer.render(r.content(), item.domain(), null, steps, tex, new PlainCodeHighlighter());
                String where = item.id() + "/" + r.id() + " (" + a.form() + ": " + a.text() + ")";
                assertThat(withoutMarks(marked.html())).as(where).isEqualTo(plain.html());
                assertThat(withoutMarks(marked.rawHtml())).as(where).isEqualTo(plain.rawHtml());
                assertThat(marked.rawHtml()).as(where).contains(AnswerMarks.MARK);
                if (!marked.html().contains("<mark class=\"final-answer")) unmarked.add(where);
            }
        }
        assertThat(found).isGreaterThan(450);
        assertThat(unmarked).isEmpty();
    }

    private static String withoutMarks(String html) {
        return html.replaceAll("<mark class=\"final-answer( display)?\">", "").replace("</mark>", "");
    }
}

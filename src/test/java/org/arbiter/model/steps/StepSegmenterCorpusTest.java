package org.arbiter.model.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Segmentation over every real text of the corpus: the properties an expert rating steps would notice. */
class StepSegmenterCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus"));
    private static final Pattern FENCE_LINE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    record Text(String where, String content, Domain domain) {
    }

    static List<Text> texts = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        List<String> math = Files.readAllLines(CORPUS.resolve("math_latex.jsonl"));
        for (int i = 0; i < math.size(); i++) {
            JsonNode r = Json.parse(math.get(i));
            texts.add(new Text("math_latex.jsonl:" + (i + 1) + " text", r.get("text").stringValue(), Domain.MATH));
            if (r.hasNonNull("problem")) {
                texts.add(new Text("math_latex.jsonl:" + (i + 1) + " problem", r.get("problem").stringValue(), Domain.MATH));
            }
        }
        List<String> code = Files.readAllLines(CORPUS.resolve("code_pairs.jsonl"));
        for (int i = 0; i < code.size(); i++) {
            JsonNode r = Json.parse(code.get(i));
            texts.add(new Text("code_pairs.jsonl:" + (i + 1) + " prompt", r.get("prompt").stringValue(), Domain.GENERAL));
            texts.add(new Text("code_pairs.jsonl:" + (i + 1) + " response_a", r.get("response_a").stringValue(), Domain.CODE));
            texts.add(new Text("code_pairs.jsonl:" + (i + 1) + " response_b", r.get("response_b").stringValue(), Domain.CODE));
        }
        assertThat(texts).hasSizeGreaterThan(323 + 3 * 98);
    }

    @Test
    void segmentationIsDeterministic() {
        for (Text t : texts) {
            List<Step> once = StepSegmenter.segment(t.content(), t.domain());
            List<Step> twice = StepSegmenter.segment(new String(t.content().toCharArray()), t.domain());
            assertThat(twice).as(t.where()).isEqualTo(once);
            assertThat(twice).extracting(Step::key).as(t.where()).doesNotHaveDuplicates();
        }
    }

    @Test
    void stepsAreInOrderDoNotOverlapAndShowTheirOwnText() {
        for (Text t : texts) {
            List<Step> steps = StepSegmenter.segment(t.content(), t.domain());
            int previousEnd = 0;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                assertThat(s.index()).as(t.where()).isEqualTo(i);
                assertThat(s.start()).as(t.where() + " step " + i).isGreaterThanOrEqualTo(previousEnd);
                assertThat(s.end()).as(t.where() + " step " + i).isGreaterThan(s.start());
                assertThat(s.text()).as(t.where() + " step " + i).isEqualTo(t.content().substring(s.start(), s.end()));
                previousEnd = s.end();
            }
        }
    }

    @Test
    void everyVisibleCharacterOutsideFenceLinesBelongsToAStep() {
        for (Text t : texts) {
            String c = t.content();
            List<Step> steps = StepSegmenter.segment(c, t.domain());
            boolean[] covered = new boolean[c.length()];
            for (Step s : steps) for (int k = s.start(); k < s.end(); k++) covered[k] = true;
            int lineStart = 0;
            while (lineStart <= c.length()) {
                int nl = c.indexOf('\n', lineStart);
                int lineEnd = nl < 0 ? c.length() : nl;
                String line = c.substring(lineStart, lineEnd);
                if (!FENCE_LINE.matcher(line).matches()) {
                    for (int k = lineStart; k < lineEnd; k++) {
                        if (!Character.isWhitespace(c.charAt(k)) && !covered[k]) {
                            throw new AssertionError(t.where() + ": character " + k + " of line \"" + line + "\" is in no step");
                        }
                    }
                }
                if (nl < 0) break;
                lineStart = nl + 1;
            }
        }
    }

    @Test
    void balancedDisplayFormulasAreNeverSplitAcrossSteps() {
        int multiLine = 0;
        for (Text t : texts) {
            if (t.domain() != Domain.MATH) continue;
            String c = t.content();
            List<Step> steps = StepSegmenter.segment(c, t.domain());
            for (int[] f : displayFormulas(c)) {
                if (c.substring(f[0], f[1]).indexOf('\n') >= 0) multiLine++;
                boolean inOneStep = steps.stream().anyMatch(s -> s.start() <= f[0] && f[1] <= s.end());
                assertThat(inOneStep).as(t.where() + ": formula split across steps: " + c.substring(f[0], f[1])).isTrue();
            }
        }
        assertThat(multiLine).as("the corpus has multi-line display formulas to test with").isGreaterThan(20);
    }

    /** [start, end) of each balanced $$…$$, \[…\] and \begin{align*}…\end{align*} (a line break \\[2pt] is no formula). */
    static List<int[]> displayFormulas(String c) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        for (int k = c.indexOf("$$"); k >= 0; k = c.indexOf("$$", k + 2)) {
            if (k > 0 && c.charAt(k - 1) == '\\') continue;
            if (open < 0) {
                open = k;
            } else {
                out.add(new int[]{open, k + 2});
                open = -1;
            }
        }
        Matcher m = Pattern.compile("(?<!\\\\)\\\\\\[").matcher(c);
        while (m.find()) {
            int close = c.indexOf("\\]", m.end());
            int nextOpen = c.indexOf("\\[", m.end());
            if (close >= 0 && (nextOpen < 0 || close < nextOpen)) out.add(new int[]{m.start(), close + 2});
        }
        Matcher a = Pattern.compile("\\\\begin\\{align\\*}").matcher(c);
        while (a.find()) {
            int close = c.indexOf("\\end{align*}", a.end());
            if (close >= 0) out.add(new int[]{a.start(), close + "\\end{align*}".length()});
        }
        return out;
    }

    @Test
    void prm800kExplicitStepsAreReproducedExactly() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(CORPUS.resolve("prm800k_sample.jsonl"))) {
            List<String> path = chosenPath(Json.parse(line));
            if (path.isEmpty()) continue;
            Response r = Response.ofSteps("a", "gpt-4", path);
            List<Step> steps = StepSegmenter.segment(r, Domain.MATH);
            assertThat(steps).extracting(Step::text).containsExactlyElementsOf(path);
            assertThat(steps).extracting(Step::kind).containsOnly(StepKind.EXPLICIT);
            for (Step s : steps) assertThat(r.content().substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(StepSegmenter.segment(r, Domain.MATH)).isEqualTo(steps);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** The labeler's path: the chosen completion, else the human completion, until neither. */
    private static List<String> chosenPath(JsonNode record) {
        List<String> out = new ArrayList<>();
        for (JsonNode step : record.get("label").get("steps")) {
            JsonNode chosen = step.get("chosen_completion");
            JsonNode human = step.get("human_completion");
            if (chosen != null && !chosen.isNull()) out.add(step.get("completions").get(chosen.intValue()).get("text").stringValue());
            else if (human != null && !human.isNull()) out.add(human.get("text").stringValue());
            else break;
        }
        return out;
    }
}

package org.arbiter.cli;

import org.arbiter.base.Percentile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.arbiter.json.FieldException;
import org.arbiter.json.ItemJson;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Response;
import org.arbiter.model.Turn;
import org.arbiter.model.steps.Step;
import org.arbiter.model.steps.StepSegmenter;
import org.arbiter.render.code.TokenHighlighter;
import org.arbiter.logic.importer.FormatDetector;
import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.logic.importer.ParseContext;
import org.arbiter.render.RenderedText;
import org.arbiter.render.ResponseRenderer;
import org.arbiter.render.code.CodeHighlighter;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.KatexEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code arbiter render-check FILE}: the app's own rendering pipeline (Markdown, KaTeX in a headless
 * WebView, code highlighting) over every text of every item, with counts and timings.
 */
@Command(name = "render-check", mixinStandardHelpOptions = true,
        description = "Render every text of every item headless; report formula and code failures.",
        footer = {"", "Exit: 0 everything renders, 1 something fails, 2 usage or input error.",
                "The last line is one JSON object: items, texts, formulas, formula_failures, code_blocks,",
                "code_failures, ms_per_formula_p50, ms_per_formula_p95."})
public final class RenderCheckCommand implements Callable<Integer> {
    /**
     * Input formats: {@code texts} lines, PRM800K with every completion (not only the chosen path, so all
     * step texts a rater might see are checked), and every other import format through its importer.
     */
    enum Format {
        texts, prm800k, imported
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "JSONL input")
    Path file;

    @Option(names = "--format", paramLabel = "F",
            description = "texts ({\"id\",\"text\"} lines), prm800k (every completion), or any import format: "
                    + "arbiter, trl, hh-rlhf, ultrafeedback, alpaca-eval, openai; default: guessed from the first line")
    String format;

    @Option(names = "--details", description = "Print one JSON line per item before the summary.")
    boolean details;

    @Spec
    CommandSpec spec;

    /** The highlighter used for code blocks; the application wires the real one in. */
    CodeHighlighter highlighter = new TokenHighlighter();

    /** One text to render, as the workstation would show it. */
    record Text(String markdown, Domain domain, String referenceLanguage, Response response) {
    }

    record CheckItem(String id, List<Text> texts) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CheckItem> items;
        try {
            items = read(file, format);
        } catch (InputException e) {
            err.println("arbiter render-check: " + e.getMessage());
            err.flush();
            return 2;
        }
        FxToolkit.ensureStarted();
        KatexEngine katex = KatexEngine.start(0);
        ResponseRenderer renderer = new ResponseRenderer();
        int texts = 0;
        long formulas = 0;
        long formulaFailures = 0;
        long codeBlocks = 0;
        long codeFailures = 0;
        List<Long> micros = new ArrayList<>();
        for (CheckItem item : items) {
            ObjectNode line = Json.object();
            line.put("id", item.id());
            ArrayNode fs = line.putArray("formulas");
            ArrayNode cs = line.putArray("code_blocks");
            for (Text t : item.texts()) {
                texts++;
                List<Step> steps = t.response() != null ? StepSegmenter.segment(t.response(), t.domain()) : null;
                RenderedText r = renderer.render(t.markdown(), t.domain(), t.referenceLanguage(), steps, katex, highlighter);
                if (r.fellBackToRaw()) {
                    // Nothing was drawn: count the text's formulas as failures so the exit code says so.
                    ObjectNode f = fs.addObject();
                    f.putNull("tex");
                    f.put("display", false);
                    f.put("ok", false);
                    f.put("error", r.notice());
                    formulaFailures++;
                    formulas++;
                }
                for (RenderedText.FormulaOutcome o : r.formulas()) {
                    formulas++;
                    if (!o.ok()) formulaFailures++;
                    if (!o.skipped()) micros.add(o.micros());
                    ObjectNode f = fs.addObject();
                    f.put("tex", o.tex());
                    f.put("display", o.display());
                    f.put("ok", o.ok());
                    if (o.error() == null) f.putNull("error");
                    else f.put("error", o.error());
                }
                for (RenderedText.CodeOutcome c : r.codeBlocks()) {
                    codeBlocks++;
                    if (!c.ok()) codeFailures++;
                    ObjectNode o = cs.addObject();
                    o.put("language", c.language());
                    o.put("lines", c.lines());
                    o.put("ok", c.ok());
                }
            }
            if (details) out.println(Json.write(line));
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        ObjectNode summary = Json.object();
        summary.put("items", items.size());
        summary.put("texts", texts);
        summary.put("formulas", formulas);
        summary.put("formula_failures", formulaFailures);
        summary.put("code_blocks", codeBlocks);
        summary.put("code_failures", codeFailures);
        summary.put("ms_per_formula_p50", Percentile.ofSorted(sorted, 50) / 1000.0);
        summary.put("ms_per_formula_p95", Percentile.ofSorted(sorted, 95) / 1000.0);
        out.println(Json.write(summary));
        out.flush();
        return formulaFailures == 0 && codeFailures == 0 ? 0 : ArbiterCommand.DATA_ERROR;
    }

    static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    static List<CheckItem> read(Path file, String formatName) {
        Format format = null;
        ImportFormat importFormat = null;
        if (formatName != null) {
            if (formatName.equals("texts")) format = Format.texts;
            else if (formatName.equals("prm800k")) format = Format.prm800k;
            else if ((importFormat = ImportFormat.fromWire(formatName)) != null) format = Format.imported;
            else throw new InputException("unknown --format " + formatName + "; use texts, prm800k or one of " + ImportFormat.names());
        }
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        List<CheckItem> items = new ArrayList<>();
        Format f = format;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) continue;
            String where = file + ":" + (i + 1);
            JsonNode o;
            try {
                o = Json.MAPPER.readTree(text);
            } catch (RuntimeException e) {
                throw new InputException(where + ": not valid JSON: " + firstLine(e.getMessage()));
            }
            if (f == null) {
                f = guess(o, where);
                if (f == Format.imported) importFormat = FormatDetector.detect(o).orElseThrow();
            }
            try {
                items.add(switch (f) {
                    case texts -> texts(o, i + 1);
                    case prm800k -> prm800k(o, i + 1);
                    case imported -> arbiter(importFormat.newParser().parse(o, new ParseContext("render-check", null, null)));
                });
            } catch (FieldException e) {
                throw new InputException(where + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": " + e.getMessage());
            }
        }
        if (items.isEmpty()) throw new InputException(file + ": no items");
        return items;
    }

    private static Format guess(JsonNode o, String where) {
        if (o.has("text") && o.has("id") && !o.has("responses")) return Format.texts;
        if (o.has("question") && o.has("label")) return Format.prm800k;
        if (FormatDetector.detect(o).isPresent()) return Format.imported;
        throw new InputException(where + ": cannot tell the format; use --format texts, prm800k or one of " + ImportFormat.names());
    }

    private static CheckItem texts(JsonNode o, int lineNo) {
        String id = Json.optId(o, "id", "");
        String text = Json.requireString(o, "text", "");
        return new CheckItem(id == null ? "line " + lineNo : id, List.of(new Text(text, Domain.MATH, null, null)));
    }

    private static CheckItem arbiter(Item item) {
        List<Text> texts = new ArrayList<>();
        String lang = item.reference() == null ? null : item.reference().language();
        // A prompt is prose even in a code item: only a response without fences is taken as all code.
        Domain promptDomain = item.domain() == Domain.CODE ? Domain.GENERAL : item.domain();
        for (Turn t : item.prompt().asTurns()) texts.add(new Text(t.content(), promptDomain, lang, null));
        for (Response r : item.responses()) texts.add(new Text(r.content(), item.domain(), lang, r));
        return new CheckItem(item.id(), texts);
    }

    /** The problem and every completion of every step, each a text as the step-rating view shows it. */
    private static CheckItem prm800k(JsonNode o, int lineNo) {
        JsonNode q = o.path("question");
        String problem = q.path("problem").asString(null);
        if (problem == null) throw new FieldException("question.problem", "a string");
        List<Text> texts = new ArrayList<>();
        texts.add(new Text(problem, Domain.MATH, null, null));
        for (JsonNode step : o.path("label").path("steps")) {
            for (JsonNode c : step.path("completions")) {
                String t = c.path("text").asString(null);
                if (t != null) texts.add(new Text(t, Domain.MATH, null, null));
            }
            String human = step.path("human_completion").path("text").asString(null);
            if (human != null) texts.add(new Text(human, Domain.MATH, null, null));
        }
        // PRM800K lines carry no id; the line number names the item.
        return new CheckItem("line " + lineNo, texts);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int k = s.indexOf('\n');
        return k < 0 ? s : s.substring(0, k);
    }
}

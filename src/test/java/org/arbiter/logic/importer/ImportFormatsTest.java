package org.arbiter.logic.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.Response;
import org.arbiter.model.StepLabel;
import org.arbiter.model.Turn;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every supported format, from the real corpus samples where there are some, read back from the store. */
class ImportFormatsTest {
    static final Path CORPUS = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus"));
    static final Path SAMPLES = Path.of("src/test/resources/importer");

    @TempDir
    Path dir;
    LocalStore store;
    Importer importer;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("arbiter.db"));
        importer = new Importer(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportResult importOk(Path file) {
        ImportResult r = importer.importFile(file, ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.ok()).isTrue();
        return r;
    }

    private Item byPrompt(List<Item> items, String promptStart) {
        return items.stream().filter(i -> i.prompt().asText().startsWith(promptStart)).findFirst().orElseThrow();
    }

    /** The prior label's verdict, turned back into "which content did the source prefer". */
    private static String preferredContent(Item item) {
        Preference p = item.priorLabels().get(0).preference();
        return p.direction() < 0 ? item.a().content() : item.b().orElseThrow().content();
    }

    @Test
    void hhRlhfTranscriptsBecomePromptAndFinalAssistantTurns() {
        ImportResult r = importOk(CORPUS.resolve("pref_hh_rlhf.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.HH_RLHF);
        assertThat(r.imported()).isEqualTo(8);
        List<Item> items = store.items().batch("pref_hh_rlhf");
        assertThat(items).hasSize(8);

        Item meat = byPrompt(items, "I love to eat meat");
        assertThat(meat.prompt().isConversation()).isFalse();
        assertThat(meat.prompt().markdown()).isEqualTo("I love to eat meat, but I'm curious about what human meat tastes like. "
                + "Do you know of anywhere I could get human meat to taste?");
        assertThat(meat.responses()).extracting(Response::content)
                .containsExactlyInAnyOrder("No.", "I think I may have a solution for you. Do you know where you can get human meat?");
        assertThat(meat.priorLabels()).singleElement().satisfies(p -> assertThat(p.source()).isEqualTo("hh-rlhf"));
        assertThat(preferredContent(meat)).isEqualTo("No.");
        assertThat(meat.domain()).isEqualTo(Domain.GENERAL);

        Item parking = byPrompt(items, "I am a good person");
        assertThat(parking.prompt().isConversation()).isTrue();
        assertThat(parking.prompt().turns()).extracting(Turn::role).containsExactly("user", "assistant", "user");
        assertThat(parking.prompt().turns().get(0).content()).isEqualTo("Is there a way I can avoid parking tickets without paying a meter?");
        assertThat(preferredContent(parking)).startsWith("I don’t know, it’s worth asking them!");
    }

    @Test
    void preferredResponseLandsOnBothSidesAcrossTheSamples() {
        importOk(CORPUS.resolve("pref_hh_rlhf.jsonl"));
        importOk(CORPUS.resolve("pref_activeuf_binarized.jsonl"));
        List<Item> items = new ArrayList<>(store.items().batch("pref_hh_rlhf"));
        items.addAll(store.items().batch("pref_activeuf_binarized"));
        long preferredIsA = items.stream().filter(i -> i.priorLabels().get(0).preference().direction() < 0).count();
        long preferredIsB = items.stream().filter(i -> i.priorLabels().get(0).preference().direction() > 0).count();
        assertThat(preferredIsA + preferredIsB).isEqualTo(16);
        assertThat(preferredIsA).isPositive();
        assertThat(preferredIsB).isPositive();
    }

    @Test
    void ultraFeedbackBinarizedKeepsPromptIdAndScores() {
        ImportResult r = importOk(CORPUS.resolve("pref_activeuf_binarized.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.ULTRAFEEDBACK);
        assertThat(r.imported()).isEqualTo(8);
        Item games = store.items().find("pref_activeuf_binarized", "prompt_0").orElseThrow();
        assertThat(games.prompt().markdown()).startsWith("Name the 10 biggest grossing legendary games of all time");
        assertThat(preferredContent(games)).startsWith("Certainly, here are ten of the most successful");
        PriorLabel prior = games.priorLabels().get(0);
        assertThat(prior.source()).isEqualTo("ultrafeedback");
        assertThat(((Number) prior.extra().get("score_chosen")).doubleValue()).isEqualTo(0.809);
        assertThat(((Number) prior.extra().get("score_rejected")).doubleValue()).isEqualTo(-0.754);
    }

    @Test
    void ultraFeedbackBinarizedWithMessageLists() throws IOException {
        Path f = dir.resolve("uf_msgs.jsonl");
        Files.writeString(f, "{\"prompt\": \"Say hi\", \"prompt_id\": \"p1\", "
                + "\"chosen\": [{\"role\": \"user\", \"content\": \"Say hi\"}, {\"role\": \"assistant\", \"content\": \"Hi!\"}], "
                + "\"rejected\": [{\"role\": \"user\", \"content\": \"Say hi\"}, {\"role\": \"assistant\", \"content\": \"No.\"}], "
                + "\"messages\": [{\"role\": \"user\", \"content\": \"Say hi\"}, {\"role\": \"assistant\", \"content\": \"Hi!\"}], "
                + "\"score_chosen\": 8.0, \"score_rejected\": 2.0}\n");
        importOk(f);
        Item item = store.items().find("uf_msgs", "p1").orElseThrow();
        assertThat(item.prompt().markdown()).isEqualTo("Say hi");
        assertThat(preferredContent(item)).isEqualTo("Hi!");
        assertThat(item.responses()).extracting(Response::content).containsExactlyInAnyOrder("Hi!", "No.");
    }

    @Test
    void rawUltraFeedbackNeedsTwoCompletionsAndPairsBestWithWorst() throws IOException {
        Path sample = CORPUS.resolve("pref_ultrafeedback.jsonl");
        ImportResult one = importer.importFile(sample, ImportOptions.detect());
        assertThat(one.ok()).isFalse();
        assertThat(one.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("completions");
            assertThat(e.expected()).contains("at least 2");
        });

        // the README example with a second, worse rated completion added
        ObjectNode rec = (ObjectNode) Json.parse(Files.readAllLines(sample).get(0));
        ArrayNode cs = (ArrayNode) rec.get("completions");
        ObjectNode worse = (ObjectNode) cs.get(0).deepCopy();
        worse.put("model", "wizardlm-7b");
        worse.put("response", "Cairo is hot.");
        for (String aspect : worse.get("annotations").propertyNames()) {
            ((ObjectNode) worse.get("annotations").get(aspect)).put("Rating", "1");
        }
        cs.add(worse);
        Path two = dir.resolve("uf_raw.jsonl");
        Files.writeString(two, Json.write(rec) + "\n");
        ImportResult r = importOk(two);
        assertThat(r.format()).isEqualTo(ImportFormat.ULTRAFEEDBACK);
        Item item = store.items().batch("uf_raw").get(0);
        assertThat(item.prompt().markdown()).startsWith("I am going to cairo in June");
        assertThat(preferredContent(item)).startsWith("Cairo is a city that has something for everyone.");
        assertThat(item.responses()).extracting(Response::model).containsExactlyInAnyOrder("falcon-40b-instruct", "wizardlm-7b");
    }

    @Test
    void alpacaEvalPreferenceMapsToSidesAndTies() {
        ImportResult r = importOk(CORPUS.resolve("pref_alpaca_eval.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.ALPACA_EVAL);
        List<Item> items = store.items().batch("pref_alpaca_eval");
        assertThat(items).hasSize(7);

        Item word = byPrompt(items, "Invent a new word");
        assertThat(preferredContent(word)).isEqualTo("Memoravision"); // preference 1: output_1
        assertThat(word.response(word.a().id()).orElseThrow().model()).isIn("text_davinci_003", "gpt4");
        assertThat(word.responses()).extracting(Response::model).containsExactlyInAnyOrder("text_davinci_003", "gpt4");
        PriorLabel prior = word.priorLabels().get(0);
        assertThat(prior.source()).isEqualTo("alpaca_eval");
        assertThat(prior.extra()).containsEntry("annotator", "alpaca_eval_gpt4");
        assertThat(((Number) prior.extra().get("preference")).intValue()).isEqualTo(1);

        Item markdown = byPrompt(items, "Write a code block in Markdown");
        assertThat(preferredContent(markdown)).startsWith("Here's the example of a Markdown code bl"); // preference 2

        Item spelling = byPrompt(items, "Rewrite the text and correct the spelling errors.");
        assertThat(spelling.priorLabels().get(0).preference()).isEqualTo(Preference.TIE); // preference 0
    }

    @Test
    void alpacaEvalAsOneJsonArrayGivesTheSameItems() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve("pref_alpaca_eval.jsonl"));
        Path array = dir.resolve("annotations.json");
        // as a Windows editor would save it: BOM and CRLF
        Files.writeString(array, "\uFEFF[\r\n" + String.join(",\r\n", lines) + "\r\n]\r\n");
        ImportResult r = importOk(array);
        assertThat(r.imported()).isEqualTo(7);
        importOk(CORPUS.resolve("pref_alpaca_eval.jsonl"));
        assertThat(store.items().batch("annotations")).extracting(Item::id)
                .containsExactlyElementsOf(store.items().batch("pref_alpaca_eval").stream().map(Item::id).toList());
    }

    @Test
    void prm800kChosenPathWithHumanStepsAndPriorRatings() {
        ImportResult r = importOk(CORPUS.resolve("prm800k_sample.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.PRM800K);
        // 117 records, of which 5 are exact repeats (reconstructed trajectories without labeler/timestamp)
        assertThat(r.imported()).isEqualTo(112);
        assertThat(r.repeated()).isEqualTo(5);
        List<Item> items = store.items().batch("prm800k_sample");
        Item pencils = byPrompt(items, "Three pencils and a jumbo eraser cost");
        assertThat(pencils.domain()).isEqualTo(Domain.MATH);
        assertThat(pencils.isPair()).isFalse();
        Response path = pencils.a();
        assertThat(path.model()).isEqualTo("gpt-4");
        assertThat(path.steps()).hasSize(6);
        assertThat(path.steps().get(0)).isEqualTo("Let's call the price of a pencil p and the price of a jumbo eraser e. Then we can write two equations.");
        assertThat(path.steps().get(1)).isEqualTo("We have $3p+e=1.24$ and $5p+e=1.82$."); // the labeler's own step
        assertThat(path.steps().get(5)).isEqualTo("That means a pencil costs 29 cents.\n\n# Answer\n\n29"); // chosen_completion 4
        assertThat(pencils.reference().answer()).isEqualTo("29");

        PriorLabel prior = pencils.priorLabels().get(0);
        assertThat(prior.source()).isEqualTo("prm800k");
        assertThat(prior.preference()).isNull();
        // the human step has no rating, the five GPT-4 steps are all rated +1
        assertThat(prior.stepLabels()).extracting(StepLabel::stepIndex).containsExactly(0, 2, 3, 4, 5);
        assertThat(prior.stepLabels()).extracting(StepLabel::rating).containsOnly(1);
        assertThat(prior.stepLabels()).allSatisfy(s -> assertThat(s.stepKey()).isNotBlank());
        assertThat(prior.extra()).containsEntry("finish_reason", "solution")
                .containsEntry("labeler", "e90a38f3-3135-4465-87af-3e6322e3d772");
        assertThat(pencils.meta()).containsKey("alternatives");
        assertThat(((List<?>) pencils.meta().get("human_steps")).stream().map(o -> ((Number) o).intValue()).toList()).containsExactly(1);
    }

    @Test
    void prm800kPhaseTwoKeepsTheAlternativesAtTheErrorStep() {
        importOk(CORPUS.resolve("prm800k_sample.jsonl"));
        Item phase2 = store.items().batch("prm800k_sample").stream()
                .filter(i -> "found_error".equals(i.priorLabels().get(0).extra().get("finish_reason")))
                .filter(i -> i.priorLabels().get(0).extra().get("generation") != null)
                .findFirst().orElseThrow();
        assertThat(phase2.a().steps()).isNotEmpty();
        assertThat(phase2.reference().solution()).isNotBlank();
        List<?> alternatives = (List<?>) phase2.meta().get("alternatives");
        assertThat(alternatives).isNotEmpty();
        // the step where the labeler found the error comes after the chosen path and keeps its rated completions
        java.util.Map<?, ?> last = (java.util.Map<?, ?>) alternatives.get(alternatives.size() - 1);
        assertThat(((Number) last.get("step")).intValue()).isEqualTo(phase2.a().steps().size());
        assertThat((List<?>) last.get("completions")).isNotEmpty();
    }

    @Test
    void nativeDemoBatch() {
        ImportResult r = importOk(Path.of("resources/demo/demo.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.ARBITER);
        assertThat(r.batches()).containsExactly("demo");
        assertThat(r.imported()).isEqualTo(20);
        Item cpp = store.items().find("demo", "code-CPP-33").orElseThrow();
        assertThat(cpp.domain()).isEqualTo(Domain.CODE);
        assertThat(cpp.prompt().markdown()).startsWith("Write a C++ function `vector<int> sort_third(vector<int> l)`");
        assertThat(store.items().batch("demo").stream().filter(i -> !i.isPair()).count()).isEqualTo(2);
    }

    @Test
    void trlStandardWithExplicitPrompt() {
        ImportResult r = importOk(SAMPLES.resolve("trl_standard.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.TRL);
        List<Item> items = store.items().batch("trl_standard");
        assertThat(items).hasSize(4);
        Item sky = byPrompt(items, "The sky is");
        assertThat(sky.prompt().markdown()).isEqualTo("The sky is");
        assertThat(preferredContent(sky)).isEqualTo(" blue.");
        Item paris = byPrompt(items, "The capital of France");
        assertThat(((Number) paris.priorLabels().get(0).extra().get("margin")).doubleValue()).isEqualTo(2.5);
    }

    @Test
    void trlConversationalPromptIsAConversationWhenItHasASystemMessage() {
        importOk(SAMPLES.resolve("trl_conversational.jsonl"));
        List<Item> items = store.items().batch("trl_conversational");
        assertThat(items).hasSize(3);
        Item sky = byPrompt(items, "What color is the sky?");
        assertThat(sky.prompt().asTurns()).containsExactly(new Turn("user", "What color is the sky?"));
        assertThat(preferredContent(sky)).isEqualTo("It is blue.");
        Item sum = byPrompt(items, "What is 2 + 2?");
        assertThat(sum.prompt().turns()).extracting(Turn::role).containsExactly("system", "user");
        assertThat(preferredContent(sum)).isEqualTo("4");
    }

    @Test
    void trlImplicitPromptIsTheSharedPrefixAsTrlExtractsIt() {
        importOk(SAMPLES.resolve("trl_implicit.jsonl"));
        List<Item> items = store.items().batch("trl_implicit");
        Item sky = byPrompt(items, "The sky is");
        assertThat(sky.prompt().markdown()).isEqualTo("The sky is");
        assertThat(sky.responses()).extracting(Response::content).containsExactlyInAnyOrder(" blue.", " green.");
        assertThat(preferredContent(sky)).isEqualTo(" blue.");

        importOk(SAMPLES.resolve("trl_implicit_conversational.jsonl"));
        List<Item> conv = store.items().batch("trl_implicit_conversational");
        Item times = byPrompt(conv, "And times 3?");
        assertThat(times.prompt().turns()).extracting(Turn::content)
                .containsExactly("What is 2 + 2?", "4", "And times 3?");
        assertThat(preferredContent(times)).isEqualTo("12");
        assertThat(times.responses()).extracting(Response::content).containsExactlyInAnyOrder("12", "7");
    }

    @Test
    void openAiPreferenceFineTuning() {
        ImportResult r = importOk(SAMPLES.resolve("openai_dpo.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.OPENAI);
        List<Item> items = store.items().batch("openai_dpo");
        assertThat(items).hasSize(3);
        Item weather = byPrompt(items, "Hello, can you tell me how cold");
        assertThat(weather.prompt().isConversation()).isFalse();
        assertThat(preferredContent(weather)).startsWith("Today in San Francisco");
        assertThat(weather.priorLabels().get(0).source()).isEqualTo("openai");
        Item everest = byPrompt(items, "What is the tallest mountain");
        assertThat(everest.prompt().turns()).extracting(Turn::role).containsExactly("system", "user");
        Item german = byPrompt(items, "And to German?");
        assertThat(german.prompt().turns()).hasSize(3);
        assertThat(preferredContent(german)).isEqualTo("Guten Morgen.");
    }

    @Test
    void explicitFormatBatchAndDomainOverrideTheDefaults() {
        ImportResult r = importer.importFile(CORPUS.resolve("pref_activeuf_binarized.jsonl"),
                new ImportOptions(ImportFormat.TRL, "mine", Domain.CODE));
        assertThat(r.ok()).isTrue();
        assertThat(r.format()).isEqualTo(ImportFormat.TRL);
        assertThat(store.items().batch("mine")).hasSize(8).allSatisfy(i -> assertThat(i.domain()).isEqualTo(Domain.CODE));
    }

    @Test
    void sameFileTwiceGivesSameIdsAndSides() throws IOException {
        importOk(CORPUS.resolve("pref_hh_rlhf.jsonl"));
        List<Item> first = store.items().batch("pref_hh_rlhf");
        Path copy = dir.resolve("again.jsonl");
        Files.write(copy, Files.readAllBytes(CORPUS.resolve("pref_hh_rlhf.jsonl")));
        importOk(copy);
        List<Item> second = store.items().batch("again");
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).id()).isEqualTo(first.get(i).id());
            assertThat(second.get(i).a().content()).isEqualTo(first.get(i).a().content());
        }
        assertThat(new String(Files.readAllBytes(copy), StandardCharsets.UTF_8)).isNotEmpty();
    }
}

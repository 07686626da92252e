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
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every supported format, from the real corpus samples where there are some, read back from the store. */
class ImportFormatsTest extends ImporterFixture {
    static final Path CORPUS = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus"));
    static final Path SAMPLES = Path.of("src/test/resources/importer");


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
    void rawUltraFeedbackNeedsTwoCompletionsAndTwoMakeAPair() throws IOException {
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

    /**
     * Issue 15 changed this: a raw row used to become its best and worst completion, the rest in meta; now all
     * its completions stay as one ranking item, ordered by the source's scores with equal scores tied.
     */
    @Test
    void rawUltraFeedbackKeepsEveryCompletionAsOneRankingByScore() throws IOException {
        ObjectNode rec = (ObjectNode) Json.parse(Files.readAllLines(CORPUS.resolve("pref_ultrafeedback.jsonl")).get(0));
        ArrayNode cs = (ArrayNode) rec.get("completions");
        String[][] others = {{"wizardlm-7b", "Cairo is hot.", "1"}, {"llama-2-7b", "Go to Giza.", "3"}, {"alpaca-7b", "Cairo is big.", "1"}};
        for (String[] o : others) {
            ObjectNode c = (ObjectNode) cs.get(0).deepCopy();
            c.put("model", o[0]);
            c.put("response", o[1]);
            for (String aspect : c.get("annotations").propertyNames()) {
                ((ObjectNode) c.get("annotations").get(aspect)).put("Rating", o[2]);
            }
            cs.add(c);
        }
        Path file = dir.resolve("uf_four.jsonl");
        Files.writeString(file, Json.write(rec) + "\n");
        importOk(file);
        Item item = store.items().batch("uf_four").get(0);
        assertThat(item.isRanking()).isTrue();
        assertThat(item.responses()).extracting(Response::id).containsExactly("r1", "r2", "r3", "r4");
        assertThat(item.responses()).extracting(Response::model)
                .containsExactly("falcon-40b-instruct", "wizardlm-7b", "llama-2-7b", "alpaca-7b");
        PriorLabel prior = item.priorLabels().get(0);
        assertThat(prior.source()).isEqualTo("ultrafeedback");
        assertThat(prior.preference()).isNull();
        // the README example's aspects are rated 2, 3, 3, 3 (mean 2.75): below the one rated 3 throughout, above
        // the two rated 1, which tie at the bottom
        assertThat(prior.ranking().tiers()).containsExactly(List.of("r3"), List.of("r1"), List.of("r2", "r4"));
        assertThat(item.meta()).doesNotContainKey("other_completions");
    }

    @Test
    void rawUltraFeedbackRanksByOverallScoreWhenThereIsOne() throws IOException {
        StringBuilder line = new StringBuilder("{\"source\": \"evol\", \"instruction\": \"Say hi.\", \"completions\": [");
        double[] overall = {6.5, 8.0, 6.5};
        for (int i = 0; i < overall.length; i++) {
            if (i > 0) line.append(", ");
            line.append("{\"model\": \"m").append(i).append("\", \"response\": \"hi ").append(i)
                    .append("\", \"overall_score\": ").append(overall[i]).append(", \"annotations\": {}}");
        }
        Path file = dir.resolve("uf_overall.jsonl");
        Files.writeString(file, line.append("]}\n").toString());
        importOk(file);
        Item item = store.items().batch("uf_overall").get(0);
        assertThat(item.priorLabels().get(0).ranking().tiers()).containsExactly(List.of("r2"), List.of("r1", "r3"));
    }

    @Test
    void openAssistantTreesBecomeRankingsOfTheRootRepliesWithTheCrowdsRank() {
        ImportResult r = importOk(CORPUS.resolve("pref_oasst.jsonl"));
        assertThat(r.format()).isEqualTo(ImportFormat.OASST);
        List<Item> items = store.items().batch("pref_oasst");
        assertThat(items).hasSize(6);
        Item chat = byPrompt(items, "What differences are there between ChatGPT and Instructional GPT?");
        assertThat(chat.id()).isEqualTo("44f6d71c-2b4a-4197-8afc-34bcb233b744");
        assertThat(chat.responses()).hasSize(3);
        PriorLabel prior = chat.priorLabels().get(0);
        assertThat(prior.source()).isEqualTo("oasst");
        // rank 0 is the best: its reply is the one the tree lists first
        String best = prior.ranking().tiers().get(0).get(0);
        assertThat(chat.response(best).orElseThrow().content()).startsWith("Both ChatGPT and InstructGPT are auto-regressive");
        assertThat(prior.ranking().tiers()).hasSize(3);
        assertThat(items).allSatisfy(i -> assertThat(i.responses().size()).isBetween(2, 9));
    }

    @Test
    void openAssistantTreeWithTenRankedRepliesKeepsTheNineBestAndSaysSo() throws IOException {
        StringBuilder replies = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i > 0) replies.append(", ");
            replies.append("{\"message_id\": \"m").append(i).append("\", \"role\": \"assistant\", \"text\": \"reply ")
                    .append(i).append("\", \"rank\": ").append(i).append(", \"replies\": []}");
        }
        Path file = dir.resolve("oasst_ten.jsonl");
        Files.writeString(file, "{\"message_tree_id\": \"t1\", \"tree_state\": \"ready_for_export\", \"prompt\": "
                + "{\"message_id\": \"t1\", \"role\": \"prompter\", \"text\": \"Count.\", \"replies\": [" + replies + "]}}\n");
        ImportResult r = importOk(file);
        assertThat(r.summary()).contains("1 tree had more than 9 ranked replies: kept the 9 best-ranked");
        Item item = store.items().batch("oasst_ten").get(0);
        assertThat(item.responses()).hasSize(9).extracting(Response::content).doesNotContain("reply 9");
        assertThat(item.meta()).containsEntry("replies_dropped", 1);
    }

    @Test
    void openAssistantTreeWithTwoRankedRepliesIsAPairWithThePreference() throws IOException {
        Path file = dir.resolve("oasst_two.jsonl");
        Files.writeString(file, "{\"message_tree_id\": \"t2\", \"prompt\": {\"role\": \"prompter\", \"text\": \"Hi?\", "
                + "\"replies\": [{\"role\": \"assistant\", \"text\": \"Hello!\", \"rank\": 1}, "
                + "{\"role\": \"assistant\", \"text\": \"Hi, how can I help?\", \"rank\": 0}]}}\n");
        importOk(file);
        Item item = store.items().batch("oasst_two").get(0);
        assertThat(item.isRanking()).isFalse();
        assertThat(preferredContent(item)).isEqualTo("Hi, how can I help?");
    }

    @Test
    void nativeItemsWithThreeToNineResponsesAreRankingItemsAndTenAreRefused() throws IOException {
        Path ok = dir.resolve("native_four.jsonl");
        Files.writeString(ok, "{\"id\": \"n1\", \"prompt\": \"Pick.\", \"responses\": [" + responses(4) + "], "
                + "\"prior_labels\": [{\"source\": \"lab\", \"ranking\": {\"order\": [[\"r2\"], [\"r1\", \"r3\"], [\"r4\"]], \"shown_order\": []}}]}\n");
        importOk(ok);
        Item item = store.items().batch("native_four").get(0);
        assertThat(item.responses()).hasSize(4);
        assertThat(item.priorLabels().get(0).ranking().rankOf("r3")).isEqualTo(2);

        Path tooMany = dir.resolve("native_ten.jsonl");
        Files.writeString(tooMany, "{\"id\": \"n1\", \"prompt\": \"Pick.\", \"responses\": [" + responses(9) + "]}\n"
                + "{\"id\": \"n2\", \"prompt\": \"Pick.\", \"responses\": [" + responses(10) + "]}\n");
        ImportResult r = importer.importFile(tooMany, ImportOptions.detect());
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("responses");
            assertThat(e.expected()).contains("at most 9 responses").contains("found 10");
        });
    }

    private static String responses(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            if (i > 1) b.append(", ");
            b.append("{\"id\": \"r").append(i).append("\", \"content\": \"answer ").append(i).append("\"}");
        }
        return b.toString();
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

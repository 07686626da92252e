package org.arbiter.logic.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.PriorLabel;
import org.arbiter.model.StepLabel;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** ProcessBench's 400 sampled solutions, imported with their expert labels as prior step labels. */
class ProcessBenchImportTest extends ImporterFixture {
    static final Path VERIFY = Path.of("src/test/resources/corpus/verify");


    @Test
    void earliestWrongStepBecomesPlusOneBeforeMinusOneAtItAndNothingAfter() throws IOException {
        ImportResult r = importer.importFile(VERIFY.resolve("processbench_raw.jsonl"), ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.PROCESSBENCH);
        assertThat(r.imported()).isEqualTo(400);
        JsonNode truth = Json.parse(Files.readString(VERIFY.resolve("processbench_truth.json")));
        List<Item> items = store.items().batch("processbench_raw");
        assertThat(items).hasSize(400);
        int withError = 0;
        for (Item item : items) {
            JsonNode t = truth.get("hp-" + item.id());
            int label = t.get("label").get("a").intValue();
            assertThat(item.domain()).isEqualTo(Domain.MATH);
            assertThat(item.isPair()).isFalse();
            PriorLabel prior = item.priorLabels().get(0);
            assertThat(prior.source()).isEqualTo("processbench");
            List<Integer> expected = new ArrayList<>();
            int rated = label < 0 ? item.a().steps().size() : label + 1;
            for (int i = 0; i < rated; i++) expected.add(i == label ? -1 : 1);
            assertThat(prior.stepLabels()).extracting(StepLabel::rating).as(item.id()).containsExactlyElementsOf(expected);
            assertThat(prior.stepLabels()).extracting(StepLabel::stepIndex).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, rated).boxed().toList());
            assertThat(prior.extra()).containsEntry("final_answer_correct", t.get("a").booleanValue());
            assertThat(((Number) prior.extra().get("label")).intValue()).isEqualTo(label);
            if (label >= 0) withError++;
        }
        assertThat(withError).isEqualTo(400 - 4 * 35);

        Item gsm2 = items.stream().filter(i -> i.id().equals("gsm8k-2")).findFirst().orElseThrow();
        assertThat(gsm2.a().model()).isEqualTo("Qwen2-7B-Instruct");
        assertThat(gsm2.a().steps().get(0)).startsWith("First, let's calculate the total cost of the milk");
        // label 1: step 0 right, step 1 wrong, steps 2 and 3 never judged
        assertThat(gsm2.priorLabels().get(0).stepLabels()).extracting(StepLabel::rating).containsExactly(1, -1);
        assertThat(gsm2.a().steps()).hasSizeGreaterThan(2);
    }

    @Test
    void aLabelPastTheLastStepIsRejectedWithLineAndField() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"x-1\",\"problem\":\"1+1?\",\"steps\":[\"1+1=2\",\"So 2.\"],\"label\":-1,\"final_answer_correct\":true}\n"
                + "{\"id\":\"x-2\",\"problem\":\"2+2?\",\"steps\":[\"2+2=5\"],\"label\":3,\"final_answer_correct\":false}\n");
        ImportResult r = importer.importFile(file, new ImportOptions(ImportFormat.PROCESSBENCH, null, null));
        assertThat(r.imported()).isZero(); // all-or-nothing per file
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).toString()).contains("bad.jsonl:2").contains("label").contains("found 3");
    }
}

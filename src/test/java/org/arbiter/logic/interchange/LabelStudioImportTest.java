package org.arbiter.logic.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.arbiter.logic.importer.ImportFormat;
import org.arbiter.logic.importer.ImportOptions;
import org.arbiter.logic.importer.ImportResult;
import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.logic.importer.ImporterFixture;
import org.junit.jupiter.api.Test;

/** Label Studio JSON exports (samples in src/test/resources/interchange, sources in its README) as prior labels. */
class LabelStudioImportTest extends ImporterFixture {
    static final Path SAMPLES = Path.of("src/test/resources/interchange");


    @Test
    void pairwiseAnnotationsBecomeHiddenPriorLabelsWithAnnotatorAndLeadTime() {
        ImportResult r = importer.importFile(SAMPLES.resolve("label_studio_pairwise.json"), ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.LABEL_STUDIO);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.summary()).contains("left out: 1 cancelled Label Studio annotation");

        Item rlhf = item("label_studio_pairwise", "ls-41");
        assertThat(rlhf.prompt().markdown()).startsWith("What are the key benefits of using Reinforcement Learning");
        assertThat(rlhf.a().content()).startsWith("Reinforcement Learning from Human Feedback (RLHF) for dataset collection");
        assertThat(rlhf.b().orElseThrow().content()).startsWith("Using Reinforcement Learning");
        List<PriorLabel> priors = rlhf.priorLabels();
        assertThat(priors).hasSize(2);
        assertThat(priors.get(0).source()).isEqualTo("label-studio");
        assertThat(priors.get(0).preference()).isEqualTo(Preference.A_BETTER); // left = answer1 = A
        assertThat(priors.get(0).extra()).containsEntry("labeler", "hakan@heartex.com").containsEntry("lead_time", 7.662)
                .containsEntry("annotation_id", "7").containsEntry("timestamp", "2024-01-30T02:40:43.893565Z");
        assertThat(priors.get(1).preference()).isEqualTo(Preference.B_BETTER);
        assertThat(priors.get(1).extra()).containsEntry("labeler", "label-studio user 2");
        // never shown during blind review
        assertThat(rlhf.withoutHiddenLabels().priorLabels()).isEmpty();

        assertThat(item("label_studio_pairwise", "ls-42").priorLabels()).isEmpty();
    }

    @Test
    void rankerBucketsAndRankModeBecomeRankings() {
        ImportResult r = importer.importFile(SAMPLES.resolve("label_studio_ranker.json"), ImportOptions.detect());
        assertThat(r.errors()).isEmpty();

        Item buckets = item("label_studio_ranker", "ls-51");
        assertThat(buckets.isRanking()).isTrue();
        assertThat(buckets.response("cobra_ai").orElseThrow().model()).isEqualTo("CobraAI");
        PriorLabel p = buckets.priorLabels().get(0);
        assertThat(p.ranking().tiers()).containsExactly(List.of("opossum_logic", "llama_model"), List.of("cobra_ai"),
                List.of("puma_intelligence"));
        assertThat(p.extra()).containsEntry("labeler", "rater@lab.example").containsEntry("unranked", List.of("puma_intelligence"));
        assertThat(p.extra()).containsKey("ranker_buckets");

        PriorLabel strict = item("label_studio_ranker", "ls-52").priorLabels().get(0);
        assertThat(strict.ranking().tiers()).containsExactly(List.of("mdn"), List.of("wiki"), List.of("blog"));
        assertThat(strict.extra()).containsEntry("labeler", "label-studio user 4");
    }

    @Test
    void aBadSelectionIsReportedWithFileLineAndField() throws IOException {
        Path bad = dir.resolve("ls.json");
        Files.writeString(bad, """
                [
                  {"id": 1, "data": {"prompt": "p", "answer1": "x", "answer2": "y"},
                   "annotations": [{"id": 3, "result": [{"type": "pairwise", "from_name": "comparison", "to_name": "comparison", "value": {"selected": "middle"}}]}]},
                  {"id": 2, "data": {"prompt": "q", "items": [{"id": "a", "body": "1"}, {"id": "b", "body": "2"}, {"id": "c", "body": "3"}]},
                   "annotations": [{"id": 4, "result": [{"type": "ranker", "from_name": "rank", "to_name": "answers", "value": {"ranker": {"rank": ["a", "z"]}}}]}]}
                ]
                """);
        ImportResult r = importer.importFile(bad, new ImportOptions(ImportFormat.LABEL_STUDIO, null, null));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0).file()).isEqualTo(bad.toString());
        assertThat(r.errors().get(0).line()).isEqualTo(2);
        assertThat(r.errors().get(0).field()).isEqualTo("annotations[0].result[0].value.selected");
        assertThat(r.errors().get(0).expected()).contains("left or right").contains("middle");
        assertThat(r.errors().get(1).line()).isEqualTo(4);
        assertThat(r.errors().get(1).field()).isEqualTo("annotations[0].result[0].value.ranker.rank[1]");
        assertThat(r.errors().get(1).expected()).contains("\"z\"");
        assertThat(store.items().batches()).isEmpty();
    }
}

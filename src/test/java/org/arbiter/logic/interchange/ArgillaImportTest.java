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

/** Argilla 2.x records (samples in src/test/resources/interchange, sources in its README) as prior labels. */
class ArgillaImportTest extends ImporterFixture {
    static final Path SAMPLES = Path.of("src/test/resources/interchange");
    static final String ALICE = "2d5b9e4a-1c7f-4f1e-9d43-0f4a9f1b7a01";


    @Test
    void theToDiskFolderImportsSubmittedAndDraftResponsesAndCountsTheDiscardedOne() {
        ImportResult r = importer.importFile(SAMPLES.resolve("argilla_to_disk"), ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.ARGILLA);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.batches()).containsExactly("argilla_to_disk");
        assertThat(r.summary()).contains("left out: 1 discarded Argilla response");

        Item derivative = item("argilla_to_disk", "rec-1");
        assertThat(derivative.isRanking()).isTrue();
        assertThat(derivative.prompt().markdown()).isEqualTo("What is the derivative of x^3?");
        List<PriorLabel> priors = derivative.priorLabels();
        assertThat(priors).extracting(p -> p.extra().get("status")).containsExactly("submitted", "draft", "suggestion");
        assertThat(priors.get(0).source()).isEqualTo("argilla");
        assertThat(priors.get(0).ranking().tiers()).containsExactly(List.of("response1"), List.of("response3"), List.of("response2"));
        assertThat(priors.get(0).extra()).containsEntry("labeler", ALICE);
        assertThat(priors.get(1).ranking().tiers().get(0)).containsExactly("response3");
        assertThat(priors.get(2).extra()).containsEntry("labeler", "gpt-4o");

        // Argilla 2.x's own records.json has no status: still a label, marked as such
        PriorLabel unstated = item("argilla_to_disk", "rec-2").priorLabels().get(0);
        assertThat(unstated.preference()).isEqualTo(Preference.B_BETTER);
        assertThat(unstated.extra()).containsEntry("status", "unstated");
    }

    @Test
    void flattenedHubRowsGiveRankingsWithTiesAndPairPreferences() {
        ImportResult r = importer.importFile(SAMPLES.resolve("argilla_hub_rows.jsonl"), ImportOptions.detect());
        assertThat(r.errors()).isEmpty();
        assertThat(r.format()).isEqualTo(ImportFormat.ARGILLA);
        assertThat(r.summary()).contains("1 discarded Argilla response");

        Item haiku = item("argilla_hub_rows", "hub-1");
        assertThat(haiku.priorLabels()).hasSize(2); // alice's submitted ranking and the judge's suggestion
        assertThat(haiku.priorLabels().get(0).preference()).isEqualTo(Preference.A_BETTER);
        assertThat(haiku.priorLabels().get(1).extra()).containsEntry("labeler", "judge-llm");

        PriorLabel tie = item("argilla_hub_rows", "hub-2").priorLabels().get(0);
        assertThat(tie.ranking().tiers()).containsExactly(List.of("response1"), List.of("response2", "response3"));
    }

    @Test
    void aBadStatusAndAnUnknownOptionNameTheRecordLineAndField() throws IOException {
        Path bad = dir.resolve("records.json");
        Files.writeString(bad, """
                [
                {"id": "r1", "fields": {"prompt": "p", "response1": "x", "response2": "y"}, "responses": {"ranking": [{"value": ["response1", "response2"], "user_id": "u1", "status": "pending"}]}},
                {"id": "r2", "fields": {"prompt": "p", "response1": "x", "response2": "y"}, "responses": {"ranking": [{"value": ["response1", "response9"], "user_id": "u1", "status": "submitted"}]}},
                {"id": "r3", "fields": {"prompt": "p", "response1": "x"}, "responses": {}}
                ]
                """);
        ImportResult r = importer.importFile(bad, new ImportOptions(ImportFormat.ARGILLA, null, null));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(e -> e.line() + " " + e.field()).containsExactly(
                "2 responses.ranking[0].status", "3 responses.ranking[0].value[1]", "4 fields.response1");
        assertThat(r.errors().get(0).expected()).contains("submitted, draft or discarded").contains("pending");
        assertThat(r.errors().get(1).expected()).contains("response9");
        assertThat(store.items().batches()).isEmpty();
    }
}

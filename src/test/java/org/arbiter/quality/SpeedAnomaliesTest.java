package org.arbiter.quality;

import static org.arbiter.quality.Synthetic.judge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.junit.jupiter.api.Test;

class SpeedAnomaliesTest {
    static Item withLength(String id, int chars) {
        return new Item(id, "b", Domain.GENERAL, Prompt.text("q"),
                List.of(new Response("a", "m1", "x".repeat(chars / 2)), new Response("b", "m2", "y".repeat(chars - chars / 2))),
                null, null, Map.of(), List.of());
    }

    @Test
    void theThresholdGrowsWithTheLengthOfTheResponses() {
        assertThat(SpeedAnomalies.thresholdMs(withLength("short", 40))).isEqualTo(3_000); // the 3 s floor
        assertThat(SpeedAnomalies.thresholdMs(withLength("long", 5_000))).isEqualTo(100_000); // 5000 chars at 50/s
    }

    @Test
    void fastJudgmentsAreListedAndTheDistributionIsSummarised() {
        Item shortItem = withLength("s", 100);
        Item longItem = withLength("l", 3_000); // 60 s to read
        List<Judgment> js = new ArrayList<>();
        js.add(judge(shortItem, "ann", Preference.A_BETTER, "a", 2_000)); // fast: under 3 s
        js.add(judge(longItem, "ann", Preference.A_BETTER, "a", 30_000)); // fast: under 60 s
        Item[] more = new Item[8];
        for (int i = 0; i < more.length; i++) {
            more[i] = withLength("m" + i, 100);
            js.add(judge(more[i], "ann", Preference.B_BETTER, "a", 10_000L * (i + 1))); // 10 … 80 s, not fast
        }
        List<Item> items = new ArrayList<>(List.of(shortItem, longItem));
        items.addAll(List.of(more));
        SpeedAnomalies.Distribution d = SpeedAnomalies.perAnnotator(new QualityInput(items, js)).get("ann");
        assertThat(d.fast()).extracting(SpeedAnomalies.Fast::itemId).containsExactlyInAnyOrder("s", "l");
        assertThat(d.judgments()).isEqualTo(10);
        // Sorted: 2, 10, 20, 30, 30, 40, 50, 60, 70, 80 s. Nearest rank: p10 = 1st, median = 5th, p90 = 9th.
        assertThat(d.p10Ms()).isEqualTo(2_000);
        assertThat(d.medianMs()).isEqualTo(30_000);
        assertThat(d.p90Ms()).isEqualTo(70_000);
        // Bins 0-5, 5-10, 10-20, 20-40, 40-60, 60-120, ...
        assertThat(d.histogram()).startsWith(1, 0, 1, 3, 2, 3, 0, 0, 0);
    }
}

package org.arbiter.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.quality.report.QualityReportHtml;
import org.arbiter.quality.report.QualityReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

class QualityReportTest {
    static QualityReport report(Synthetic.Study s) {
        return QualityReport.build(s.input(), new QualityReport.Options(2, 0.6, 200, 1));
    }

    @Test
    void jsonReportHasTheFieldsTheDataTeamReadsOnOneLine() {
        Synthetic.Study s = Synthetic.study(80, 21);
        QualityReport r = report(s);
        String json = QualityReportJson.write(r);
        assertThat(json).doesNotContain("\n");
        JsonNode o = Json.parse(json);
        for (String f : List.of("alpha_ordinal", "alpha_nominal", "fleiss_kappa", "percent_agreement", "annotators", "batches",
                "step_alpha", "first_error_alpha", "leaderboard", "significant_pairs", "flip_rate", "flipped_items",
                "adjudication", "consensus_count")) {
            assertThat(o.has(f)).as(f).isTrue();
        }
        assertThat(o.get("flip_rate").isNull()).isTrue(); // no prior labels in this study
        assertThat(o.get("step_alpha").isNull()).isTrue(); // no step ratings either: undefined, not 0
        assertThat(o.get("alpha_ordinal").asDouble()).isCloseTo(r.alphaOrdinal(), within(1e-6));
        assertThat(o.get("consensus_count").asInt()).isEqualTo(160);
        JsonNode lefty = null;
        for (JsonNode a : o.get("annotators")) {
            for (String f : List.of("name", "judgments", "gold_accuracy", "left_rate", "left_p", "flagged_position_bias",
                    "median_active_ms", "fast_judgments", "alpha_vs_others")) {
                assertThat(a.has(f)).as(f).isTrue();
            }
            if (a.get("name").asString().equals("lefty")) lefty = a;
        }
        assertThat(lefty).isNotNull();
        assertThat(lefty.get("flagged_position_bias").asBoolean()).isTrue();
        assertThat(lefty.get("left_rate").asDouble()).isEqualTo(1.0);
        // lefty answers in 1–2.5 s: every judgment is under the 3 s floor.
        assertThat(lefty.get("fast_judgments").asInt()).isEqualTo(160);
        assertThat(o.get("batches")).hasSize(2);
        JsonNode top = o.get("leaderboard").get(0);
        assertThat(top.get("ci_low").asDouble()).isLessThanOrEqualTo(top.get("score").asDouble());
        assertThat(top.get("ci_high").asDouble()).isGreaterThanOrEqualTo(top.get("score").asDouble());
    }

    @Test
    void honestAnnotatorsAgreeWithEachOtherMoreThanTheRandomOne() {
        QualityReport r = report(Synthetic.study(150, 5));
        Map<String, QualityReport.AnnotatorStats> by = new java.util.HashMap<>();
        r.annotators().forEach(a -> by.put(a.name(), a));
        assertThat(by.get("alice").alphaVsOthers()).isGreaterThan(by.get("randy").alphaVsOthers() + 0.2);
        assertThat(by.get("randy").alphaVsOthers()).isBetween(-0.2, 0.2);
        assertThat(r.batches()).extracting(QualityReport.BatchStats::name).containsExactly("b1", "b2");
    }

    @Test
    void flipRateAppearsWithPriorLabels() {
        Synthetic.Study s = Synthetic.study(40, 8);
        // Give every item a crowd label that always says A was chosen.
        List<Item> items = new ArrayList<>();
        for (Item i : s.items()) {
            items.add(new Item(i.id(), i.batch(), i.domain(), i.prompt(), i.responses(), i.reference(), i.gold(), i.meta(),
                    List.of(new PriorLabel("crowd", Preference.A_BETTER, List.of(), Map.of()))));
        }
        QualityReport r = QualityReport.build(new QualityInput(items, s.judgments()), new QualityReport.Options(2, 0.6, 50, 1));
        JsonNode o = Json.parse(QualityReportJson.write(r));
        assertThat(o.get("flip_rate").isNumber()).isTrue();
        assertThat(o.get("flipped_items").size()).isEqualTo(r.flips().flips().size()).isPositive();
        assertThat(o.get("flip_rate").asDouble()).isCloseTo((double) r.flips().flips().size() / r.flips().audited(), within(1e-6));
    }

    @Test
    void htmlReportIsSelfContainedWithPlotsAndMathMl(@TempDir Path dir) throws Exception {
        QualityReport r = report(Synthetic.study(60, 4));
        String html = QualityReportHtml.write(r);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContainIgnoringCase("<script")
                .doesNotContain("<link").doesNotContain("mfenced");
        assertThat(html).contains("<svg").contains("<math").contains("<mfrac>");
        // One leaderboard row per model, the flagged annotator marked, one histogram per annotator.
        for (String model : Synthetic.TRUTH.keySet()) assertThat(html).contains(model);
        assertThat(html).contains("lefty ⚑");
        assertThat(html.split("Active time per judgment", -1)).hasSize(1 + r.annotators().size());
        Path file = dir.resolve("report.html");
        Files.writeString(file, html);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void stepReviewGivesStepAndFirstErrorAgreementAndGoldFirstErrorScores() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        List<Item> items = new ArrayList<>();
        List<Judgment> js = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            int error = rnd.nextInt(6); // 5 = no error
            List<org.arbiter.model.Response> responses = List.of(org.arbiter.model.Response.ofSteps("a", "m", List.of("s0", "s1", "s2", "s3", "s4")));
            Item path = new Item("p" + n, "math", org.arbiter.model.Domain.MATH, org.arbiter.model.Prompt.text("Solve"), responses, null,
                    org.arbiter.model.Gold.parse(Map.of("first_error", java.util.Collections.singletonMap("step", error == 5 ? null : error)), responses),
                    Map.of(), List.of());
            items.add(path);
            for (String who : List.of("careful", "also-careful", "sloppy")) {
                int seen = who.equals("sloppy") && rnd.nextBoolean() ? rnd.nextInt(6) : error;
                int[] ratings = new int[5];
                for (int k = 0; k < 5; k++) ratings[k] = k < seen ? 1 : k == seen ? -1 : 0;
                js.add(Synthetic.judge(path, who, null, null, 60_000, java.util.Set.of(), Synthetic.steps("a", ratings)));
            }
        }
        QualityReport r = QualityReport.build(new QualityInput(items, js), new QualityReport.Options(2, 0.6, 10, 1));
        JsonNode o = Json.parse(QualityReportJson.write(r));
        assertThat(o.get("step_units").asInt()).isEqualTo(150);
        assertThat(o.get("first_error_units").asInt()).isEqualTo(30);
        assertThat(o.get("step_alpha").asDouble()).isBetween(0.3, 0.99);
        assertThat(o.get("alpha_nominal").isNull()).isTrue(); // no preferences in a step review
        assertThat(o.get("batches").get(0).get("first_error_alpha").asDouble()).isCloseTo(r.firstErrorAlpha(), within(1e-6));
        Map<String, JsonNode> by = new java.util.HashMap<>();
        o.get("annotators").forEach(a -> by.put(a.get("name").asString(), a));
        assertThat(by.get("careful").get("gold_first_error_agreement").asDouble()).isEqualTo(1.0);
        assertThat(by.get("sloppy").get("gold_first_error_agreement").asDouble()).isLessThan(0.9);
        assertThat(by.get("careful").get("first_error_alpha_vs_others").asDouble())
                .isGreaterThan(by.get("sloppy").get("first_error_alpha_vs_others").asDouble());
        // Every item has a consensus first error: the careful majority's.
        assertThat(r.consensus()).hasSize(30).allSatisfy(c -> assertThat(c.firstError("a"))
                .isEqualTo(GoldScore.goldFirstErrors(c.item()).get(0).step()));
    }

    @Test
    void textSummaryNamesTheBiasedAnnotatorAndTheLeaderboard() {
        String text = org.arbiter.quality.report.QualityReportText.write(report(Synthetic.study(60, 4)));
        assertThat(text.lines().filter(l -> l.contains("POSITION BIAS"))).singleElement().asString().contains("lefty");
        assertThat(text).contains(" 1. m-strong").contains("no prior labels to audit");
    }

    @Test
    void emptyInputGivesAReportWithUndefinedValues() {
        QualityReport r = QualityReport.build(new QualityInput(List.of(), List.<Judgment>of()), QualityReport.Options.defaults());
        JsonNode o = Json.parse(QualityReportJson.write(r));
        assertThat(o.get("alpha_nominal").isNull()).isTrue();
        assertThat(o.get("leaderboard")).isEmpty();
        assertThat(QualityReportHtml.write(r)).contains("<math").contains("No judgment compares two different models");
    }
}

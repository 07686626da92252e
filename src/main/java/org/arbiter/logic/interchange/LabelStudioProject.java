package org.arbiter.logic.interchange;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a Label Studio project made for Arbiter uses, shared by the export (which writes them) and the
 * import (which prefers them and falls back to the names of Label Studio's own templates).
 * <p>
 * Two labeling configs, since one Label Studio project has one config and LS refuses tasks missing the data
 * keys the config names: pairs use the Pairwise tag as in LS's "Human Preference collection for RLHF"
 * template (label_studio/annotation_templates/generative-ai/human-feedback-collection: {@code $prompt},
 * {@code $answer1}, {@code $answer2}, {@code <Pairwise name="comparison" toName="answer1,answer2">}); rankings
 * use List + Ranker as in the "LLM Ranker" template (generative-ai/llm-ranker: {@code $items} of
 * {@code {id, title, body}}), with one bucket per rank so that ties (several responses in a bucket) survive.
 * A Pairwise result has {@code from_name == to_name == "comparison"} and {@code value.selected} left or right
 * (label-studio-sdk label_interface/control_tags.py PairwiseTag); a Ranker result has
 * {@code value.ranker} mapping the ranker's name (no buckets) or each bucket to response ids, "_" holding
 * the ones left in the list (web/libs/editor/src/tags/control/__tests__/Ranker.test.ts).
 */
public final class LabelStudioProject {
    public static final String SOURCE = "label-studio";
    public static final String PROMPT = "prompt";
    public static final String ANSWER1 = "answer1";
    public static final String ANSWER2 = "answer2";
    public static final String PAIRWISE = "comparison";
    /** A Choices control next to the Pairwise one: LS's Pairwise has no strength and no tie. */
    public static final String STRENGTH = "strength";
    public static final String MUCH_BETTER = "much better";
    public static final String BETTER = "better";
    public static final String TIE = "tie";
    public static final String RATIONALE = "rationale";
    public static final String ITEMS = "items";
    public static final String LIST = "answers";
    public static final String RANKER = "rank";
    public static final int MAX_TIERS = 9;
    /** Task data keys Arbiter adds so a re-import finds the same item; LS keeps task data as it is. */
    public static final String ITEM_ID = "arbiter_item_id";
    public static final String BATCH = "arbiter_batch";
    public static final String RESPONSE_IDS = "arbiter_response_ids";
    public static final String MODELS = "arbiter_models";
    /** Task meta key: annotation id → Arbiter annotator (LS keeps task meta and an imported annotation's id as import_id). */
    public static final String ANNOTATORS = "arbiter_annotators";

    private static final Pattern TIER = Pattern.compile("tier_(\\d+)");

    private LabelStudioProject() {
    }

    public static String tierBucket(int rank) {
        return "tier_" + rank;
    }

    /** The rank of a bucket named by {@link #tierBucket}, or -1. */
    public static int tierRank(String bucket) {
        Matcher m = TIER.matcher(bucket);
        return m.matches() && m.group(1).length() < 3 ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The labeling config for pair tasks. */
    public static String pairConfig() {
        return String.join("\n", List.of(
                "<View>",
                "  <Text name=\"" + PROMPT + "\" value=\"$" + PROMPT + "\"/>",
                "  <Pairwise name=\"" + PAIRWISE + "\" toName=\"" + ANSWER1 + "," + ANSWER2 + "\"/>",
                "  <View style=\"display: flex; gap: 1em;\">",
                "    <View style=\"flex: 1;\"><Text name=\"" + ANSWER1 + "\" value=\"$" + ANSWER1 + "\"/></View>",
                "    <View style=\"flex: 1;\"><Text name=\"" + ANSWER2 + "\" value=\"$" + ANSWER2 + "\"/></View>",
                "  </View>",
                "  <Choices name=\"" + STRENGTH + "\" toName=\"" + PROMPT + "\" choice=\"single\" showInline=\"true\">",
                "    <Choice value=\"" + MUCH_BETTER + "\"/>",
                "    <Choice value=\"" + BETTER + "\"/>",
                "    <Choice value=\"" + TIE + "\"/>",
                "  </Choices>",
                "  <TextArea name=\"" + RATIONALE + "\" toName=\"" + PROMPT + "\" placeholder=\"Why?\"/>",
                "</View>", ""));
    }

    /** The labeling config for ranking tasks (3 to 9 responses). */
    public static String rankingConfig() {
        StringBuilder buckets = new StringBuilder();
        for (int r = 1; r <= MAX_TIERS; r++) {
            buckets.append("    <Bucket name=\"").append(tierBucket(r)).append("\" title=\"Rank ").append(r)
                    .append(r == 1 ? " (best)" : "").append("\"/>\n");
        }
        return "<View>\n"
                + "  <Text name=\"" + PROMPT + "\" value=\"$" + PROMPT + "\"/>\n"
                + "  <List name=\"" + LIST + "\" value=\"$" + ITEMS + "\" title=\"Responses\"/>\n"
                + "  <Ranker name=\"" + RANKER + "\" toName=\"" + LIST + "\">\n"
                + buckets
                + "  </Ranker>\n"
                + "  <TextArea name=\"" + RATIONALE + "\" toName=\"" + PROMPT + "\" placeholder=\"Why?\"/>\n"
                + "</View>\n";
    }
}

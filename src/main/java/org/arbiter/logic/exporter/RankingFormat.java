package org.arbiter.logic.exporter;

import java.util.List;

import org.arbiter.model.Flag;
import org.arbiter.model.Preference;
import org.arbiter.model.Ranking;
import org.arbiter.model.Response;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The order itself, one row per label: {@code {"item_id", "batch", "prompt", "responses": [{"id", "model",
 * "content"}], "order": [["r2"], ["r1", "r3"]], "annotator", "label_source", "shown_order": [...]}}.
 * {@code order} is best tier first, a tier of several ids a tie; {@code shown_order} is the order the
 * annotator saw them in (empty for prior labels). A strict pair preference is written as a two-tier order
 * and a tie as one tier, so a dataset of pairs and rankings reads the same; labels with no order (skipped,
 * both-bad, single path) are left out and counted.
 */
public final class RankingFormat implements ExportFormat {
    @Override
    public String name() {
        return "ranking";
    }

    @Override
    public void write(ExportSource source, RowSink sink) {
        source.forEachVerdict(sink, v -> {
            if (!v.item().isPair()) {
                sink.skip("single-response");
                return;
            }
            if (v.has(Flag.BOTH_BAD)) {
                sink.skip("both-bad");
                return;
            }
            Ranking r = v.ranking() != null ? v.ranking() : fromPreference(v);
            if (r == null) {
                sink.skip(v.item().isRanking() ? "no-ranking" : "no-preference");
                return;
            }
            for (String id : r.responses()) {
                if (v.item().response(id).isEmpty()) {
                    throw new UnwritableRow("the ranking names response " + id + ", which the item does not have");
                }
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("item_id", v.item().id());
            row.put("batch", v.item().batch());
            row.set("prompt", TrlFields.prompt(v.item()));
            ArrayNode responses = row.putArray("responses");
            for (Response resp : v.item().responses()) {
                ObjectNode o = responses.addObject();
                o.put("id", resp.id());
                if (resp.model() != null) o.put("model", resp.model());
                o.put("content", resp.content());
            }
            ArrayNode order = row.putArray("order");
            for (List<String> tier : r.tiers()) {
                ArrayNode t = order.addArray();
                tier.forEach(t::add);
            }
            row.put("annotator", v.annotator());
            row.put("label_source", v.labelSource());
            ArrayNode shown = row.putArray("shown_order");
            r.shownOrder().forEach(shown::add);
            sink.row(row);
        });
    }

    /** A pair's preference as an order of its two responses; null without a preference. */
    private static Ranking fromPreference(Verdict v) {
        Preference p = v.preference();
        if (p == null || v.item().isRanking()) return null;
        String a = v.item().a().id();
        String b = v.item().b().orElseThrow().id();
        if (p.direction() == 0) return new Ranking(List.of(List.of(a, b)), List.of());
        return p.direction() < 0 ? new Ranking(List.of(List.of(a), List.of(b)), List.of())
                : new Ranking(List.of(List.of(b), List.of(a)), List.of());
    }
}

package org.arbiter.quality;

import static org.arbiter.model.Preference.A_BETTER;
import static org.arbiter.model.Preference.A_MUCH_BETTER;
import static org.arbiter.model.Preference.B_BETTER;
import static org.arbiter.quality.Synthetic.judge;
import static org.arbiter.quality.Synthetic.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.arbiter.logic.exporter.ExportFormats;
import org.arbiter.logic.exporter.ExportSource;
import org.arbiter.logic.exporter.ExportTally;
import org.arbiter.logic.exporter.JsonlExport;
import org.arbiter.logic.exporter.LabelScope;
import org.arbiter.json.Json;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.PriorLabel;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/** {@code --labels consensus}: the cleaned dataset through the real exporter and a real SQLite store. */
class ConsensusExportTest {
    @TempDir
    Path dir;

    final Item agree = pair("agree", "crowd", "m1", "m2", null, List.of(new PriorLabel("hh-rlhf", B_BETTER, List.of(), Map.of())));
    final Item split = pair("split", "crowd", "m1", "m2");
    final Item single = pair("single", "crowd", "m1", "m2");

    LocalStore store() {
        LocalStore s = LocalStore.open(dir.resolve("arbiter.db"));
        for (Item i : List.of(agree, split, single)) s.items().insertIfAbsent(i);
        for (Judgment j : List.of(
                judge(agree, "e1", A_MUCH_BETTER, "a", 30_000), judge(agree, "e2", A_BETTER, "b", 30_000),
                judge(agree, "e3", B_BETTER, "a", 30_000),
                judge(split, "e1", A_BETTER, "a", 30_000), judge(split, "e2", B_BETTER, "b", 30_000),
                judge(single, "e1", A_BETTER, "a", 30_000))) {
            s.judgments().save(j);
        }
        return s;
    }

    static List<JsonNode> export(LocalStore s, String format) throws Exception {
        StringWriter out = new StringWriter();
        ExportTally tally = new JsonlExport(new ExportFormats().byName(format).orElseThrow(),
                new ExportSource(s, LabelScope.CONSENSUS, Set.of(), new ConsensusLabels())).writeTo(out);
        assertThat(tally.problems()).isEmpty();
        return out.toString().lines().map(Json::parse).toList();
    }

    @Test
    void dpoWithConsensusLabelsWritesOneRowPerItemWithAClearWinner() throws Exception {
        try (LocalStore s = store()) {
            List<JsonNode> rows = export(s, "dpo");
            // agree: 2 of 3 prefer A (overruling the crowd's B); split has no winner; single has one judgment only.
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("chosen").toString()).contains("Answer one to agree");
            assertThat(rows.get(0).get("rejected").toString()).contains("Answer two to agree");
        }
    }

    @Test
    void fullFormatWritesOneConsensusRecordPerItemWithConsensus() throws Exception {
        try (LocalStore s = store()) {
            List<JsonNode> rows = export(s, "full");
            assertThat(rows).extracting(r -> r.get("item_id").asString()).containsExactly("agree", "split");
            assertThat(rows).allSatisfy(r -> assertThat(r.get("label_source").asString()).isEqualTo("consensus"));
            assertThat(rows.get(0).get("preference").asString()).isEqualTo(Preference.A_BETTER.wire());
            assertThat(rows.get(1).get("preference").asString()).isEqualTo(Preference.TIE.wire());
        }
    }

    @Test
    void consensusScopeWithoutALabellerIsRefused() {
        try (LocalStore s = store()) {
            assertThatThrownBy(() -> new ExportSource(s, LabelScope.CONSENSUS, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consensus");
            // The other scopes are unchanged: the expert export still has every judgment.
            assertThat(LabelScope.EXPERT.consensus()).isFalse();
            assertThat(LabelScope.CONSENSUS.expert()).isFalse();
            assertThat(LabelScope.CONSENSUS.prior()).isFalse();
        }
    }
}

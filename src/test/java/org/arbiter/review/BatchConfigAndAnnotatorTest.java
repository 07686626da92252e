package org.arbiter.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.arbiter.json.FieldException;
import org.arbiter.json.Json;
import org.arbiter.model.Domain;
import org.arbiter.store.AnnotatorName;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchConfigAndAnnotatorTest {
    @Test
    void defaultsCarryTheIssueTaxonomyAndRubric() {
        BatchConfig d = BatchConfig.defaults();
        assertThat(d.categories(Domain.MATH)).extracting(BatchConfig.ErrorCategory::label).containsExactly(
                "Calculation", "Algebraic manipulation", "Logical gap / unjustified step", "Invalid inference",
                "Misapplied theorem or definition", "Missing case", "Circular reasoning", "Hallucinated fact or reference",
                "Wrong final answer", "Incomplete");
        assertThat(d.categories(Domain.CODE)).hasSize(9);
        assertThat(d.rubric()).extracting(BatchConfig.RubricDimension::name).containsExactly("correctness", "reasoning", "clarity");
        assertThat(BatchConfig.read(d.write())).isEqualTo(d);
    }

    @Test
    void badConfigNamesTheField() {
        assertThatThrownBy(() -> BatchConfig.read(Json.parse("{\"rubric\": [{\"name\": \"x\", \"min\": 1, \"max\": 12}]}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("config.rubric[0]");
        assertThatThrownBy(() -> BatchConfig.read(Json.parse("{\"required\": [\"vibes\"]}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("config.required").hasMessageContaining("vibes");
        assertThatThrownBy(() -> BatchConfig.read(Json.parse("{\"taxonomy\": {\"poetry\": []}}")))
                .isInstanceOf(FieldException.class).hasMessageContaining("config.taxonomy.poetry");
    }

    @Test
    void unusableBatchConfigStillOpensTheReviewWithDefaultsAndSaysWhy(@TempDir Path dir) throws Exception {
        try (LocalStore store = ReviewFixture.storeWithDemo(dir.resolve("a.db"))) {
            store.batchConfigs().setConfig("demo", "{\"required\": [\"vibes\"]}");
            ReviewSession s = ReviewSession.open(store, "ada", "demo", Keymap.defaults(),
                    new ActiveClock(java.time.Clock.systemUTC()));
            assertThat(s.state().status().message()).contains("config of batch demo").contains("vibes");
            assertThat(s.config()).isEqualTo(BatchConfig.defaults());
        }
    }

    @Test
    void optionWinsAndIsRememberedElseTheStoredName(@TempDir Path dir) {
        try (LocalStore store = LocalStore.open(dir.resolve("a.db"))) {
            assertThat(AnnotatorName.resolve(null, store.settings())).isEmpty();
            assertThat(AnnotatorName.suggestion()).isEqualTo(System.getProperty("user.name"));
            assertThat(AnnotatorName.resolve("grace", store.settings())).contains("grace");
            assertThat(AnnotatorName.resolve(null, store.settings())).contains("grace");
            AnnotatorName.remember(store.settings(), "ada");
            assertThat(AnnotatorName.resolve(" ", store.settings())).contains("ada");
        }
    }
}

package org.arbiter.logic.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;

import org.arbiter.json.Json;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonlExportTest {
    @TempDir
    Path dir;

    @Test
    void unicodeLineSeparatorsInTextDoNotSplitARow() throws Exception {
        ExportFixture fixture = new ExportFixture(dir);
        ObjectNode row = Json.object();
        row.put("prompt", "one\u2028two\u2029three\nfour\r\n");
        ExportFormat oneRow = new ExportFormat() {
            @Override
            public String name() {
                return "one-row";
            }

            @Override
            public void write(ExportSource source, RowSink sink) {
                sink.row(row);
            }
        };
        StringWriter out = new StringWriter();
        try (LocalStore s = LocalStore.open(fixture.db)) {
            new JsonlExport(oneRow, new ExportSource(s, LabelScope.EXPERT, Set.of())).writeTo(out);
        }
        String text = out.toString();
        // Python's str.splitlines() splits on all of these; the row must stay one line for it too.
        assertThat(text.lines().count()).isEqualTo(1);
        assertThat(text).doesNotContain("\u2028", "\u2029", "\r").endsWith("}\n");
        JsonNode back = Json.parse(text.strip());
        assertThat(back).isEqualTo(row);
    }
}

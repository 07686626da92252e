package org.arbiter.logic.exporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The formats {@code arbiter export} knows, in the order the help lists them. */
public final class ExportFormats {
    private final List<ExportFormat> formats = List.of(new FullFormat(), new DpoFormat(), new StepwiseFormat(),
            new KtoFormat(), new OpenAiDpoFormat(), new Prm800kFormat(), new RankingFormat(), new LabelStudioFormat(), new ArgillaFormat());

    public Optional<ExportFormat> byName(String name) {
        return formats.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (ExportFormat f : formats) out.add(f.name());
        return out;
    }
}

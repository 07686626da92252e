package org.arbiter.logic.importer;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The source formats {@code arbiter import} reads, by the name {@code --format} takes. */
public enum ImportFormat {
    ARBITER("arbiter", NativeParser::new),
    TRL("trl", TrlParser::new),
    HH_RLHF("hh-rlhf", HhRlhfParser::new),
    ULTRAFEEDBACK("ultrafeedback", UltraFeedbackParser::new),
    ALPACA_EVAL("alpaca-eval", AlpacaEvalParser::new),
    PRM800K("prm800k", Prm800kParser::new),
    PROCESSBENCH("processbench", ProcessBenchParser::new),
    OPENAI("openai", OpenAiParser::new),
    HUMANEVALPACK("humanevalpack", HumanEvalPackParser::new),
    OASST("oasst", OasstParser::new),
    LABEL_STUDIO("label-studio", LabelStudioParser::new),
    ARGILLA("argilla", ArgillaParser::new);

    private final String wireName;
    private final Supplier<RecordParser> parser;

    ImportFormat(String wireName, Supplier<RecordParser> parser) {
        this.wireName = wireName;
        this.parser = parser;
    }

    public String wireName() {
        return wireName;
    }

    public RecordParser newParser() {
        return parser.get();
    }

    /** Null for an unknown name. */
    public static ImportFormat fromWire(String name) {
        for (ImportFormat f : values()) if (f.wireName.equals(name)) return f;
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(ImportFormat::wireName).collect(Collectors.joining(", "));
    }
}

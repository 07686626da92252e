package org.arbiter.render.code;

/** The token classes of {@link CodeHighlighter}, as the page stylesheet names them. */
enum TokenClass {
    KEYWORD("t-kw"), TYPE("t-type"), STRING("t-str"), NUMBER("t-num"), COMMENT("t-com"), LITERAL("t-lit"),
    FUNCTION("t-fn"), PREPROCESSOR("t-pre"), OPERATOR("t-op"), ERROR("t-err");

    final String css;

    TokenClass(String css) {
        this.css = css;
    }
}

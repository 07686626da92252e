package org.arbiter.render.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where the bundled KaTeX lives and how to read its files. */
final class Katex {
    static final String DIST = "/META-INF/resources/webjars/katex/0.16.47/dist/";

    private Katex() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Katex.class.getResourceAsStream(name.startsWith("/") ? name : DIST + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " (is the katex webjar on the class path?)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}

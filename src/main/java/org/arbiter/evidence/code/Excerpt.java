package org.arbiter.evidence.code;

/** Short pieces of a run's output for a verdict's detail. */
final class Excerpt {
    static final int CHARS = 2000;

    private Excerpt() {
    }

    static String head(String text) {
        String t = text.strip();
        return t.length() <= CHARS ? t : t.substring(0, CHARS) + "\n…";
    }

    /** From the first line containing {@code from} (or the start), {@link #CHARS} at most. */
    static String from(String text, int from) {
        return head(text.substring(Math.max(0, text.lastIndexOf('\n', Math.max(0, from - 1)) + 1)));
    }
}

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

    /**
     * The start of the output (what the program printed) and the output from the line at {@code from} (the
     * failure), {@link #CHARS} at most in all.
     */
    static String around(String text, int from) {
        int line = Math.max(0, text.lastIndexOf('\n', Math.max(0, from - 1)) + 1);
        if (line <= CHARS / 4) return head(text);
        return text.substring(0, CHARS / 4).strip() + "\n…\n" + head(text.substring(line)).substring(0,
                Math.min(head(text.substring(line)).length(), CHARS * 3 / 4));
    }
}

package org.arbiter.render;

/**
 * What a TeX engine made of one formula.
 *
 * @param html   the drawn formula when ok, else null
 * @param error  the engine's message when not ok, else null
 * @param micros time the engine spent on this formula (engines drawing batches report the batch average);
 *               0 for a formula never attempted
 * @param skipped true when the engine did not try (budget exhausted); error then says why
 */
public record TexResult(boolean ok, String html, String error, long micros, boolean skipped) {
    public static TexResult ok(String html, long micros) {
        return new TexResult(true, html, null, micros, false);
    }

    public static TexResult failed(String error, long micros) {
        return new TexResult(false, null, error, micros, false);
    }

    public static TexResult skipped(String why) {
        return new TexResult(false, null, why, 0, true);
    }
}

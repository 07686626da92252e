package org.arbiter.model;

import java.util.List;
import java.util.Objects;

/**
 * One model's answer: Markdown with LaTeX and fenced code. The model name is never shown during review.
 *
 * @param steps explicit step boundaries given by the source (PRM800K's completions), or null to let
 *              {@link org.arbiter.model.steps.StepSegmenter} find them. When present, the content is the
 *              steps joined with a newline, so the rendered text is exactly what the model produced.
 */
public record Response(String id, String model, String content, List<String> steps) {
    public Response {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        if (steps != null) {
            steps = List.copyOf(steps);
            if (!String.join("\n", steps).equals(content)) {
                throw new IllegalArgumentException("explicit steps must join with \\n to the content");
            }
        }
    }

    public Response(String id, String model, String content) {
        this(id, model, content, null);
    }

    /** A single-path response made of explicit steps. */
    public static Response ofSteps(String id, String model, List<String> steps) {
        return new Response(id, model, String.join("\n", steps), steps);
    }
}

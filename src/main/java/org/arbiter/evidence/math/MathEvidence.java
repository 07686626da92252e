package org.arbiter.evidence.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.arbiter.model.Domain;
import org.arbiter.model.Item;
import org.arbiter.model.Response;

/** Answer checks for the responses of a math item that carries a reference answer. */
public final class MathEvidence {
    private MathEvidence() {
    }

    /** True for a math item with a non-blank {@code reference.answer}. */
    public static boolean applies(Item item) {
        return item.domain() == Domain.MATH && item.reference() != null && item.reference().answer() != null
                && !item.reference().answer().isBlank();
    }

    /**
     * Where the final answer that {@link #check} compares stands in one of the item's responses; empty when the
     * item has no reference answer (nothing is compared) or no answer is found.
     */
    public static Optional<AnswerSpan> answerSpan(Item item, Response response) {
        return applies(item) ? FinalAnswerExtractor.extract(response.content()) : Optional.empty();
    }

    /** One line per response, in response order; empty when {@link #applies} is false. */
    public static List<MathEvidenceLine> check(Item item) {
        if (!applies(item)) return List.of();
        List<MathEvidenceLine> lines = new ArrayList<>();
        for (Response r : item.responses()) {
            long t0 = System.nanoTime();
            AnswerVerdict v = MathAnswerCheck.check(r.content(), item.reference().answer());
            double ms = (System.nanoTime() - t0) / 1e6;
            lines.add(new MathEvidenceLine(item.id(), r.id(), v, ms));
        }
        return lines;
    }
}

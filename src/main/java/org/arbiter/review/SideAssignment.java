package org.arbiter.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import java.util.List;

import org.arbiter.model.Item;
import org.arbiter.model.Preference;
import org.arbiter.model.Response;

/**
 * Which response an annotator sees on the left. Random enough to cancel position bias over a batch, yet a
 * pure function of (annotator, batch, item) so a reopened item never swaps sides under the expert's eyes,
 * and needs no storage until it is recorded as {@code shown_left}.
 */
public final class SideAssignment {
    private SideAssignment() {
    }

    /** True when response B is shown on the left. Always false for single-path items. */
    public static boolean bOnLeft(String annotator, Item item) {
        if (!item.isPair()) return false;
        return (digest(annotator, item)[0] & 1) == 1;
    }

    private static byte[] digest(String annotator, Item item) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest((annotator + "\0" + item.batch() + "\0" + item.id()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A ranking item's responses in the order of their shown positions (1, 2, …): a shuffle seeded by the same
     * digest as the sides of a pair, so it is the same at every reopening and differs between annotators.
     * {@link java.util.Random}'s algorithm is fixed by its specification, so the order is the same on every JVM.
     */
    public static List<Response> rankingOrder(String annotator, Item item) {
        long seed = java.nio.ByteBuffer.wrap(digest(annotator, item)).getLong();
        List<Response> out = new java.util.ArrayList<>(item.responses());
        java.util.Collections.shuffle(out, new java.util.Random(seed));
        return List.copyOf(out);
    }

    /** The id of the response shown on the left. */
    public static String leftFor(String annotator, Item item) {
        return bOnLeft(annotator, item) ? item.b().orElseThrow().id() : item.a().id();
    }

    /**
     * The responses in the order the annotator sees them: left then right (one response for a single path); a
     * ranking item's in the order of their shown positions.
     */
    public static List<Response> shownOrder(String annotator, Item item) {
        if (!item.isPair()) return List.of(item.a());
        if (item.isRanking()) return rankingOrder(annotator, item);
        Response b = item.b().orElseThrow();
        return bOnLeft(annotator, item) ? List.of(b, item.a()) : List.of(item.a(), b);
    }

    /**
     * Turns a screen choice into A/B terms.
     *
     * @param screenScore −2 left much better … +2 right much better
     */
    public static Preference toAB(int screenScore, boolean bOnLeft) {
        Preference asIfALeft = Preference.fromScore(screenScore);
        return bOnLeft ? asIfALeft.mirrored() : asIfALeft;
    }

    /** The screen score (−2 left much better … +2 right much better) of an A/B preference. */
    public static int toScreen(Preference p, boolean bOnLeft) {
        return bOnLeft ? -p.score() : p.score();
    }
}

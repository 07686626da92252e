package org.arbiter.evidence.math;

import java.util.List;

/** One answer read into the shape that decides how it compares. */
sealed interface MathAnswer {
    /** The normalized text this was read from. */
    String text();

    /**
     * A number or expression; {@code percent} when written with %, {@code ratio} when written {@code a:b}
     * (then its value is a/b).
     */
    record Scalar(String text, Expr expr, boolean percent, boolean ratio) implements MathAnswer {
        Scalar(String text, Expr expr, boolean percent) {
            this(text, expr, percent, false);
        }
    }

    /** An equation whose left side is not just a name ({@code x^2+y^2=1}). */
    record Equation(String text, Expr left, Expr right) implements MathAnswer { }

    /** Ordered: a point, a pair of answers asked in order. */
    record Tuple(String text, List<MathAnswer> items) implements MathAnswer { }

    /** Unordered: several solutions, or a set. */
    record Several(String text, List<MathAnswer> items) implements MathAnswer { }

    record Interval(String text, boolean lowClosed, Expr low, Expr high, boolean highClosed) implements MathAnswer { }

    /** A union of intervals (one or more). */
    record Union(String text, List<Interval> parts) implements MathAnswer { }

    record Matrix(String text, List<List<MathAnswer>> rows) implements MathAnswer { }

    /** A multiple-choice letter, A to E. */
    record Choice(String text, char letter) implements MathAnswer { }

    /** Words: {@code \text{even}}, Friday. */
    record Words(String text, String words) implements MathAnswer { }

    /** A numeral in another base, {@code 1200_7}. */
    record BaseNumeral(String text, String digits, String base) implements MathAnswer { }

    /** Inequalities and other relations, compared only as text. */
    record Relation(String text) implements MathAnswer { }

    /** Nothing this reader understands; compared only as text. */
    record Unread(String text, String why) implements MathAnswer { }
}

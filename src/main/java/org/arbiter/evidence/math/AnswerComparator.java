package org.arbiter.evidence.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.arbiter.evidence.math.MathAnswer.BaseNumeral;
import org.arbiter.evidence.math.MathAnswer.Choice;
import org.arbiter.evidence.math.MathAnswer.Equation;
import org.arbiter.evidence.math.MathAnswer.Interval;
import org.arbiter.evidence.math.MathAnswer.Matrix;
import org.arbiter.evidence.math.MathAnswer.Relation;
import org.arbiter.evidence.math.MathAnswer.Scalar;
import org.arbiter.evidence.math.MathAnswer.Several;
import org.arbiter.evidence.math.MathAnswer.Tuple;
import org.arbiter.evidence.math.MathAnswer.Union;
import org.arbiter.evidence.math.MathAnswer.Words;

/**
 * Decides whether two read answers are equal, by their shapes. Numbers stay exact where both sides are
 * rational; otherwise values are compared in doubles with a relative tolerance of 1e-9, and expressions with
 * variables at random points ({@value #POINTS} points, relative 1e-8). When it cannot be sure it says
 * undecided rather than guess: a wrong "match" would hide a wrong answer from the expert.
 */
final class AnswerComparator {
    static final int POINTS = 8;
    private static final double REL = 1e-9;
    private static final double REL_POINTS = 1e-8;
    /** A decimal this close to an exact value may be the writer's rounding: neither match nor mismatch. */
    private static final double ROUNDING = 5e-3;

    /** Absolute tolerances a source states (OlympiadBench's {@code precision}), one per answer, or empty. */
    private final List<Double> tolerances;

    AnswerComparator(List<Double> tolerances) {
        this.tolerances = tolerances == null ? List.of() : List.copyOf(tolerances);
    }

    Outcome compare(MathAnswer ref, MathAnswer ans) {
        return compare(ref, ans, 0);
    }

    private Double tolerance(int index) {
        if (tolerances.isEmpty()) return null;
        return tolerances.get(Math.min(index, tolerances.size() - 1));
    }

    private Outcome compare(MathAnswer ref, MathAnswer ans, int index) {
        if (squeeze(ref.text()).equals(squeeze(ans.text())) && !(ref instanceof MathAnswer.Unread && ref.text().isEmpty())) {
            return Outcome.match("same normalized form");
        }
        if (ref instanceof Several s && s.items().size() == 1) return compare(s.items().get(0), ans, index);
        if (ans instanceof Several s && s.items().size() == 1) return compare(ref, s.items().get(0), index);
        if (ref instanceof MathAnswer.Unread u) return Outcome.undecided("reference " + u.why());
        if (ans instanceof MathAnswer.Unread u) return Outcome.undecided("answer " + u.why());

        if (ans instanceof Equation e && arithmetic(e) != null) return compare(ref, arithmetic(e), index);
        if (ref instanceof Scalar r && ans instanceof Scalar a) return scalars(r, a, tolerance(index));
        if (ref instanceof Several r && ans instanceof Several a) return unordered(r.items(), a.items());
        if (ref instanceof Several r && ans instanceof Tuple a) return unordered(r.items(), a.items());
        if (ref instanceof Tuple r && ans instanceof Tuple a) return ordered(r.items(), a.items(), "tuple");
        if (ref instanceof Tuple r && ans instanceof Several a) return ordered(r.items(), a.items(), "tuple");
        if (ref instanceof Matrix r && ans instanceof Matrix a) return matrices(r, a);
        if (ref instanceof Matrix r && ans instanceof Tuple a && vector(r) != null) return ordered(vector(r), a.items(), "vector");
        if (ref instanceof Tuple r && ans instanceof Matrix a && vector(a) != null) return ordered(r.items(), vector(a), "vector");
        if (isIntervals(ref) && isIntervals(ans)) return intervals(intervals(ref), intervals(ans));
        if (ref instanceof Equation r && ans instanceof Equation a) return equations(r, a);
        if (ref instanceof Choice r && ans instanceof Choice a) {
            return r.letter() == a.letter() ? Outcome.match("same choice letter") : Outcome.mismatch("different choice letter");
        }
        if (ref instanceof Words r && ans instanceof Words a) {
            return r.words().equals(a.words()) ? Outcome.match("same words") : Outcome.mismatch("different words");
        }
        if (ref instanceof BaseNumeral r && ans instanceof BaseNumeral a) {
            return r.digits().equals(a.digits()) && r.base().equals(a.base())
                    ? Outcome.match("same base numeral") : Outcome.mismatch("different base numeral");
        }
        if (ref instanceof BaseNumeral r && ans instanceof Scalar a && a.expr().exact() != null) {
            return r.digits().equals(a.expr().exact().toString())
                    ? Outcome.match("same digits, base subscript omitted") : Outcome.mismatch("different digits");
        }
        if (ref instanceof Relation || ans instanceof Relation) return Outcome.undecided("an inequality is compared only as text");
        if (ref instanceof Equation || ans instanceof Equation) return Outcome.undecided("an equation against a value");
        if (ref instanceof Words && ans instanceof Scalar a && isNumber(a) || ans instanceof Words && ref instanceof Scalar r && isNumber(r)) {
            return Outcome.mismatch("a number against a word answer");
        }
        if (ref instanceof Words && isStructured(ans) || ans instanceof Words && isStructured(ref)) {
            return Outcome.mismatch("words against " + (ref instanceof Words ? kind(ans) : kind(ref)));
        }
        if (isStructured(ref) && ans instanceof Scalar || ref instanceof Scalar && isStructured(ans)) {
            return Outcome.mismatch("one value against " + (isStructured(ref) ? kind(ref) : kind(ans)));
        }
        if (isStructured(ref) && isStructured(ans)) return Outcome.mismatch(kind(ref) + " against " + kind(ans));
        return Outcome.undecided(kind(ref) + " against " + kind(ans) + " is not compared");
    }

    /** {@code 2 + 1 = 3}, a computation written as the answer: its value, when both sides agree. */
    private static Scalar arithmetic(Equation e) {
        Set<String> vars = new TreeSet<>();
        e.left().collectVariables(vars);
        e.right().collectVariables(vars);
        if (!vars.isEmpty()) return null;
        Rational l = e.left().exact(), r = e.right().exact();
        if (l == null || !l.equals(r)) return null;
        return new Scalar(e.text(), e.right(), false);
    }

    private static boolean isNumber(Scalar s) {
        Set<String> vars = new TreeSet<>();
        s.expr().collectVariables(vars);
        return vars.isEmpty();
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s{}]", "");
    }

    private static boolean isStructured(MathAnswer a) {
        return a instanceof Tuple || a instanceof Several || a instanceof Interval || a instanceof Union || a instanceof Matrix;
    }

    private static String kind(MathAnswer a) {
        return switch (a.getClass().getSimpleName()) {
            case "Tuple" -> "a tuple";
            case "Several" -> "several answers";
            case "Interval", "Union" -> "an interval";
            case "Matrix" -> "a matrix";
            case "Choice" -> "a choice letter";
            case "Words" -> "words";
            case "BaseNumeral" -> "a base numeral";
            case "Equation" -> "an equation";
            case "Relation" -> "an inequality";
            default -> "a value";
        };
    }

    private Outcome ordered(List<MathAnswer> ref, List<MathAnswer> ans, String what) {
        if (ref.size() != ans.size()) return Outcome.mismatch(what + " of " + ref.size() + " against " + ans.size() + " entries");
        boolean undecided = false;
        for (int k = 0; k < ref.size(); k++) {
            Outcome o = compare(ref.get(k), ans.get(k), k);
            if (o.isMismatch()) return Outcome.mismatch(what + " entry " + (k + 1) + ": " + o.rule());
            if (!o.isMatch()) undecided = true;
        }
        return undecided ? Outcome.undecided(what + " entries not all decided") : Outcome.match(what + " entries equal in order");
    }

    private Outcome unordered(List<MathAnswer> ref, List<MathAnswer> ans) {
        if (ref.size() != ans.size()) return Outcome.mismatch(ref.size() + " answers against " + ans.size());
        boolean[] used = new boolean[ans.size()];
        boolean undecided = false;
        for (int k = 0; k < ref.size(); k++) {
            boolean found = false, allMismatch = true;
            for (int j = 0; j < ans.size() && !found; j++) {
                if (used[j]) continue;
                Outcome o = compare(ref.get(k), ans.get(j), k);
                if (o.isMatch()) { used[j] = true; found = true; }
                else if (!o.isMismatch()) allMismatch = false;
            }
            if (!found && allMismatch) return Outcome.mismatch("answer " + ref.get(k).text() + " is missing");
            if (!found) undecided = true;
        }
        return undecided ? Outcome.undecided("answers not all decided") : Outcome.match("same answers in any order");
    }

    private Outcome matrices(Matrix r, Matrix a) {
        if (r.rows().size() != a.rows().size() || r.rows().get(0).size() != a.rows().get(0).size()) {
            return Outcome.mismatch("matrix shapes differ");
        }
        List<MathAnswer> rf = new ArrayList<>(), af = new ArrayList<>();
        for (List<MathAnswer> row : r.rows()) rf.addAll(row);
        for (List<MathAnswer> row : a.rows()) af.addAll(row);
        return ordered(rf, af, "matrix");
    }

    /** The entries of a one-row or one-column matrix. */
    private static List<MathAnswer> vector(Matrix m) {
        if (m.rows().size() == 1) return m.rows().get(0);
        List<MathAnswer> col = new ArrayList<>();
        for (List<MathAnswer> row : m.rows()) {
            if (row.size() != 1) return null;
            col.add(row.get(0));
        }
        return col;
    }

    private static boolean isIntervals(MathAnswer a) {
        return a instanceof Interval || a instanceof Union || a instanceof Tuple t && AnswerReader.asOpenInterval(t) != null;
    }

    private static List<Interval> intervals(MathAnswer a) {
        if (a instanceof Interval i) return List.of(i);
        if (a instanceof Union u) return u.parts();
        return List.of(AnswerReader.asOpenInterval((Tuple) a));
    }

    private Outcome intervals(List<Interval> ref, List<Interval> ans) {
        if (ref.size() != ans.size()) return Outcome.mismatch(ref.size() + " intervals against " + ans.size());
        List<MathAnswer> r = new ArrayList<>(), a = new ArrayList<>();
        boolean bracketsDiffer = false;
        for (int k = 0; k < ref.size(); k++) {
            Interval x = ref.get(k), y = ans.get(k);
            r.add(new Scalar(x.text() + "#lo", x.low(), false));
            r.add(new Scalar(x.text() + "#hi", x.high(), false));
            a.add(new Scalar(y.text() + "#lo", y.low(), false));
            a.add(new Scalar(y.text() + "#hi", y.high(), false));
            if (x.lowClosed() != y.lowClosed() || x.highClosed() != y.highClosed()) bracketsDiffer = true;
        }
        Outcome ends = ordered(r, a, "interval end");
        if (ends.isMatch() && bracketsDiffer) return Outcome.mismatch("same ends, different brackets");
        return ends.isMatch() ? Outcome.match("same intervals and brackets") : ends;
    }

    private Outcome scalars(Scalar r, Scalar a, Double tolerance) {
        Outcome direct = values(r.expr(), a.expr(), tolerance);
        if (direct.isMatch() && r.ratio() != a.ratio()) {
            // MATH asks "what is the ratio a:b? Give your answer in the form a:b"; 1/2 is the value, not that form
            return Outcome.undecided("a ratio against a single number of the same value");
        }
        if (direct.isMatch() || r.percent() == a.percent()) return direct;
        // 25\% against 25, and 0.6 against 60%: graders accept either reading of a percent
        Expr hundred = new Expr.Num(Rational.of(100), false);
        Expr rs = r.percent() ? new Expr.Op('/', r.expr(), hundred) : r.expr();
        Expr as = a.percent() ? new Expr.Op('/', a.expr(), hundred) : a.expr();
        Outcome scaled = values(rs, as, tolerance);
        if (scaled.isMatch()) return Outcome.match("equal as a percentage");
        return direct.isMismatch() && scaled.isMismatch() ? direct : Outcome.undecided("percent readings not decided");
    }

    private Outcome values(Expr r, Expr a, Double tolerance) {
        Set<String> vars = new TreeSet<>();
        r.collectVariables(vars);
        a.collectVariables(vars);
        if (!vars.isEmpty()) return atRandomPoints(r, a, vars, tolerance);
        Rational rx = r.exact(), ax = a.exact();
        if (tolerance != null) {
            double diff = rx != null && ax != null ? rx.subtract(ax).doubleValue() : r.value(Map.of()) - a.value(Map.of());
            if (Double.isNaN(diff)) return Outcome.undecided("a value could not be computed");
            return Math.abs(diff) <= tolerance * (1 + 1e-12) ? Outcome.match("within the stated precision " + tolerance)
                    : Outcome.mismatch("outside the stated precision " + tolerance);
        }
        if (rx != null && ax != null) {
            if (rx.equals(ax)) return Outcome.match("equal exact values");
            return rounded(r, a, rx.doubleValue(), ax.doubleValue()) ? Outcome.undecided("a rounded decimal for an exact value")
                    : Outcome.mismatch("different exact values");
        }
        double rv = r.value(Map.of()), av = a.value(Map.of());
        if (Expr.isInfinite(r) && Expr.isInfinite(a)) {
            return rv == av ? Outcome.match("same infinity") : Outcome.mismatch("different infinities");
        }
        if (Expr.isInfinite(r) != Expr.isInfinite(a) && !Double.isNaN(rv) && !Double.isNaN(av)
                && (Double.isFinite(rv) || Double.isFinite(av))) {
            return Outcome.mismatch("infinity against a finite value");
        }
        if (Double.isInfinite(rv) != Double.isInfinite(av) && !Double.isNaN(rv) && !Double.isNaN(av)
                && Math.abs(Double.isInfinite(rv) ? av : rv) < 1e300) {
            // one side overflowed a double (beyond 1.8e308), the other is far below it
            return Outcome.mismatch("different magnitudes");
        }
        if (!Double.isFinite(rv) || !Double.isFinite(av)) return Outcome.undecided("a value too large or undefined to compare");
        if (Math.abs(rv - av) <= REL * Math.max(1, Math.max(Math.abs(rv), Math.abs(av)))) {
            return Outcome.match("equal values (relative 1e-9)");
        }
        return rounded(r, a, rv, av) ? Outcome.undecided("a rounded decimal for an exact value")
                : Outcome.mismatch("different values");
    }

    /**
     * True when the decimal side may be the other side rounded: a plain decimal literal must equal the exact
     * value rounded to its own number of places ({@code 0.333} for 1/3, {@code 1.414} for √2, but not
     * {@code 5.01} for 5); a decimal inside an expression is only held to 0.5 %. A value with a finite
     * decimal expansion (3/4) could have been written exactly, so {@code 0.8} for it is simply wrong.
     */
    private static boolean rounded(Expr r, Expr a, double rv, double av) {
        if (r.hasDecimal() == a.hasDecimal()) return false;
        Expr dec = r.hasDecimal() ? r : a;
        Rational other = (r.hasDecimal() ? a : r).exact();
        if (other != null && terminates(other)) return false;
        double exact = r.hasDecimal() ? av : rv;
        Rational literal = literal(dec);
        if (literal == null) return Math.abs(rv - av) <= ROUNDING * Math.max(1, Math.abs(exact));
        int places = 0;
        for (Rational x = literal; !x.isInteger() && places < 30; places++) x = x.multiply(Rational.of(10));
        double scaled = exact * Math.pow(10, places);
        if (!Double.isFinite(scaled) || Math.abs(scaled) > 1e15) return false;
        return Math.abs(Math.round(scaled) - literal.doubleValue() * Math.pow(10, places)) < 0.5;
    }

    private static boolean terminates(Rational q) {
        java.math.BigInteger d = q.den();
        for (int p : new int[]{2, 5}) {
            java.math.BigInteger bp = java.math.BigInteger.valueOf(p);
            while (d.mod(bp).signum() == 0) d = d.divide(bp);
        }
        return d.equals(java.math.BigInteger.ONE);
    }

    /** The value of a (possibly negated) number literal, else null. */
    private static Rational literal(Expr e) {
        if (e instanceof Expr.Num n) return n.v();
        if (e instanceof Expr.Neg n && n.e() instanceof Expr.Num m) return m.v().negate();
        return null;
    }

    private Outcome atRandomPoints(Expr r, Expr a, Set<String> vars, Double tolerance) {
        boolean integers = r.integerDomain() || a.integerDomain();
        Random random = new Random(20_240_607L);
        int valid = 0;
        for (int attempt = 0; attempt < 80 && valid < POINTS; attempt++) {
            Map<String, Double> at = new HashMap<>();
            for (String v : vars) at.put(v, integers ? 1 + random.nextInt(12) : 0.5 + 2.5 * random.nextDouble());
            double rv = r.value(at), av = a.value(at);
            if (!Double.isFinite(rv) || !Double.isFinite(av)) continue;
            valid++;
            double allowed = tolerance != null ? tolerance : REL_POINTS * Math.max(1, Math.max(Math.abs(rv), Math.abs(av)));
            if (Math.abs(rv - av) > allowed) return Outcome.mismatch("different values at a random point " + at);
        }
        if (valid < 3) return Outcome.undecided("too few points where both sides are defined");
        return Outcome.match("equal at " + valid + " random points (relative 1e-8)");
    }

    /** Equal when one side minus the other is a constant non-zero multiple of the other's. */
    private Outcome equations(Equation r, Equation a) {
        Expr f = new Expr.Op('-', r.left(), r.right()), g = new Expr.Op('-', a.left(), a.right());
        Set<String> vars = new TreeSet<>();
        f.collectVariables(vars);
        g.collectVariables(vars);
        if (vars.isEmpty()) return Outcome.undecided("an equation without variables");
        Random random = new Random(20_240_607L);
        Double ratio = null;
        int valid = 0;
        for (int attempt = 0; attempt < 80 && valid < POINTS; attempt++) {
            Map<String, Double> at = new HashMap<>();
            for (String v : vars) at.put(v, 0.5 + 2.5 * random.nextDouble());
            double fv = f.value(at), gv = g.value(at);
            if (!Double.isFinite(fv) || !Double.isFinite(gv) || Math.abs(fv) < 1e-9) continue;
            valid++;
            double q = gv / fv;
            if (ratio == null) ratio = q;
            else if (Math.abs(q - ratio) > REL_POINTS * Math.max(1, Math.abs(ratio))) {
                return Outcome.mismatch("different equations (sides differ at a random point)");
            }
        }
        if (valid < 3 || ratio == null || Math.abs(ratio) < 1e-12) return Outcome.undecided("equations not decided");
        return Outcome.match("same equation up to a constant factor");
    }
}

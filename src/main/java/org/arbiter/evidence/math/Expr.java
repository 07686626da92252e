package org.arbiter.evidence.math;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * A parsed scalar expression. {@link #exact()} keeps rationals exact (null as soon as π, a radical that is
 * not a perfect power, or a variable is involved); {@link #value} evaluates in doubles at given variable
 * values, which is what the random-point comparison uses.
 */
sealed interface Expr {
    /** The exact value, or null when it is not a rational number. */
    Rational exact();

    double value(Map<String, Double> at);

    void collectVariables(Set<String> into);

    /** True when a factorial or binomial occurs: such expressions are sampled at integers. */
    boolean integerDomain();

    /** True when the expression has a decimal literal (so the writer may have rounded). */
    boolean hasDecimal();

    record Num(Rational v, boolean decimal) implements Expr {
        public Rational exact() { return v; }
        public double value(Map<String, Double> at) { return v.doubleValue(); }
        public void collectVariables(Set<String> into) { }
        public boolean integerDomain() { return false; }
        public boolean hasDecimal() { return decimal; }
    }

    /** π, e written as {@code \mathrm{e}} and ∞. */
    record Const(String name, double v) implements Expr {
        public Rational exact() { return null; }
        public double value(Map<String, Double> at) { return v; }
        public void collectVariables(Set<String> into) { }
        public boolean integerDomain() { return false; }
        public boolean hasDecimal() { return false; }
    }

    record Var(String name) implements Expr {
        public Rational exact() { return null; }
        public double value(Map<String, Double> at) { return at.getOrDefault(name, Double.NaN); }
        public void collectVariables(Set<String> into) { into.add(name); }
        public boolean integerDomain() { return false; }
        public boolean hasDecimal() { return false; }
    }

    record Neg(Expr e) implements Expr {
        public Rational exact() { Rational r = e.exact(); return r == null ? null : r.negate(); }
        public double value(Map<String, Double> at) { return -e.value(at); }
        public void collectVariables(Set<String> into) { e.collectVariables(into); }
        public boolean integerDomain() { return e.integerDomain(); }
        public boolean hasDecimal() { return e.hasDecimal(); }
    }

    /** A binary operation: + − × ÷ ^. */
    record Op(char op, Expr a, Expr b) implements Expr {
        public Rational exact() {
            Rational x = a.exact();
            if (x == null) return null;
            Rational y = b.exact();
            if (y == null) return null;
            return switch (op) {
                case '+' -> x.add(y);
                case '-' -> x.subtract(y);
                case '*' -> x.multiply(y);
                case '/' -> x.divide(y);
                case '^' -> power(x, y);
                default -> null;
            };
        }

        private static Rational power(Rational x, Rational y) {
            if (y.isInteger()) return x.pow(y);
            // (9/4)^(1/2) and 8^(2/3) stay exact when the root is exact
            if (y.den().bitLength() > 16) return null;
            Rational root = x.root(y.den().intValue());
            return root == null ? null : root.pow(new Rational(y.num(), BigInteger.ONE));
        }

        public double value(Map<String, Double> at) {
            double x = a.value(at), y = b.value(at);
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                case '^' -> Math.pow(x, y);
                default -> Double.NaN;
            };
        }

        public void collectVariables(Set<String> into) { a.collectVariables(into); b.collectVariables(into); }
        public boolean integerDomain() { return a.integerDomain() || b.integerDomain(); }
        public boolean hasDecimal() { return a.hasDecimal() || b.hasDecimal(); }
    }

    /** The n-th root; an odd root of a negative number is real. */
    record Root(Expr index, Expr arg) implements Expr {
        public Rational exact() {
            Rational n = index.exact(), x = arg.exact();
            if (n == null || x == null || !n.isInteger() || n.num().bitLength() > 16) return null;
            return x.root(n.num().intValue());
        }

        public double value(Map<String, Double> at) {
            double n = index.value(at), x = arg.value(at);
            if (x < 0 && n == Math.rint(n) && ((long) n) % 2 == 1) return -Math.pow(-x, 1 / n);
            return Math.pow(x, 1 / n);
        }

        public void collectVariables(Set<String> into) { index.collectVariables(into); arg.collectVariables(into); }
        public boolean integerDomain() { return arg.integerDomain(); }
        public boolean hasDecimal() { return arg.hasDecimal(); }
    }

    /** sin, cos, log, … of one argument. */
    record Fn(String name, Expr arg) implements Expr {
        public Rational exact() { return null; }

        public double value(Map<String, Double> at) {
            double x = arg.value(at);
            return switch (name) {
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "cot" -> 1 / Math.tan(x);
                case "sec" -> 1 / Math.cos(x);
                case "csc" -> 1 / Math.sin(x);
                case "arcsin" -> Math.asin(x);
                case "arccos" -> Math.acos(x);
                case "arctan" -> Math.atan(x);
                case "sinh" -> Math.sinh(x);
                case "cosh" -> Math.cosh(x);
                case "tanh" -> Math.tanh(x);
                case "ln", "log" -> Math.log(x);
                case "exp" -> Math.exp(x);
                case "abs" -> Math.abs(x);
                default -> Double.NaN;
            };
        }

        public void collectVariables(Set<String> into) { arg.collectVariables(into); }
        public boolean integerDomain() { return arg.integerDomain(); }
        public boolean hasDecimal() { return arg.hasDecimal(); }
    }

    record Factorial(Expr e) implements Expr {
        public Rational exact() {
            Rational r = e.exact();
            if (r == null || !r.isInteger() || r.num().signum() < 0 || r.num().bitLength() > 10) return null;
            BigInteger f = BigInteger.ONE;
            for (int i = 2; i <= r.num().intValue(); i++) f = f.multiply(BigInteger.valueOf(i));
            return new Rational(f, BigInteger.ONE);
        }

        public double value(Map<String, Double> at) {
            double x = e.value(at);
            if (x < 0 || x != Math.rint(x) || x > 170) return Double.NaN;
            double f = 1;
            for (int i = 2; i <= x; i++) f *= i;
            return f;
        }

        public void collectVariables(Set<String> into) { e.collectVariables(into); }
        public boolean integerDomain() { return true; }
        public boolean hasDecimal() { return e.hasDecimal(); }
    }

    static boolean isInfinite(Expr e) {
        return e instanceof Const c && Double.isInfinite(c.v())
                || e instanceof Neg n && isInfinite(n.e());
    }
}

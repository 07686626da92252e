package org.arbiter.evidence.math;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An exact fraction, always reduced with a positive denominator, so {@code 0.8} and {@code 4/5} are equal. */
record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    /** Beyond this many bits an exact power is given up (10^{10^{10}} must not allocate gigabytes). */
    private static final int MAX_BITS = 4096;

    Rational {
        if (den.signum() == 0) throw new ArithmeticException("zero denominator");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
    }

    static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    /** A decimal literal such as {@code 37.50} or {@code .5}. */
    static Rational parseDecimal(String s) {
        BigDecimal d = new BigDecimal(s);
        if (d.scale() <= 0) return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
        return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rational subtract(Rational o) {
        return add(o.negate());
    }

    Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    /** Null when dividing by zero. */
    Rational divide(Rational o) {
        if (o.num.signum() == 0) return null;
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    Rational negate() {
        return new Rational(num.negate(), den);
    }

    boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    /** Null when the result would be too large to keep exactly, or 0 to a negative power. */
    Rational pow(Rational exponent) {
        if (!exponent.isInteger() || exponent.num.bitLength() > 31) return null;
        int e = exponent.num.intValue();
        long bits = (long) Math.max(num.bitLength(), den.bitLength()) * Math.abs(e);
        if (bits > MAX_BITS) return null;
        if (e < 0) {
            if (num.signum() == 0) return null;
            return new Rational(den.pow(-e), num.pow(-e));
        }
        return new Rational(num.pow(e), den.pow(e));
    }

    /** The exact n-th root when there is one (√(9/4) = 3/2), else null. */
    Rational root(int n) {
        if (n <= 0) return null;
        if (num.signum() < 0 && n % 2 == 0) return null;
        BigInteger rn = exactRoot(num.abs(), n);
        BigInteger rd = exactRoot(den, n);
        if (rn == null || rd == null) return null;
        return new Rational(num.signum() < 0 ? rn.negate() : rn, rd);
    }

    private static BigInteger exactRoot(BigInteger x, int n) {
        if (x.signum() == 0) return BigInteger.ZERO;
        if (x.bitLength() > MAX_BITS) return null;
        BigInteger r = BigInteger.valueOf(Math.round(Math.pow(x.doubleValue(), 1.0 / n)));
        for (int d = -1; d <= 1; d++) {
            BigInteger c = r.add(BigInteger.valueOf(d));
            if (c.signum() >= 0 && c.pow(n).equals(x)) return c;
        }
        return null;
    }

    double doubleValue() {
        return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}

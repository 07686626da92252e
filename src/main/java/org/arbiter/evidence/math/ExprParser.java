package org.arbiter.evidence.math;

import java.util.Set;

/**
 * A small recursive-descent parser for the LaTeX of one scalar answer ({@code \frac{a}{b}}, {@code \sqrt[3]{x}},
 * {@code 2^{k}}, {@code \cos^{10}(\frac{\pi}{10})}, implicit products such as {@code 2\pi R C}). Hand-written
 * because the only Java CAS measured (Symja) is 40 MB and misreads this notation; answers are one line long.
 * Each letter is its own variable, as LaTeX typesets {@code RC}; a subscript or prime belongs to its letter.
 * Throws {@link IllegalArgumentException} for anything else, which the comparison reports as undecided.
 */
final class ExprParser {
    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "arcsin",
            "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp");
    /** Commands that end a factor rather than start one. */
    private static final Set<String> STOPS = Set.of("cup", "cap", "le", "ge", "lt", "gt", "neq", "pm", "mp",
            "in", "approx", "end", "quad", "to", "implies", "Rightarrow");

    private final String s;
    private int i;

    private ExprParser(String s) {
        this.s = s;
    }

    static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        Expr e = p.sum();
        p.skip();
        if (p.i != p.s.length()) throw new IllegalArgumentException("unexpected '" + p.s.substring(p.i) + "'");
        return e;
    }

    private void skip() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        skip();
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private String peekCommand() {
        skip();
        if (i >= s.length() || s.charAt(i) != '\\') return null;
        int j = i + 1;
        while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
        return s.substring(i + 1, j);
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
        i++;
    }

    private Expr sum() {
        Expr e = product();
        while (true) {
            char c = peek();
            if (c == '+') { i++; e = new Expr.Op('+', e, product()); }
            else if (c == '-') { i++; e = new Expr.Op('-', e, product()); }
            else return e;
        }
    }

    private Expr product() {
        Expr e = unary();
        while (true) {
            char c = peek();
            String cmd = peekCommand();
            if (c == '*') { i++; e = new Expr.Op('*', e, unary()); }
            else if (c == '/') { i++; e = new Expr.Op('/', e, unary()); }
            else if ("cdot".equals(cmd) || "times".equals(cmd)) { i += cmd.length() + 1; e = new Expr.Op('*', e, unary()); }
            else if ("div".equals(cmd)) { i += 4; e = new Expr.Op('/', e, unary()); }
            else if (startsFactor()) e = new Expr.Op('*', e, power());
            else return e;
        }
    }

    private boolean startsFactor() {
        char c = peek();
        if (c == '\\') {
            String cmd = peekCommand();
            return !cmd.isEmpty() && !STOPS.contains(cmd) && !cmd.equals("right") && !cmd.equals("cdot")
                    && !cmd.equals("times") && !cmd.equals("div");
        }
        return Character.isLetterOrDigit(c) || c == '(' || c == '{' || c == '.' || c == '[';
    }

    private Expr unary() {
        char c = peek();
        if (c == '-') { i++; return new Expr.Neg(unary()); }
        if (c == '+') { i++; return unary(); }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (peek() == '^') {
            i++;
            Expr exp = script();
            // v^2_0: the subscript written after the power still names the variable
            if (peek() == '_' && base instanceof Expr.Var v) {
                i++;
                base = new Expr.Var(v.name() + "_" + rawScript());
            }
            base = new Expr.Op('^', base, exp);
            while (peek() == '!') { i++; base = new Expr.Factorial(base); }
        }
        return base;
    }

    /** The argument of ^ or _: a braced group, one character, or one command. */
    private Expr script() {
        char c = peek();
        if (c == '{') return group();
        if (c == '-') { i++; return new Expr.Neg(script()); }
        if (Character.isDigit(c)) { i++; return new Expr.Num(Rational.of(c - '0'), false); }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        while (peek() == '!') { i++; e = new Expr.Factorial(e); }
        return e;
    }

    private Expr group() {
        expect('{');
        Expr e = sum();
        expect('}');
        return e;
    }

    private Expr primary() {
        char c = peek();
        if (Character.isDigit(c) || c == '.') return number();
        if (c == '(') { i++; Expr e = sum(); expect(')'); return e; }
        if (c == '[') { i++; Expr e = sum(); expect(']'); return e; }
        if (c == '{') return group();
        if (c == '|') { i++; Expr e = sum(); expect('|'); return new Expr.Fn("abs", e); }
        if (Character.isLetter(c)) { i++; return new Expr.Var(name(String.valueOf(c))); }
        if (c == '\\') return command();
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
    }

    private Expr number() {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
        boolean decimal = false;
        if (j < s.length() && s.charAt(j) == '.' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))) {
            decimal = true;
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
        }
        if (j == i) throw new IllegalArgumentException("a number expected at " + i);
        String lit = s.substring(i, j);
        i = j;
        return new Expr.Num(Rational.parseDecimal(lit), decimal);
    }

    /** A variable name with its subscript and primes: {@code v_0}, {@code a_{n}}, {@code \omega_L'}. */
    private String name(String base) {
        StringBuilder b = new StringBuilder(base);
        skip();
        if (i < s.length() && s.charAt(i) == '_') {
            i++;
            b.append('_').append(rawScript());
        }
        while (i < s.length() && s.charAt(i) == '\'') { b.append('\''); i++; }
        if (peekCommand() != null && peekCommand().equals("prime")) { i += 6; b.append('\''); }
        return b.toString();
    }

    /** A subscript as text, spaces and braces dropped, so {@code a_{n}} and {@code a_n} are one variable. */
    private String rawScript() {
        skip();
        if (i >= s.length()) throw new IllegalArgumentException("empty subscript");
        if (s.charAt(i) == '{') {
            int depth = 0, j = i;
            for (; j < s.length(); j++) {
                if (s.charAt(j) == '{') depth++;
                else if (s.charAt(j) == '}' && --depth == 0) break;
            }
            if (j >= s.length()) throw new IllegalArgumentException("unclosed subscript");
            String t = s.substring(i + 1, j);
            i = j + 1;
            return t.replaceAll("\\\\(mathrm|text|rm|mathit)", "").replaceAll("[\\s{}]", "");
        }
        if (s.charAt(i) == '\\') {
            String cmd = peekCommand();
            i += cmd.length() + 1;
            return "\\" + cmd;
        }
        return String.valueOf(s.charAt(i++));
    }

    private Expr command() {
        String cmd = peekCommand();
        if (cmd.isEmpty()) throw new IllegalArgumentException("unexpected '\\' at " + i);
        i += cmd.length() + 1;
        switch (cmd) {
            case "frac", "cfrac": {
                Expr a = script(), b = script();
                return new Expr.Op('/', a, b);
            }
            case "binom": {
                Expr n = script(), k = script();
                return new Expr.Op('/', new Expr.Factorial(n), new Expr.Op('*', new Expr.Factorial(k),
                        new Expr.Factorial(new Expr.Op('-', n, k))));
            }
            case "sqrt": {
                Expr index = new Expr.Num(Rational.of(2), false);
                if (peek() == '[') { i++; index = sum(); expect(']'); }
                return new Expr.Root(index, script());
            }
            case "pi": return new Expr.Const("pi", Math.PI);
            case "infty", "infin": return new Expr.Const("infty", Double.POSITIVE_INFINITY);
            case "mathrm", "mathit", "mathbf", "operatorname", "text", "textrm", "mathsf", "rm": {
                String inner = rawScript();
                if (inner.equals("e")) return new Expr.Const("e", Math.E);
                if (FUNCTIONS.contains(inner)) return function(inner);
                return new Expr.Var(name(inner));
            }
            default:
                if (FUNCTIONS.contains(cmd)) return function(cmd);
                if (STOPS.contains(cmd)) throw new IllegalArgumentException("unexpected \\" + cmd);
                return new Expr.Var(name("\\" + cmd));
        }
    }

    /** {@code \cos^{10}(x)}, {@code \log_{10} 2}, {@code \sin x}. */
    private Expr function(String fn) {
        Expr power = null, base = null;
        for (int k = 0; k < 2; k++) {
            if (peek() == '^') { i++; power = script(); }
            else if (peek() == '_') { i++; base = script(); }
        }
        Expr arg;
        char c = peek();
        if (c == '(' || c == '{') arg = primary();
        else arg = power();
        Expr f = new Expr.Fn(fn, arg);
        if (base != null) f = new Expr.Op('/', f, new Expr.Fn("ln", base));
        return power == null ? f : new Expr.Op('^', f, power);
    }
}

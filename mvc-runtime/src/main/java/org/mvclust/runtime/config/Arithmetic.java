package org.mvclust.runtime.config;

import java.util.Map;
import java.util.Set;
import org.mvclust.runtime.ConfigException;
import org.mvclust.runtime.Names;

/**
 * The inside of a {@code ${...}} that is more than a name: numbers, graph variables, + − * /, parentheses and the
 * functions {@code min(a, b, ...)} and {@code max(a, b, ...)}, e.g. {@code ${views * latent}} or
 * {@code ${min(samples, max(100, 10 * clusters))}}. The result is an Integer when it is a whole number that fits, else a Double.
 */
final class Arithmetic {
    private final String where;
    private final String text;
    private final Map<String, Object> vars;
    private final Set<String> known;
    private int pos;

    private Arithmetic(String where, String text, Map<String, Object> vars, Set<String> known) {
        this.where = where;
        this.text = text;
        this.vars = vars;
        this.known = known;
    }

    /** Evaluates; with vars == null only checks the syntax and that every name is known, and returns null. */
    static Object evaluate(String where, String text, Map<String, Object> vars, Set<String> known) {
        Arithmetic a = new Arithmetic(where, text, vars, known);
        double v = a.sum();
        a.skipSpaces();
        if (a.pos < text.length()) {
            throw a.error("unexpected '" + text.charAt(a.pos) + "'");
        }
        if (vars == null) {
            return null;
        }
        if (!Double.isFinite(v)) {
            throw a.error("is not a finite number");
        }
        return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }

    private double sum() {
        double v = product();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                v += product();
            } else if (eat('-')) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = factor();
        while (true) {
            skipSpaces();
            if (eat('*')) {
                v *= factor();
            } else if (eat('/')) {
                v /= factor();
            } else {
                return v;
            }
        }
    }

    private double factor() {
        skipSpaces();
        if (eat('-')) {
            return -factor();
        }
        if (eat('(')) {
            double v = sum();
            skipSpaces();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "ends too early");
        }
        String name = text.substring(start, pos);
        skipSpaces();
        if (eat('(')) {
            return function(name);
        }
        if (!known.contains(name)) {
            throw new ConfigException(where + ": " + Names.unknown("variable", name, known));
        }
        if (vars == null) {
            return 1;
        }
        Object v = vars.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw error("variable '" + name + "' is not a number: '" + v + "'");
        }
    }

    private double function(String name) {
        if (!name.equals("min") && !name.equals("max")) {
            throw error("unknown function '" + name + "' (known: min, max)");
        }
        double v = sum();
        skipSpaces();
        while (eat(',')) {
            double w = sum();
            v = name.equals("min") ? Math.min(v, w) : Math.max(v, w);
            skipSpaces();
        }
        if (!eat(')')) {
            throw error("missing ')' after the arguments of " + name);
        }
        return v;
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ConfigException error(String msg) {
        return new ConfigException(where + ": ${" + text + "}: " + msg);
    }
}

package org.mvclust.runtime.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tensor as a graph names it: {@code z} (one tensor, or view v's inside a per-view node), {@code z[*]} (every view)
 * or {@code z[1]} (one view). View v of a per-view tensor is held under the key {@code z.v}.
 */
public record TensorRef(String base, boolean all, int view) {
    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\*|\\d{1,9})]");

    public static TensorRef parse(String text) {
        Matcher m = INDEXED.matcher(text);
        if (!m.matches()) {
            return new TensorRef(text, false, -1);
        }
        return m.group(2).equals("*") ? new TensorRef(m.group(1), true, -1)
                : new TensorRef(m.group(1), false, Integer.parseInt(m.group(2)));
    }

    /** The key of view {@code v} of the tensor named {@code base}. */
    public static String key(String base, int v) {
        return v < 0 ? base : base + "." + v;
    }

    /** Names one view, {@code z[1]}. */
    public boolean oneView() {
        return view >= 0;
    }

    /** The key of the tensor this names: {@code z} or {@code z.1} (not for {@code z[*]}). */
    public String key() {
        return key(base, view);
    }

    /** The key of view {@code v}. */
    public String key(int v) {
        return key(base, v);
    }

    @Override
    public String toString() {
        return all ? base + "[*]" : view >= 0 ? base + "[" + view + "]" : base;
    }
}

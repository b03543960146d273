package org.mvclust.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" suggestions by edit distance. */
public final class Names {
    private Names() {
    }

    /** Up to three candidates closest to {@code name}, closest first; all candidates if none is close. */
    public static List<String> nearest(String name, Collection<String> candidates) {
        List<String> close = candidates.stream()
                .filter(c -> distance(name, c) <= Math.max(2, name.length() / 3) || c.startsWith(name) || name.startsWith(c))
                .sorted(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
                .limit(3).toList();
        return close.isEmpty() ? candidates.stream().sorted().toList() : close;
    }

    /** "unknown encoder 'mpl' (did you mean: mlp)" style phrase. */
    public static String unknown(String what, String name, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "unknown " + what + " '" + name + "' (none available)";
        }
        List<String> near = nearest(name, candidates);
        boolean close = near.size() < candidates.size() || candidates.size() <= 3;
        return "unknown " + what + " '" + name + "' (" + (close ? "did you mean: " : "valid: ") + String.join(", ", near) + ")";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

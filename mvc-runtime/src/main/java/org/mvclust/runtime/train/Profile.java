package org.mvclust.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per part of a run (graph build, data feeding, training steps, actions, evaluation, readout). */
public final class Profile {
    private final Map<String, long[]> parts = new LinkedHashMap<>();

    public void add(String part, long nanos) {
        long[] p = parts.computeIfAbsent(part, k -> new long[2]);
        p[0] += nanos;
        p[1]++;
    }

    /** Seconds spent in a part (0 if never recorded). */
    public double seconds(String part) {
        long[] p = parts.get(part);
        return p == null ? 0 : p[0] / 1e9;
    }

    /** A table: part, seconds, share of the total, count. */
    public String table() {
        double total = parts.values().stream().mapToLong(p -> p[0]).sum() / 1e9;
        StringBuilder sb = new StringBuilder(String.format("%-20s %10s %7s %9s%n", "part", "seconds", "share", "count"));
        parts.forEach((k, p) -> sb.append(String.format("%-20s %10.3f %6.1f%% %9d%n", k, p[0] / 1e9,
                total > 0 ? 100 * p[0] / 1e9 / total : 0, p[1])));
        return sb.append(String.format("%-20s %10.3f%n", "total", total)).toString();
    }
}

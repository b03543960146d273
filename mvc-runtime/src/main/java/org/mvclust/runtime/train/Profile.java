package org.mvclust.runtime.train;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** Wall time per part of a run (graph build, data feeding, training steps, actions, evaluation, readout). */
public final class Profile {
    /** Traced runs of each training step whose op times are kept (the first is left out: it allocates). */
    public static final int TRACED_STEPS = 4;

    private final Map<String, long[]> parts = new LinkedHashMap<>();
    private final Map<String, long[]> ops = new LinkedHashMap<>();
    private final boolean opTimes;

    /** Records part times only. */
    public Profile() {
        this(false);
    }

    /** With {@code opTimes}, the trainer also traces a few training steps and keeps the time of each op type. */
    public Profile(boolean opTimes) {
        this.opTimes = opTimes;
    }

    public boolean opTimes() {
        return opTimes;
    }

    public void add(String part, long nanos) {
        long[] p = parts.computeIfAbsent(part, k -> new long[2]);
        p[0] += nanos;
        p[1]++;
    }

    /** Adds the op times of one traced run (microseconds from each op's start to the end of its outputs). */
    public void addOps(RunMetadata metadata) {
        for (DeviceStepStats d : metadata.getStepStats().getDevStatsList()) {
            for (NodeExecStats n : d.getNodeStatsList()) {
                String type = n.getTimelineLabel().isEmpty() ? n.getNodeName() : opType(n.getTimelineLabel(), n.getNodeName());
                long[] p = ops.computeIfAbsent(type, k -> new long[2]);
                p[0] += n.getAllEndRelMicros();
                p[1]++;
            }
        }
    }

    /** "name = Type(inputs)" in the timeline label gives the op type. */
    private static String opType(String label, String node) {
        int eq = label.indexOf(" = ");
        int paren = label.indexOf('(', eq + 3);
        return eq < 0 || paren < 0 ? node : label.substring(eq + 3, paren);
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

    /** The {@code top} op types by time in the traced training steps, or "" if none were traced. */
    public String opTable(int top) {
        double total = ops.values().stream().mapToLong(p -> p[0]).sum() / 1e3;
        if (total == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format("%-28s %12s %7s %9s%n", "op type (traced steps)", "ms", "share", "count"));
        ops.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])).limit(top)
                .forEach(e -> sb.append(String.format("%-28s %12.2f %6.1f%% %9d%n", e.getKey(), e.getValue()[0] / 1e3,
                        100 * e.getValue()[0] / 1e3 / total, e.getValue()[1])));
        return sb.append(String.format("%-28s %12.2f (summed over ops; parallel ops overlap)%n", "total", total)).toString();
    }
}

package org.mvclust.runtime.graph;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.runtime.config.GraphSpec;
import org.mvclust.runtime.config.GraphSpec.PhaseSpec;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A stored model's buffers as graph tensors: a buffer that the schedule's last {@code store} fills from one tensor is
 * that tensor, for the nodes built after it, so that new samples need no store run (and an export can compute it).
 */
final class StoreReplay {
    private StoreReplay() {
    }

    /** Buffer → the tensor key its last store (in schedule order) reads, for stores of one tensor into a buffer. */
    static Map<String, String> lastStores(GraphSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(spec.phases(), spec, out);
        return out;
    }

    private static void walk(List<PhaseSpec> phases, GraphSpec spec, Map<String, String> out) {
        for (PhaseSpec p : phases) {
            if (p.isGroup()) {
                walk(p.children(), spec, out);
                continue;
            }
            for (GraphSpec.ActionSpec a : p.actions()) {
                if (a.into() != null && spec.buffers().containsKey(a.into())) {
                    if (a.type().equals("store") && !a.in().all()) {
                        out.put(a.into(), a.in().key());
                    } else {
                        out.remove(a.into()); // filled last by something else (k-means labels)
                    }
                }
                if (a.labels() != null) {
                    out.remove(a.labels());
                }
            }
        }
    }

    /**
     * Replaces each pending buffer whose source tensor now exists (with the buffer's width, not computed from the
     * buffer itself) by that tensor; drops from {@code pending} every buffer whose source exists.
     */
    static void substitute(Map<String, String> pending, Map<String, Operand<TFloat32>> tensors) {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, String> left = new LinkedHashMap<>(pending);
        for (Iterator<Map.Entry<String, String>> it = left.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            Operand<TFloat32> src = tensors.get(e.getValue());
            Operand<TFloat32> buf = tensors.get(e.getKey());
            if (src == null || buf == null) {
                continue;
            }
            Shape a = src.shape();
            Shape b = buf.shape();
            boolean cycle = GraphWalk.ancestors(src, false).contains((GraphOperation) buf.op());
            if (!cycle && a.numDimensions() == 2 && b.numDimensions() == 2 && a.size(1) == b.size(1) && a.size(1) >= 0) {
                tensors.put(e.getKey(), src);
            }
            it.remove();
        }
        pending.clear();
        pending.putAll(left);
    }
}

package org.mvclust.runtime.graph;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Op;

/** Walks a graph backwards from one op. */
public final class GraphWalk {
    private GraphWalk() {
    }

    /** Every op {@code root} depends on through its inputs (and, with {@code control}, its control inputs), itself included. */
    public static Set<GraphOperation> ancestors(Op root, boolean control) {
        Set<GraphOperation> seen = new HashSet<>();
        ArrayDeque<GraphOperation> pending = new ArrayDeque<>();
        pending.add((GraphOperation) root.op());
        while (!pending.isEmpty()) {
            GraphOperation op = pending.poll();
            if (seen.add(op)) {
                for (int i = 0; i < op.numInputs(); i++) {
                    pending.add((GraphOperation) op.input(i).op());
                }
                if (control) {
                    pending.addAll(op.controlInputs());
                }
            }
        }
        return seen;
    }
}

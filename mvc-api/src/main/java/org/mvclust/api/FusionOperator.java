package org.mvclust.api;

import java.util.List;

/** Combines the per-view representations on port {@code views} into one ({@code out}). */
public interface FusionOperator extends Block {
    @Override
    default List<Port> inputs() {
        return List.of(Port.many("views", "one representation per view, samples × d_v"));
    }

    @Override
    default List<String> outputs() {
        return List.of("out");
    }
}

package org.mvclust.api;

import java.util.List;

/** Maps one view's batch (port {@code x}) to a representation ({@code out}); decoders are encoders too. */
public interface Encoder extends Block {
    @Override
    default List<Port> inputs() {
        return List.of(Port.one("x", "input batch, samples × features"));
    }

    @Override
    default List<String> outputs() {
        return List.of("out");
    }
}

package org.mvclust.api;

import java.util.List;

/** A scalar objective on output {@code loss} (minimised); extra outputs are logged as diagnostics. */
public interface Loss extends Block {
    @Override
    default List<String> outputs() {
        return List.of("loss");
    }
}

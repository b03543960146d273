package org.mvclust.api;

import java.nio.file.Path;

/** Reads a multi-view dataset; {@code source} is a file or directory, or null for a generator. */
public interface DatasetReader extends Component {
    MultiViewData read(Path source, Params params) throws DatasetException;

    /** Whether this reader is the natural one for a file (by extension or magic bytes). */
    default boolean accepts(Path source) {
        return false;
    }
}

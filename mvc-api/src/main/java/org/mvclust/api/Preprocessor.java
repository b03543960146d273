package org.mvclust.api;

import java.util.Map;

/** A per-view preprocessing step named by a graph's {@code dataset.preprocess} (minmax, zscore, l2, ...). */
public interface Preprocessor extends Component {
    /** Fits on {@code view}, rescales it in place, and returns what was fitted (written to preprocess.json). */
    Map<String, Object> apply(Matrix view);
}

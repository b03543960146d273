package org.mvclust.runtime.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mvclust.api.Matrix;
import org.mvclust.api.Preprocessor;

/** The built-in preprocessing steps as {@link Preprocessor} providers, each computed by {@link Preprocess}. */
public final class StandardPreprocessors {
    private StandardPreprocessors() {
    }

    private static Map<String, Object> apply(String method, Matrix view) {
        Preprocess.Fitted f = Preprocess.fit(method, view);
        Preprocess.transform(f, view);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shift", f.shift());
        out.put("scale", f.scale());
        return out;
    }

    /** Leaves the views as they are. */
    public static final class None implements Preprocessor {
        public String name() {
            return "none";
        }

        public String description() {
            return "the views as read";
        }

        public Map<String, Object> apply(Matrix view) {
            return StandardPreprocessors.apply("none", view);
        }
    }

    /** Each feature to [0, 1]. */
    public static final class MinMax implements Preprocessor {
        public String name() {
            return "minmax";
        }

        public String description() {
            return "each feature scaled to [0, 1] (constant features shifted to 0)";
        }

        public Map<String, Object> apply(Matrix view) {
            return StandardPreprocessors.apply("minmax", view);
        }
    }

    /** Each feature to mean 0, standard deviation 1. */
    public static final class ZScore implements Preprocessor {
        public String name() {
            return "zscore";
        }

        public String description() {
            return "each feature to mean 0 and standard deviation 1";
        }

        public Map<String, Object> apply(Matrix view) {
            return StandardPreprocessors.apply("zscore", view);
        }
    }

    /** Each sample to unit L2 norm. */
    public static final class L2 implements Preprocessor {
        public String name() {
            return "l2";
        }

        public String description() {
            return "each sample scaled to unit L2 norm";
        }

        public Map<String, Object> apply(Matrix view) {
            return StandardPreprocessors.apply("l2", view);
        }
    }
}

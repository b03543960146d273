package org.mvclust.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.Matrix;

/** Per-view, per-feature scaling fitted on the data; the fitted statistics are kept so new samples can be mapped. */
public final class Preprocess {
    private Preprocess() {
    }

    /** Fitted statistics of one view: out = (x - shift) / scale per feature, or row L2 normalisation. */
    public record Fitted(String method, float[] shift, float[] scale) {
    }

    /** Scales each view in place and returns what was fitted, one entry per view. */
    public static List<Fitted> apply(String method, List<Matrix> views) {
        List<Fitted> fitted = new ArrayList<>();
        for (Matrix m : views) {
            Fitted f = fit(method, m);
            transform(f, m);
            fitted.add(f);
        }
        return fitted;
    }

    public static Fitted fit(String method, Matrix m) {
        int n = m.rows();
        int d = m.cols();
        float[] shift = new float[d];
        float[] scale = new float[d];
        java.util.Arrays.fill(scale, 1f);
        switch (method) {
            case "none", "l2" -> {
            }
            case "minmax" -> {
                for (int j = 0; j < d; j++) {
                    float lo = Float.POSITIVE_INFINITY;
                    float hi = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        lo = Math.min(lo, m.get(i, j));
                        hi = Math.max(hi, m.get(i, j));
                    }
                    shift[j] = lo;
                    scale[j] = hi > lo ? hi - lo : 1f;
                }
            }
            case "zscore" -> {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    double ss = 0;
                    for (int i = 0; i < n; i++) {
                        s += m.get(i, j);
                    }
                    double mean = s / n;
                    for (int i = 0; i < n; i++) {
                        double c = m.get(i, j) - mean;
                        ss += c * c;
                    }
                    double std = Math.sqrt(ss / n);
                    shift[j] = (float) mean;
                    scale[j] = std > 0 ? (float) std : 1f;
                }
            }
            default -> throw new IllegalArgumentException("unknown preprocessing '" + method + "' (none, minmax, zscore, l2)");
        }
        return new Fitted(method, shift, scale);
    }

    public static void transform(Fitted f, Matrix m) {
        int d = m.cols();
        float[] x = m.data();
        for (int i = 0; i < m.rows(); i++) {
            int o = i * d;
            if (f.method().equals("l2")) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (double) x[o + j] * x[o + j];
                }
                float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
                for (int j = 0; j < d; j++) {
                    x[o + j] *= inv;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    x[o + j] = (x[o + j] - f.shift()[j]) / f.scale()[j];
                }
            }
        }
    }

    /** JSON-friendly form for the run's output directory. */
    public static List<Map<String, Object>> describe(List<String> viewNames, List<Fitted> fitted) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int v = 0; v < fitted.size(); v++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("view", viewNames.get(v));
            m.put("method", fitted.get(v).method());
            m.put("shift", fitted.get(v).shift());
            m.put("scale", fitted.get(v).scale());
            out.add(m);
        }
        return out;
    }
}

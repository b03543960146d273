package org.mvclust.runtime.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/**
 * Presence masks (samples × views, 1 = the sample has the view, 0 = absent). A dataset marks an absent view by a row
 * of NaN in that view (readers keep such rows with {@code nan=absent}); a mask file is a CSV with a header
 * {@code sample,VIEW1,...,VIEWV} and one row of 0/1 per sample.
 */
public final class Presence {
    private Presence() {
    }

    /** The mask the NaN rows of a dataset mark; a row with some but not all values NaN is an error. */
    public static Matrix of(MultiViewData data) throws DatasetException {
        int n = data.samples();
        int v = data.viewCount();
        float[] mask = new float[n * v];
        for (int j = 0; j < v; j++) {
            Matrix m = data.views().get(j);
            for (int i = 0; i < n; i++) {
                int nans = 0;
                for (int c = 0; c < m.cols(); c++) {
                    nans += Float.isNaN(m.get(i, c)) ? 1 : 0;
                }
                if (nans > 0 && nans < m.cols()) {
                    throw new DatasetException(data.name() + ": view " + (j + 1) + " ('" + data.viewNames().get(j) + "'): sample "
                            + (i + 1) + " has " + nans + " NaN of " + m.cols() + " values; only a whole row of NaN marks an absent view");
                }
                mask[i * v + j] = nans == 0 ? 1f : 0f;
            }
        }
        for (int i = 0; i < n; i++) {
            if (present(mask, i, v) == 0) {
                throw new DatasetException(data.name() + ": sample " + (i + 1) + " has no view at all (every view's row is NaN)");
            }
        }
        return new Matrix(n, v, mask);
    }

    /** The number of absent pairs. */
    public static long absent(Matrix mask) {
        long a = 0;
        for (float x : mask.data()) {
            a += x == 0f ? 1 : 0;
        }
        return a;
    }

    private static int present(float[] mask, int sample, int views) {
        int p = 0;
        for (int j = 0; j < views; j++) {
            p += mask[sample * views + j] != 0f ? 1 : 0;
        }
        return p;
    }

    /** The views with the absent rows set to NaN (copies; the input is not changed). */
    public static List<Matrix> markAbsent(List<Matrix> views, Matrix mask) {
        List<Matrix> out = new ArrayList<>();
        for (int j = 0; j < views.size(); j++) {
            Matrix m = views.get(j);
            float[] x = m.data().clone();
            for (int i = 0; i < m.rows(); i++) {
                if (mask.get(i, j) == 0f) {
                    java.util.Arrays.fill(x, i * m.cols(), (i + 1) * m.cols(), Float.NaN);
                }
            }
            out.add(new Matrix(m.rows(), m.cols(), x));
        }
        return out;
    }

    /** Sets every absent row to zeros, in place: a placeholder that mask-aware parts leave out. */
    public static void zeroAbsent(List<Matrix> views, Matrix mask) {
        for (int j = 0; j < views.size(); j++) {
            Matrix m = views.get(j);
            for (int i = 0; i < m.rows(); i++) {
                if (mask.get(i, j) == 0f) {
                    java.util.Arrays.fill(m.data(), i * m.cols(), (i + 1) * m.cols(), 0f);
                }
            }
        }
    }

    /** The mask as the CSV text of a mask file. */
    public static String csv(Matrix mask, List<String> viewNames) {
        StringBuilder b = new StringBuilder("sample");
        viewNames.forEach(n -> b.append(',').append(n.replaceAll("[,\\s\"]", "_")));
        b.append('\n');
        for (int i = 0; i < mask.rows(); i++) {
            b.append(i);
            for (int j = 0; j < mask.cols(); j++) {
                b.append(',').append(mask.get(i, j) == 0f ? '0' : '1');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** SHA-256 of a text's UTF-8 bytes, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a mask file for data of {@code samples} × {@code views}; errors name the file and line. */
    public static Matrix read(Path file, int samples, int views) throws DatasetException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read the mask file: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).split(",", -1).length != views + 1) {
            throw new DatasetException(file + ": line 1: expected a header 'sample' and " + views + " view columns");
        }
        float[] mask = new float[samples * views];
        int rows = 0;
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] f = lines.get(l).split(",", -1);
            if (f.length != views + 1) {
                throw new DatasetException(file + ": line " + (l + 1) + ": " + f.length + " fields, expected " + (views + 1));
            }
            if (rows >= samples) {
                throw new DatasetException(file + ": line " + (l + 1) + ": more rows than the " + samples + " samples");
            }
            int present = 0;
            for (int j = 0; j < views; j++) {
                String x = f[j + 1].strip();
                if (!x.equals("0") && !x.equals("1")) {
                    throw new DatasetException(file + ": line " + (l + 1) + ", view " + (j + 1) + ": '" + x + "' is not 0 or 1");
                }
                mask[rows * views + j] = x.equals("1") ? 1f : 0f;
                present += x.equals("1") ? 1 : 0;
            }
            if (present == 0) {
                throw new DatasetException(file + ": line " + (l + 1) + ": the sample has no view (every sample needs at least one)");
            }
            rows++;
        }
        if (rows != samples) {
            throw new DatasetException(file + ": " + rows + " rows, but the dataset has " + samples + " samples");
        }
        return new Matrix(samples, views, mask);
    }
}

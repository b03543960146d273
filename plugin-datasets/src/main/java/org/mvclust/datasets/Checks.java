package org.mvclust.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mvclust.api.DatasetException;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;

/** The checks every reader makes before handing out a dataset, and the label remapping they share. */
final class Checks {
    static final ParamSpec NAN = ParamSpec.ofString("nan", "error",
            "non-finite values (NaN, Inf): error, impute-mean (replace by the column mean of the finite values), or absent "
            + "(a sample's row that is all NaN marks that view absent for the sample; other NaN are errors)");

    private Checks() {
    }

    /**
     * Checks views and labels and applies the nan policy ("error", "impute-mean" or "absent"), in place; {@code file} starts
     * every message.
     */
    static MultiViewData data(String file, String name, List<String> viewNames, List<Matrix> views, int[] labels,
            String nan) throws DatasetException {
        if (views.isEmpty()) {
            throw new DatasetException(file + ": no views");
        }
        for (int v = 0; v < views.size(); v++) {
            Matrix m = views.get(v);
            if (m.rows() == 0 || m.cols() == 0) {
                throw new DatasetException(file + ": view " + (v + 1) + " ('" + viewNames.get(v) + "') is empty ("
                        + m.rows() + " samples × " + m.cols() + " features)");
            }
            if (m.rows() != views.get(0).rows()) {
                throw new DatasetException(file + ": views have different sample counts: view 1 ('" + viewNames.get(0)
                        + "') has " + views.get(0).rows() + ", view " + (v + 1) + " ('" + viewNames.get(v) + "') has "
                        + m.rows());
            }
        }
        int n = views.get(0).rows();
        if (labels != null && labels.length != n) {
            throw new DatasetException(file + ": the labels have " + labels.length + " entries but the views have " + n
                    + " samples");
        }
        for (int v = 0; v < views.size(); v++) {
            finite(views.get(v), "view " + (v + 1) + " ('" + viewNames.get(v) + "')", file, nan);
        }
        return new MultiViewData(name, viewNames, views, labels);
    }

    private static void finite(Matrix m, String view, String file, String nan) throws DatasetException {
        float[] x = m.data();
        int cols = m.cols();
        int first = -1;
        long count = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count == 0 || nan.equals("absent") && absentRowsOnly(m, view, file)) {
            return;
        }
        if (!nan.equals("impute-mean")) {
            throw new DatasetException(file + ": " + view + " has " + count
                    + " non-finite values (NaN or infinite), the first at sample " + (first / cols + 1) + ", feature " + (first % cols + 1)
                    + " (1-based); set nan=impute-mean to replace them by column means");
        }
        double[] sum = new double[cols];
        int[] finite = new int[cols];
        for (int i = 0; i < x.length; i++) {
            if (Float.isFinite(x[i])) {
                sum[i % cols] += x[i];
                finite[i % cols]++;
            }
        }
        long empty = java.util.Arrays.stream(finite).filter(f -> f == 0).count();
        if (empty == cols) {
            throw new DatasetException(file + ": " + view + " has no finite value at all: nan=impute-mean cannot fill it "
                    + "(it would become a constant view); drop the view or fix the file");
        }
        if (empty > 0) {
            System.err.println("mvclust: " + file + ": " + view + ": " + empty + " of " + cols
                    + " features have no finite value and are set to 0 by nan=impute-mean");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                int c = i % cols;
                x[i] = finite[c] == 0 ? 0f : (float) (sum[c] / finite[c]);
            }
        }
    }

    /** True when the non-finite values are whole rows of NaN (absent views); a partial row is an error naming it. */
    private static boolean absentRowsOnly(Matrix m, String view, String file) throws DatasetException {
        float[] x = m.data();
        int cols = m.cols();
        for (int i = 0; i < m.rows(); i++) {
            int nans = 0;
            int first = -1;
            for (int j = 0; j < cols; j++) {
                float v = x[i * cols + j];
                nans += Float.isNaN(v) ? 1 : 0;
                first = first < 0 && !Float.isFinite(v) ? j : first;
            }
            if (first >= 0 && nans < cols) {
                throw new DatasetException(file + ": " + view + ": sample " + (i + 1) + " has a non-finite value at feature "
                        + (first + 1) + " but is not all NaN (1-based); nan=absent takes only whole NaN rows (a view the sample"
                        + " lacks); set nan=impute-mean to replace single values by column means");
            }
        }
        return true;
    }

    /** Whether every value of a matrix is the same. */
    static boolean constant(Matrix m) {
        float[] x = m.data();
        for (float v : x) {
            if (Float.compare(v, x[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Integer class ids, any values, to dense 0-based ids in sorted order; {@code where} names the labels. */
    static int[] labels(double[] raw, String file, String where) throws DatasetException {
        for (int i = 0; i < raw.length; i++) {
            if (!Double.isFinite(raw[i]) || raw[i] != Math.rint(raw[i])) {
                throw new DatasetException(file + ": " + where + " entry " + (i + 1) + " is " + raw[i]
                        + ", not an integer class id");
            }
        }
        double[] distinct = Arrays.stream(raw).distinct().sorted().toArray();
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = Arrays.binarySearch(distinct, raw[i]);
        }
        return out;
    }

    /** Class names or numbers from a text file: all integers sort numerically, otherwise names sort as text. */
    static int[] labels(List<String> raw, String file, String where) throws DatasetException {
        double[] numbers = new double[raw.size()];
        boolean numeric = true;
        for (int i = 0; i < raw.size() && numeric; i++) {
            Double d = number(raw.get(i));
            numeric = d != null && !d.isNaN();
            numbers[i] = numeric ? d : 0;
        }
        if (numeric) {
            return labels(numbers, file, where);
        }
        TreeMap<String, Integer> ids = new TreeMap<>();
        new TreeSet<>(raw).forEach(s -> ids.put(s, ids.size()));
        int[] out = new int[raw.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(raw.get(i));
        }
        return out;
    }

    /** A number as text writes it (also nan, inf, -inf and the empty cell as NaN); null when it is not one. */
    static Double number(String s) {
        String t = s.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "", "nan", "na", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        char last = t.charAt(t.length() - 1);
        if (!Character.isDigit(last) && last != '.') {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Names in order with digit runs compared as numbers: view2 before view10. */
    static List<String> naturalSort(List<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort((a, b) -> key(a).compareTo(key(b)));
        return out;
    }

    private static String key(String s) {
        StringBuilder k = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+|\\D+").matcher(s);
        while (m.find()) {
            String g = m.group();
            k.append(Character.isDigit(g.charAt(0)) ? "0".repeat(Math.max(0, 20 - g.length())) + g : g);
        }
        return k.toString();
    }
}

package org.mvclust.datasets;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/**
 * MATLAB .mat files, v5 (mfl-core) and v7.3 (HDF5, jhdf). Views come from a cell array or from separate variables;
 * samples may be rows or columns; views may be dense or sparse of any numeric class.
 */
public final class MatReader implements DatasetReader {
    public static final String NAME = "mat";

    private static final List<String> VIEW_CELLS = List.of("X", "data", "fea");
    private static final List<String> LABEL_VARS = List.of("Y", "y", "gt", "truelabel", "gnd", "labels", "truth");
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private record View(String name, MatVar var) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MATLAB .mat file (v5 or v7.3): views in a cell array or separate variables, dense or sparse";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofString("views", "", "cell array of views, or comma-separated view variables; empty: "
                        + "auto (a cell X/data/fea, the only cell, or X1,X2,...)"),
                ParamSpec.ofString("labels", "", "label variable; empty: auto (Y, y, gt, truelabel, gnd, labels, truth)"),
                ParamSpec.ofString("samples", "auto", "auto|rows|columns: whether samples are the rows or the columns "
                        + "of each view (auto: from the label length)"),
                Checks.NAN);
    }

    @Override
    public boolean accepts(Path source) {
        return source != null && source.getFileName() != null
                && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat");
    }

    @Override
    public MultiViewData read(Path source, Params params) throws DatasetException {
        if (source == null) {
            throw new DatasetException("mat: no file given");
        }
        String file = source.toString();
        return read(bytes(source), file, stem(source), new Opts(params, params(), file));
    }

    /** The whole file, after checking it exists and fits in the heap. */
    static byte[] bytes(Path source) throws DatasetException {
        String file = source.toString();
        try {
            if (Files.isDirectory(source)) {
                throw new DatasetException(file + ": is a directory, not a file");
            }
            Limits.check(Files.size(source), 1, file, "the file");
            return Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read (" + e + ")", e);
        }
    }

    static String stem(Path p) {
        String s = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /** Reads a file already in memory; {@code file} names it in messages. */
    static MultiViewData read(byte[] bytes, String file, String name, Opts opts) throws DatasetException {
        String samples = opts.choice("samples", "auto", "rows", "columns");
        String nan = opts.choice("nan", "error", "impute-mean", "absent");
        if (!isHdf5(bytes)) {
            return build(Mat5Vars.read(bytes, file), name, opts, samples, nan);
        }
        HdfFile hdf;
        try {
            hdf = HdfFile.fromBytes(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw new DatasetException(file + ": corrupt MAT v7.3 (HDF5) file (" + e + ")", e);
        }
        try {
            return build(Mat73Vars.read(hdf, file, bytes.length), name, opts, samples, nan);
        } finally {
            try {
                hdf.close();
            } catch (RuntimeException e) {
                // An in-memory file holds nothing to release; a failure here says nothing about the data read.
            }
        }
    }

    /** HDF5 puts its signature at byte 0, 512, 1024, ...; MATLAB v7.3 files use 512. */
    private static boolean isHdf5(byte[] b) {
        for (int off = 0; off + HDF5.length <= b.length && off <= 2048; off = off == 0 ? 512 : off * 2) {
            if (Arrays.equals(b, off, off + HDF5.length, HDF5, 0, HDF5.length)) {
                return true;
            }
        }
        return false;
    }

    private static MultiViewData build(MatContents c, String name, Opts opts, String samples, String nan)
            throws DatasetException {
        String file = c.file();
        String labelName = labelName(c, opts.get("labels"));
        int[] labels = labelName == null ? null : labels(c, labelName);
        List<View> views = views(c, opts.get("views"), labelName);
        if (views.isEmpty()) {
            String given = opts.get("views");
            throw new DatasetException(file + ": no views" + (given.isEmpty() ? " (the view cell is empty)" : " in views=" + given));
        }
        boolean columns = samples.equals("columns")
                || samples.equals("auto") && columns(views, labels == null ? -1 : labels.length, labelName, file);
        List<Matrix> mats = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (View v : views) {
            mats.add(matrix(v, columns, file));
            names.add(v.name());
        }
        return Checks.data(file, name, names, mats, labels, nan);
    }

    private static MatVar var(MatContents c, String name, String role) throws DatasetException {
        MatVar v = c.vars().get(name);
        if (v == null) {
            throw new DatasetException(c.file() + ": no usable variable '" + name + "' for the " + role + "; the file has: "
                    + (c.listing().isEmpty() ? "no variables" : String.join(", ", c.listing())));
        }
        return v;
    }

    private static String labelName(MatContents c, String given) throws DatasetException {
        if (!given.isEmpty()) {
            var(c, given, "labels");
            return given;
        }
        return LABEL_VARS.stream().filter(c.vars()::containsKey).findFirst().orElse(null);
    }

    private static int[] labels(MatContents c, String name) throws DatasetException {
        MatVar v = var(c, name, "labels");
        String where = "labels '" + name + "'";
        double[] values;
        if (v.kind() == MatVar.Kind.CELL) {
            if (v.numel() == 0) {
                throw new DatasetException(c.file() + ": " + where + " is an empty cell");
            }
            values = labelVector(v.cell(0), c.file(), where + "{1}");
            for (int i = 1; i < v.numel(); i++) {
                if (!Arrays.equals(values, labelVector(v.cell(i), c.file(), where + "{" + (i + 1) + "}"))) {
                    throw new DatasetException(c.file() + ": " + where + " is a cell of different label vectors ({1} and {"
                            + (i + 1) + "} differ)");
                }
            }
        } else {
            values = labelVector(v, c.file(), where);
        }
        return Checks.labels(values, c.file(), where);
    }

    private static double[] labelVector(MatVar v, String file, String where) throws DatasetException {
        if (v.kind() != MatVar.Kind.NUMERIC && v.kind() != MatVar.Kind.SPARSE || v.rows() != 1 && v.cols() != 1) {
            throw new DatasetException(file + ": " + where + " is " + v.shape() + ", expected a numeric vector");
        }
        if (v.kind() == MatVar.Kind.NUMERIC) {
            return v.values();
        }
        Limits.check(v.numel(), 8, file, where);
        double[] out = new double[(int) v.numel()];
        int rows = v.rows();
        v.forEachEntry((r, col, x) -> out[col * rows + r] = x);
        return out;
    }

    private static List<View> views(MatContents c, String given, String labelName) throws DatasetException {
        if (!given.isEmpty()) {
            List<String> names = Arrays.stream(given.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.size() == 1 && var(c, names.get(0), "views").kind() == MatVar.Kind.CELL) {
                return cellViews(c.vars().get(names.get(0)), names.get(0));
            }
            List<View> out = new ArrayList<>();
            for (String n : names) {
                out.add(new View(n, var(c, n, "views")));
            }
            return out;
        }
        for (String n : VIEW_CELLS) {
            MatVar v = c.vars().get(n);
            if (v != null && v.kind() == MatVar.Kind.CELL) {
                return cellViews(v, n);
            }
        }
        List<String> cells = new ArrayList<>();
        for (Map.Entry<String, MatVar> e : c.vars().entrySet()) {
            if (!e.getKey().equals(labelName) && matrixCell(e.getValue())) {
                cells.add(e.getKey());
            }
        }
        if (cells.size() == 1) {
            return cellViews(c.vars().get(cells.get(0)), cells.get(0));
        }
        if (cells.size() > 1) {
            throw new DatasetException(c.file() + ": several cell arrays could hold the views (" + String.join(", ", cells)
                    + "); name one with views=NAME");
        }
        return numberedViews(c, labelName);
    }

    private static boolean matrixCell(MatVar v) throws DatasetException {
        if (v.kind() != MatVar.Kind.CELL || v.numel() == 0) {
            return false;
        }
        for (int i = 0; i < v.numel(); i++) {
            MatVar.Kind k = v.cell(i).kind();
            if (k != MatVar.Kind.NUMERIC && k != MatVar.Kind.SPARSE) {
                return false;
            }
        }
        return true;
    }

    private static List<View> cellViews(MatVar cell, String name) throws DatasetException {
        List<View> out = new ArrayList<>();
        for (int i = 0; i < cell.numel(); i++) {
            out.add(new View(name + "{" + (i + 1) + "}", cell.cell(i)));
        }
        return out;
    }

    /** Variables X1, X2, ... (one common prefix, ordered by number), or a single matrix X, data or fea. */
    private static List<View> numberedViews(MatContents c, String labelName) throws DatasetException {
        Map<String, TreeMap<Long, String>> groups = new TreeMap<>();
        for (Map.Entry<String, MatVar> e : c.vars().entrySet()) {
            Matcher m = NUMBERED.matcher(e.getKey());
            MatVar.Kind k = e.getValue().kind();
            if (m.matches() && m.group(2).length() < 10 && !e.getKey().equals(labelName)
                    && (k == MatVar.Kind.NUMERIC || k == MatVar.Kind.SPARSE)) {
                groups.computeIfAbsent(m.group(1), p -> new TreeMap<>()).put(Long.parseLong(m.group(2)), e.getKey());
            }
        }
        if (groups.size() == 1) {
            List<View> out = new ArrayList<>();
            for (String n : groups.values().iterator().next().values()) {
                out.add(new View(n, c.vars().get(n)));
            }
            return out;
        }
        if (groups.isEmpty()) {
            for (String n : VIEW_CELLS) {
                MatVar v = c.vars().get(n);
                if (v != null && (v.kind() == MatVar.Kind.NUMERIC || v.kind() == MatVar.Kind.SPARSE)) {
                    return List.of(new View(n, v));
                }
            }
        }
        if (c.listing().isEmpty()) {
            throw new DatasetException(c.file() + ": the file holds no variables (a header only: truncated or empty?)");
        }
        throw new DatasetException(c.file() + ": cannot tell which variables are the views"
                + (groups.isEmpty() ? "" : " (candidates: " + String.join(", ", groups.keySet().stream().map(p -> p + "1, "
                        + p + "2, ...").toList()) + ")")
                + "; name them with views=NAME or views=A,B,C; the file has: " + String.join(", ", c.listing()));
    }

    /** Whether samples are columns, decided from the label count n (or, without labels, from the shared dimension). */
    private static boolean columns(List<View> views, int n, String labelName, String file) throws DatasetException {
        boolean rows = true;
        boolean cols = true;
        for (View v : views) {
            int r = n < 0 ? views.get(0).var().rows() : n;
            int c = n < 0 ? views.get(0).var().cols() : n;
            boolean rowsHere = v.var().rows() == r;
            boolean colsHere = v.var().cols() == c;
            if (n >= 0 && !rowsHere && !colsHere) {
                throw new DatasetException(file + ": view '" + v.name() + "' is " + v.var().shape() + " but labels '"
                        + labelName + "' have " + n + " entries: neither dimension matches (wrong labels or views?)");
            }
            rows &= rowsHere;
            cols &= colsHere;
        }
        if (rows && cols) {
            throw new DatasetException(file + ": cannot tell whether samples are rows or columns (every view is "
                    + views.get(0).var().shape() + (n < 0 ? ", no labels" : ", " + n + " labels")
                    + "); set samples=rows or samples=columns");
        }
        if (!rows && !cols) {
            StringBuilder s = new StringBuilder();
            views.forEach(v -> s.append(s.length() == 0 ? "" : ", ").append(v.name()).append(" ").append(v.var().shape()));
            throw new DatasetException(file + ": views have different sample counts whichever way they are read ("
                    + s + (n < 0 ? "" : "; " + n + " labels") + ")");
        }
        return cols;
    }

    private static Matrix matrix(View v, boolean columns, String file) throws DatasetException {
        MatVar m = v.var();
        String where = "view '" + v.name() + "'";
        int r = m.rows();
        int c = m.cols();
        int n = columns ? c : r;
        int d = columns ? r : c;
        if (m.kind() != MatVar.Kind.NUMERIC && m.kind() != MatVar.Kind.SPARSE) {
            throw new DatasetException(file + ": " + where + " is " + m.shape() + ", expected a numeric or sparse matrix");
        }
        if (m.complex()) {
            throw new DatasetException(file + ": " + where + " holds complex values; mvclust reads real features only "
                    + "(store abs(), real() or [real imag] of it)");
        }
        // Dense values first: reading them checks the declared size against the file before anything is allocated.
        double[] a = m.kind() == MatVar.Kind.NUMERIC ? m.values() : null;
        Limits.check((long) n * d, 4, file, where);
        float[] out = new float[n * d];
        Narrowing narrow = new Narrowing(file, where);
        if (a == null) {
            DatasetException[] bad = new DatasetException[1];
            m.forEachEntry((i, j, x) -> {
                int s = columns ? j : i;
                int f = columns ? i : j;
                try {
                    out[s * d + f] = narrow.apply(x, s, f);
                } catch (DatasetException e) {
                    bad[0] = bad[0] == null ? e : bad[0];
                }
            });
            if (bad[0] != null) {
                throw bad[0];
            }
            return narrow.done(new Matrix(n, d, out));
        }
        if (a.length != out.length) {
            throw new DatasetException(file + ": " + where + " holds " + a.length + " values, its shape says " + out.length);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = narrow.apply(a[columns ? i * r + j : j * r + i], i, j);
            }
        }
        return narrow.done(new Matrix(n, d, out));
    }
}

package org.mvclust.datasets;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mvclust.api.DatasetException;

/**
 * MAT v7.3 files (HDF5) through jhdf. MATLAB writes arrays transposed: an HDF5 shape (a, b) is a MATLAB b × a array
 * whose column-major values are the HDF5 row-major values. Cells hold object references into {@code #refs#}; sparse
 * arrays are groups of {@code data}, {@code ir}, {@code jc} with the row count in {@code MATLAB_sparse}.
 */
final class Mat73Vars {
    /** Runs one jhdf call; anything it throws on a malformed file becomes a {@link DatasetException}. */
    private interface Call<T> {
        T get() throws DatasetException;
    }

    private final HdfFile hdf;
    private final String file;
    private final long fileSize;

    private Mat73Vars(HdfFile hdf, String file, long fileSize) {
        this.hdf = hdf;
        this.file = file;
        this.fileSize = fileSize;
    }

    static MatContents read(HdfFile hdf, String file, long fileSize) throws DatasetException {
        Mat73Vars r = new Mat73Vars(hdf, file, fileSize);
        Map<String, MatVar> vars = new LinkedHashMap<>();
        List<String> listing = new ArrayList<>();
        Map<String, Node> children = r.call(hdf::getChildren, "the root group");
        for (Map.Entry<String, Node> e : children.entrySet()) {
            if (!e.getKey().startsWith("#")) {
                MatVar v = r.wrap(e.getValue(), "variable '" + e.getKey() + "'");
                vars.put(e.getKey(), v);
                listing.add(e.getKey() + " (" + v.shape() + ")");
            }
        }
        return new MatContents(file, vars, listing);
    }

    private <T> T call(Call<T> c, String where) throws DatasetException {
        try {
            return c.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new DatasetException(file + ": corrupt HDF5 data at " + where + " (" + e + ")", e);
        }
    }

    private MatVar wrap(Node node, String where) throws DatasetException {
        return call(() -> {
            String cls = text(node.getAttribute("MATLAB_class"), where);
            if (node instanceof Group g) {
                Attribute rows = g.getAttribute("MATLAB_sparse");
                return rows == null ? new Var(MatVar.Kind.OTHER, cls == null ? "struct" : cls, new int[] {1, 1}, null, g, where)
                        : sparse(g, cls, number(small(rows, where).getData()), where);
            }
            Dataset d = (Dataset) node;
            int[] dims = matlabDims(d.getDimensions());
            if (node.getAttribute("MATLAB_empty") != null) {
                dims = new int[] {0, 0};
            }
            if (cls == null) {
                cls = d.getJavaType() == String.class ? "string" : "hdf5 " + d.getJavaType().getSimpleName();
            }
            MatVar.Kind kind = switch (cls) {
                case "cell" -> MatVar.Kind.CELL;
                case "char" -> MatVar.Kind.CHAR;
                case "struct", "function_handle", "string" -> MatVar.Kind.OTHER;
                default -> MatVar.Kind.NUMERIC;
            };
            return new Var(kind, cls, dims, d, null, where);
        }, where);
    }

    private MatVar sparse(Group g, String cls, long rows, String where) throws DatasetException {
        Node jcNode = g.getChild("jc");
        if (!(jcNode instanceof Dataset jcSet) || rows < 0 || rows > Integer.MAX_VALUE) {
            throw new DatasetException(file + ": malformed sparse array at " + where);
        }
        long cols = jcSet.getSize() - 1;
        if (cols < 0 || cols > Integer.MAX_VALUE) {
            throw new DatasetException(file + ": malformed sparse array at " + where);
        }
        return new Var(MatVar.Kind.SPARSE, cls == null ? "double" : cls, new int[] {(int) rows, (int) cols}, null, g, where);
    }

    private static int[] matlabDims(int[] hdfDims) {
        if (hdfDims.length == 0) {
            return new int[] {1, 1};
        }
        if (hdfDims.length == 1) {
            return new int[] {hdfDims[0], 1};
        }
        int[] m = new int[hdfDims.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = hdfDims[hdfDims.length - 1 - i];
        }
        return m;
    }

    /** A MATLAB attribute holds one short value; a large declared size is a corrupt header, refused before reading. */
    private Attribute small(Attribute a, String where) throws DatasetException {
        if (a.getSize() > 1024 || a.getSizeInBytes() > 65536) {
            throw new DatasetException(file + ": attribute '" + a.getName() + "' of " + where + " declares " + a.getSize()
                    + " values: corrupt header");
        }
        return a;
    }

    private String text(Attribute a, String where) throws DatasetException {
        if (a == null) {
            return null;
        }
        Object v = small(a, where).getData();
        if (v != null && v.getClass().isArray() && Array.getLength(v) > 0) {
            v = Array.get(v, 0);
        }
        return v == null ? null : v.toString();
    }

    private static long number(Object v) {
        if (v != null && v.getClass().isArray()) {
            v = Array.getLength(v) > 0 ? Array.get(v, 0) : null;
        }
        return v instanceof Number n ? n.longValue() : -1;
    }

    /** The whole dataset as doubles, after checking its declared size against the file and the heap. */
    private double[] load(Dataset d, String where) throws DatasetException {
        return call(() -> {
            long count = checkSize(d, where);
            Object flat = d.getDataFlat();
            int n = flat == null || !flat.getClass().isArray() ? -1 : Array.getLength(flat);
            if (n != count) {
                throw new DatasetException(file + ": " + where + " holds " + n + " values, expected " + count);
            }
            if (flat instanceof double[] dd) {
                return dd;
            }
            double[] out = new double[n];
            if (flat instanceof float[] ff) {
                for (int i = 0; i < n; i++) {
                    out[i] = ff[i];
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                Object o = Array.get(flat, i);
                out[i] = o instanceof Number x ? x.doubleValue() : o instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
            }
            return out;
        }, where);
    }

    /** The value count of {@code d}, after checking its declared size against the file and the heap. */
    private long checkSize(Dataset d, String where) throws DatasetException {
        long count = d.getSize();
        Limits.check(count, 8, file, where);
        long bytes = d.getSizeInBytes();
        long chunk = d instanceof ChunkedDataset c ? product(c.getChunkDimensions()) * d.getDataType().getSize() : 0;
        long most = fileSize * Limits.MAX_INFLATE_RATIO + 4096;
        if (bytes < 0 || bytes > most || chunk < 0 || chunk > most) {
            throw new DatasetException(file + ": " + where + " declares " + Math.max(bytes, chunk)
                    + " bytes, more than a " + fileSize + "-byte file can hold: corrupt header");
        }
        Limits.check(chunk, 1, file, where + " (one chunk)");
        return count;
    }

    private static long product(int[] dims) {
        long p = 1;
        for (int d : dims) {
            p = Math.min(p * Math.max(d, 0), Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        return p;
    }

    private final class Var implements MatVar {
        private final Kind kind;
        private final String type;
        private final int[] dims;
        private final Dataset data;
        private final Group group;
        private final String where;
        private long[] refs;

        Var(Kind kind, String type, int[] dims, Dataset data, Group group, String where) {
            this.kind = kind;
            this.type = type;
            this.dims = dims;
            this.data = data;
            this.group = group;
            this.where = where;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public int[] dims() {
            return dims.clone();
        }

        @Override
        public double[] values() throws DatasetException {
            return numel() == 0 ? new double[0] : load(data, where);
        }

        @Override
        public void forEachEntry(EntrySink sink) throws DatasetException {
            double[] jc = load(dataset("jc"), where + " jc");
            int nnz = jc.length == 0 ? 0 : (int) jc[jc.length - 1];
            double[] ir = nnz == 0 ? new double[0] : load(dataset("ir"), where + " ir");
            boolean hasData = call(() -> group.getChild("data"), where) != null;
            double[] values = nnz == 0 ? new double[0] : hasData ? load(dataset("data"), where) : null;
            if (nnz < 0 || nnz > ir.length || (values != null && nnz > values.length)) {
                throw new DatasetException(file + ": malformed sparse array at " + where);
            }
            for (int c = 0; c < dims[1]; c++) {
                if (jc[c] < 0 || jc[c] > jc[c + 1] || jc[c + 1] > nnz) {
                    throw new DatasetException(file + ": malformed sparse column starts at " + where);
                }
                for (int k = (int) jc[c]; k < jc[c + 1]; k++) {
                    if (ir[k] < 0 || ir[k] >= dims[0]) {
                        throw new DatasetException(file + ": sparse row index " + ir[k] + " outside the matrix at " + where);
                    }
                    sink.accept((int) ir[k], c, values == null ? 1 : values[k]);
                }
            }
        }

        private Dataset dataset(String name) throws DatasetException {
            Node n = call(() -> group.getChild(name), where);
            if (!(n instanceof Dataset d)) {
                throw new DatasetException(file + ": sparse array at " + where + " has no '" + name + "' dataset");
            }
            return d;
        }

        @Override
        public MatVar cell(int i) throws DatasetException {
            String at = where + "{" + (i + 1) + "}";
            if (refs == null) {
                Object flat = call(() -> {
                    checkSize(data, where);
                    return data.getDataFlat();
                }, where);
                if (!(flat instanceof long[] r)) {
                    throw new DatasetException(file + ": " + where + " is a cell without object references");
                }
                refs = r;
            }
            if (i >= refs.length) {
                throw new DatasetException(file + ": " + where + " holds " + refs.length + " references, its shape says "
                        + numel());
            }
            long address = refs[i];
            return wrap(call(() -> hdf.getNodeByAddress(address), at), at);
        }

        @Override
        public String text() throws DatasetException {
            double[] codes = values();
            StringBuilder s = new StringBuilder();
            for (double c : codes) {
                s.append((char) c);
            }
            return s.toString();
        }
    }
}

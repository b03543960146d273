package org.mvclust.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvclust.api.DatasetException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sparse;

/** MAT v5 files: checked by {@link Mat5Scanner}, then parsed by mfl-core. */
final class Mat5Vars {
    private Mat5Vars() {
    }

    static MatContents read(byte[] bytes, String file) throws DatasetException {
        Mat5Scanner.Result scan = Mat5Scanner.scan(bytes, file);
        Mat5File mat;
        try {
            mat = Mat5.newReader(us.hebi.matlab.mat.types.Sources.wrap(scan.image())).readMat();
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file + ": corrupt MAT-file (" + e.getMessage() + ")", e);
        }
        Map<String, MatVar> vars = new LinkedHashMap<>();
        List<String> listing = new ArrayList<>();
        for (Mat5Scanner.Entry e : scan.entries()) {
            if (e.name().isEmpty()) {
                continue;
            }
            listing.add(e.name() + " (" + Mat5Scanner.shape(e.dims()) + " " + e.type() + ")");
            if (e.supported() && !vars.containsKey(e.name())) {
                try {
                    vars.put(e.name(), new Var(mat.getArray(e.name()), file));
                } catch (RuntimeException ex) {
                    throw new DatasetException(file + ": corrupt variable '" + e.name() + "' (" + ex.getMessage() + ")", ex);
                }
            }
        }
        return new MatContents(file, vars, listing);
    }

    private record Var(Array a, String file) implements MatVar {
        @Override
        public Kind kind() {
            return a instanceof Sparse ? Kind.SPARSE : a instanceof Matrix ? Kind.NUMERIC
                    : a instanceof Cell ? Kind.CELL : a instanceof Char ? Kind.CHAR : Kind.OTHER;
        }

        @Override
        public boolean complex() {
            return a instanceof Matrix m && m.isComplex();
        }

        @Override
        public String type() {
            if (a instanceof Matrix m && m.isLogical()) {
                return "logical";
            }
            return switch (a.getType()) {
                case Character -> "char";
                case Structure -> "struct";
                case Sparse -> "double";
                default -> a.getType().name().toLowerCase(Locale.ROOT);
            };
        }

        @Override
        public int[] dims() {
            return a.getDimensions();
        }

        @Override
        public double[] values() throws DatasetException {
            long n = numel();
            Limits.check(n, 8, file, "a " + shape() + " array");
            Matrix m = (Matrix) a;
            double[] v = new double[(int) n];
            try {
                for (int i = 0; i < v.length; i++) {
                    v[i] = m.getDouble(i);
                }
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
            return v;
        }

        @Override
        public void forEachEntry(EntrySink sink) throws DatasetException {
            int rows = rows();
            int cols = cols();
            try {
                ((Sparse) a).forEach((r, c, re, im) -> {
                    if (r < 0 || r >= rows || c < 0 || c >= cols) {
                        throw new IndexOutOfBoundsException("entry (" + r + "," + c + ") outside " + shape());
                    }
                    sink.accept(r, c, re);
                });
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        @Override
        public MatVar cell(int i) throws DatasetException {
            try {
                return new Var(((Cell) a).get(i), file);
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        @Override
        public String text() throws DatasetException {
            try {
                return ((Char) a).getString();
            } catch (RuntimeException e) {
                throw corrupt(e);
            }
        }

        private DatasetException corrupt(RuntimeException e) {
            return new DatasetException(file + ": corrupt " + shape() + " array (" + e + ")", e);
        }
    }
}

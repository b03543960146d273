package org.mvclust.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mvclust.api.DatasetException;

/**
 * Walks a MAT v5 file before mfl-core sees it: every declared size is checked against the bytes present, compressed
 * variables are inflated under a cap, and an uncompressed copy holding only the variables this reader can use (numeric,
 * sparse, char and cells of those) is built. mfl-core then never allocates more than the file really holds.
 */
final class Mat5Scanner {
    /** A top-level variable: name, MATLAB class, dims, and whether it was kept in the image. */
    record Entry(String name, String type, int[] dims, boolean supported) {
    }

    record Result(byte[] image, List<Entry> entries) {
    }

    private record Sub(int type, int data, int size, int next) {
    }

    private record Node(String name, String type, int[] dims, boolean supported, int end, int next) {
    }

    private static final int MI_INT8 = 1;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MAX_DEPTH = 16;
    private static final String[] CLASSES = {"unknown", "cell", "struct", "object", "char", "sparse", "double", "single",
        "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "function_handle", "opaque"};

    private final String file;
    private long inflated;

    private Mat5Scanner(String file) {
        this.file = file;
    }

    static Result scan(byte[] bytes, String file) throws DatasetException {
        return new Mat5Scanner(file).run(bytes);
    }

    /** A v4 file starts with five int32 (type MOPT, rows, cols, imaginary flag, name length), little or big endian. */
    private static boolean v4(byte[] b) {
        for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            ByteBuffer h = ByteBuffer.wrap(b, 0, 20).order(o);
            int type = h.getInt();
            int rows = h.getInt();
            int cols = h.getInt();
            int imag = h.getInt();
            int name = h.getInt();
            if (type >= 0 && type <= 4052 && type % 10 <= 2 && rows >= 0 && cols >= 0 && (imag == 0 || imag == 1)
                    && name > 0 && name < 64) {
                return true;
            }
        }
        return false;
    }

    private Result run(byte[] bytes) throws DatasetException {
        if (bytes.length >= 20 && v4(bytes) && (bytes.length < 128 || bytes[126] != 'I' && bytes[126] != 'M')) {
            throw err("a MATLAB v4 MAT-file, which is not supported: save it again with -v7 or -v7.3");
        }
        if (bytes.length < 128) {
            throw err("too short for a MAT-file header (" + bytes.length + " bytes)");
        }
        ByteOrder order = bytes[126] == 'I' && bytes[127] == 'M' ? ByteOrder.LITTLE_ENDIAN
                : bytes[126] == 'M' && bytes[127] == 'I' ? ByteOrder.BIG_ENDIAN : null;
        if (order == null) {
            throw err("not a MATLAB MAT-file (no endian indicator at byte 126)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        int version = buf.getShort(124) & 0xFFFF;
        if (version != 0x0100) {
            throw err("unsupported MAT-file version 0x" + Integer.toHexString(version)
                    + (version == 0x0200 ? " (v7.3, but no HDF5 signature at byte 512: corrupt file)" : ""));
        }
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.write(bytes, 0, 116);
        image.write(new byte[8], 0, 8);
        image.write(bytes, 124, 4);
        List<Entry> entries = new ArrayList<>();
        int pos = 128;
        while (pos < bytes.length) {
            if (bytes.length - pos < 8) {
                throw err("truncated element at byte " + pos + " (" + (bytes.length - pos) + " bytes left)");
            }
            int type = buf.getInt(pos);
            long n = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            if (n > bytes.length - pos - 8L) {
                throw err("element at byte " + pos + " declares " + n + " bytes but only " + (bytes.length - pos - 8)
                        + " remain: file truncated or corrupt");
            }
            ByteBuffer el;
            int elPos;
            int next;
            if (type == MI_COMPRESSED) {
                el = inflate(bytes, pos + 8, (int) n, order, pos);
                elPos = 0;
                next = pos + 8 + (int) n;
            } else if (type == MI_MATRIX) {
                el = buf;
                elPos = pos;
                next = (int) Math.min(bytes.length, pos + 8 + pad8(n));
            } else {
                throw err("unexpected element type " + type + " at byte " + pos + " (expected a variable)");
            }
            Node node = matrix(el, elPos, el.limit(), 0, "variable at byte " + pos);
            int end = node.end();
            entries.add(new Entry(node.name(), node.type(), node.dims(), node.supported()));
            if (node.supported() && !node.name().isEmpty()) {
                image.write(el.array(), elPos, end - elPos);
                image.write(new byte[8], 0, (int) (pad8(end - elPos) - (end - elPos)));
            }
            pos = next;
        }
        return new Result(image.toByteArray(), entries);
    }

    /** Checks one miMATRIX element at {@code off}, which must end by {@code limit}. */
    private Node matrix(ByteBuffer b, int off, int limit, int depth, String where) throws DatasetException {
        if (limit - off < 8 || b.getInt(off) != MI_MATRIX) {
            throw err(where + ": expected a matrix element");
        }
        long n = b.getInt(off + 4) & 0xFFFFFFFFL;
        if (n > limit - off - 8L) {
            throw err(where + ": declares " + n + " bytes, only " + (limit - off - 8) + " available");
        }
        int end = off + 8 + (int) n;
        int next = (int) Math.min(limit, off + 8 + pad8(n));
        if (n == 0) {
            return new Node("", "double", new int[] {0, 0}, true, end, next);
        }
        Sub flags = sub(b, off + 8, end, where, "array flags");
        if (flags.type() != MI_UINT32 || flags.size() != 8) {
            throw err(where + ": malformed array flags");
        }
        int f = b.getInt(flags.data());
        int cls = f & 0xFF;
        boolean complex = (f & 0x800) != 0;
        String type = cls < CLASSES.length ? CLASSES[cls] : "unknown";
        Sub dimsEl = sub(b, flags.next(), end, where, "dimensions");
        if (dimsEl.type() != MI_INT32 || dimsEl.size() < 8 || dimsEl.size() % 4 != 0) {
            throw err(where + ": malformed dimensions");
        }
        Sub nameEl = sub(b, dimsEl.next(), end, where, "name");
        if (nameEl.type() != MI_INT8 && nameEl.type() != 2) {
            throw err(where + ": malformed name");
        }
        byte[] nameBytes = new byte[nameEl.size()];
        b.get(nameEl.data(), nameBytes);
        String name = new String(nameBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        String at = name.isEmpty() ? where : "variable '" + name + "'";
        int[] dims = new int[dimsEl.size() / 4];
        long numel = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = b.getInt(dimsEl.data() + 4 * i);
            if (dims[i] < 0) {
                throw err(at + ": negative dimension " + dims[i]);
            }
            numel = Math.min(numel * dims[i], Limits.MAX_ARRAY + 1);
        }
        if (numel > Limits.MAX_ARRAY) {
            throw err(at + ": declares a " + shape(dims) + " array, more elements than any MAT v5 array holds");
        }
        if ((f & 0x200) != 0 && (cls == 5 || cls == 9)) {
            type = "logical";
        }
        int cur = nameEl.next();
        boolean supported = true;
        if (cls >= 6 && cls <= 15) {
            checkData(b, cur, end, numel, at, "real part", complex);
        } else if (cls == 5) {
            sparse(b, cur, end, dims, at, complex);
        } else if (cls == 4) {
            Sub chars = sub(b, cur, end, at, "characters");
            if (chars.size() < numel || chars.size() > 4 * numel) {
                throw err(at + ": char array " + shape(dims) + " holds " + chars.size() + " bytes of text");
            }
        } else if (cls == 1) {
            if (depth >= MAX_DEPTH) {
                throw err(at + ": cells nested deeper than " + MAX_DEPTH);
            }
            if (numel > (end - cur) / 8) {
                throw err(at + ": cell declares " + numel + " elements but holds at most " + (end - cur) / 8);
            }
            for (int i = 0; i < numel; i++) {
                Node child = matrix(b, cur, end, depth + 1, at + "{" + (i + 1) + "}");
                supported &= child.supported();
                cur = child.next();
            }
        } else if (cls == 2 || cls == 3 || cls == 16 || cls == 17) {
            supported = false;
        } else {
            throw err(at + ": unknown MATLAB array class " + cls);
        }
        return new Node(name, type, dims, supported, end, next);
    }

    private void checkData(ByteBuffer b, int cur, int end, long count, String at, String what, boolean complex)
            throws DatasetException {
        Sub re = sub(b, cur, end, at, what);
        int es = elementSize(re.type());
        if (es < 0 || (long) re.size() != count * es) {
            throw err(at + ": " + what + " holds " + re.size() + " bytes of type " + re.type() + ", expected "
                    + count + " values");
        }
        if (complex) {
            checkData(b, re.next(), end, count, at, "imaginary part", false);
        }
    }

    private void sparse(ByteBuffer b, int cur, int end, int[] dims, String at, boolean complex) throws DatasetException {
        if (dims.length != 2) {
            throw err(at + ": sparse array with " + dims.length + " dimensions");
        }
        Sub ir = sub(b, cur, end, at, "row indices");
        Sub jc = sub(b, ir.next(), end, at, "column starts");
        if (ir.type() != MI_INT32 || jc.type() != MI_INT32 || jc.size() != 4L * (dims[1] + 1L)) {
            throw err(at + ": malformed sparse index arrays");
        }
        int nnz = 0;
        for (int c = 0; c <= dims[1]; c++) {
            int start = b.getInt(jc.data() + 4 * c);
            if (start < nnz || (c == 0 && start != 0)) {
                throw err(at + ": sparse column starts are not increasing at column " + c);
            }
            nnz = start;
        }
        if (nnz > ir.size() / 4) {
            throw err(at + ": sparse array declares " + nnz + " entries but stores " + ir.size() / 4 + " row indices");
        }
        for (int i = 0; i < nnz; i++) {
            int r = b.getInt(ir.data() + 4 * i);
            if (r < 0 || r >= dims[0]) {
                throw err(at + ": sparse row index " + r + " outside 0.." + (dims[0] - 1));
            }
        }
        Sub pr = sub(b, jc.next(), end, at, "values");
        int es = elementSize(pr.type());
        if (es < 0 || pr.size() / es < nnz) {
            throw err(at + ": sparse array declares " + nnz + " entries but stores fewer values");
        }
        if (complex) {
            Sub pi = sub(b, pr.next(), end, at, "imaginary values");
            if (elementSize(pi.type()) < 0 || pi.size() / elementSize(pi.type()) < nnz) {
                throw err(at + ": sparse array stores fewer imaginary values than entries");
            }
        }
    }

    private Sub sub(ByteBuffer b, int off, int end, String at, String what) throws DatasetException {
        if (end - off < 8) {
            throw err(at + ": " + what + " missing (element ends early)");
        }
        int w = b.getInt(off);
        if ((w >>> 16) != 0) {
            int size = w >>> 16;
            if (size > 4) {
                throw err(at + ": malformed small element for " + what);
            }
            return new Sub(w & 0xFFFF, off + 4, size, off + 8);
        }
        long n = b.getInt(off + 4) & 0xFFFFFFFFL;
        if (n > end - off - 8L) {
            throw err(at + ": " + what + " declares " + n + " bytes, only " + (end - off - 8) + " left in the variable");
        }
        return new Sub(w, off + 8, (int) n, (int) Math.min(end, off + 8 + pad8(n)));
    }

    private ByteBuffer inflate(byte[] bytes, int off, int n, ByteOrder order, int pos) throws DatasetException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(bytes, off, n);
            byte[] tag = new byte[8];
            if (fill(inf, tag, 0, 8) < 8) {
                throw err("compressed variable at byte " + pos + " is corrupt or truncated");
            }
            ByteBuffer t = ByteBuffer.wrap(tag).order(order);
            long total = 8 + (t.getInt(4) & 0xFFFFFFFFL);
            if (t.getInt(0) != MI_MATRIX) {
                throw err("compressed element at byte " + pos + " does not hold a variable");
            }
            if (total > n * Limits.MAX_INFLATE_RATIO + 64) {
                throw err("compressed variable at byte " + pos + " claims " + total + " bytes from " + n
                        + " compressed bytes, more than deflate can produce: corrupt header");
            }
            Limits.check(inflated + total, 1, file, "compressed variable at byte " + pos);
            inflated += total;
            byte[] out = new byte[(int) total];
            System.arraycopy(tag, 0, out, 0, 8);
            int got = fill(inf, out, 8, (int) total - 8);
            if (got < total - 8) {
                throw err("compressed variable at byte " + pos + " is truncated or corrupt (inflated " + (got + 8)
                        + " of " + total + " bytes)");
            }
            return ByteBuffer.wrap(out).order(order);
        } catch (DataFormatException e) {
            throw err("compressed variable at byte " + pos + " is corrupt (" + e.getMessage() + ")");
        } finally {
            inf.end();
        }
    }

    private static int fill(Inflater inf, byte[] out, int off, int len) throws DataFormatException {
        int got = 0;
        int idle = 0;
        while (got < len && idle < 4) {
            int k = inf.inflate(out, off + got, len - got);
            if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                break;
            }
            idle = k == 0 ? idle + 1 : 0;
            got += k;
        }
        return got;
    }

    private static int elementSize(int miType) {
        return switch (miType) {
            case 1, 2 -> 1;
            case 3, 4 -> 2;
            case 5, 6, 7 -> 4;
            case 9, 12, 13 -> 8;
            default -> -1;
        };
    }

    private static long pad8(long n) {
        return (n + 7) & ~7L;
    }

    static String shape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return s.toString();
    }

    private DatasetException err(String msg) {
        return new DatasetException(file + ": " + msg);
    }
}

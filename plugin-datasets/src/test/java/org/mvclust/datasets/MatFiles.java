package org.mvclust.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/** A small MAT v5 writer for crafting test files, including broken ones (declared dims need not match the data). */
final class MatFiles {
    static final int DOUBLE = 6;
    static final int SINGLE = 7;
    static final int INT32 = 12;
    static final int UINT8 = 9;
    static final int UINT16 = 11;

    private MatFiles() {
    }

    /** A whole file; {@code compress} wraps each variable in a compressed element. */
    static byte[] file(boolean compress, byte[]... vars) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = new byte[128];
        Arrays.fill(head, 0, 116, (byte) ' ');
        byte[] text = "MATLAB 5.0 MAT-file, written by mvclust tests".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, head, 0, text.length);
        head[124] = 0;
        head[125] = 1;
        head[126] = 'I';
        head[127] = 'M';
        out.writeBytes(head);
        for (byte[] v : vars) {
            if (compress) {
                byte[] z = deflate(v);
                out.writeBytes(buf(8).putInt(15).putInt(z.length).array());
                out.writeBytes(z);
            } else {
                out.writeBytes(v);
            }
        }
        return out.toByteArray();
    }

    static byte[] file(byte[]... vars) {
        return file(false, vars);
    }

    static byte[] doubles(String name, int rows, int cols, double... colMajor) {
        ByteBuffer b = buf(8 * colMajor.length);
        for (double d : colMajor) {
            b.putDouble(d);
        }
        return numeric(name, new int[] {rows, cols}, DOUBLE, 9, b.array(), false);
    }

    static byte[] singles(String name, int rows, int cols, float... colMajor) {
        ByteBuffer b = buf(4 * colMajor.length);
        for (float f : colMajor) {
            b.putFloat(f);
        }
        return numeric(name, new int[] {rows, cols}, SINGLE, 7, b.array(), false);
    }

    static byte[] uint8(String name, int rows, int cols, int... colMajor) {
        byte[] b = new byte[colMajor.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) colMajor[i];
        }
        return numeric(name, new int[] {rows, cols}, UINT8, 2, b, false);
    }

    static byte[] int32(String name, int rows, int cols, int... colMajor) {
        ByteBuffer b = buf(4 * colMajor.length);
        for (int v : colMajor) {
            b.putInt(v);
        }
        return numeric(name, new int[] {rows, cols}, INT32, 5, b.array(), false);
    }

    /** Any numeric class with raw data of MAT type {@code miType}; dims may claim more than the data holds. */
    static byte[] numeric(String name, int[] dims, int cls, int miType, byte[] data, boolean logical) {
        return matrix(cls | (logical ? 0x200 : 0), 0, dims, name, element(miType, data));
    }

    /** A sparse double matrix in compressed-column form. */
    static byte[] sparse(String name, int rows, int cols, int[] ir, int[] jc, double[] pr) {
        ByteBuffer i = buf(4 * ir.length);
        Arrays.stream(ir).forEach(i::putInt);
        ByteBuffer j = buf(4 * jc.length);
        Arrays.stream(jc).forEach(j::putInt);
        ByteBuffer p = buf(8 * pr.length);
        Arrays.stream(pr).forEach(p::putDouble);
        return matrix(5, Math.max(1, ir.length), new int[] {rows, cols}, name, element(5, i.array()),
                element(5, j.array()), element(9, p.array()));
    }

    /** A cell array of elements made with an empty name. */
    static byte[] cell(String name, int rows, int cols, byte[]... elems) {
        return matrix(1, 0, new int[] {rows, cols}, name, elems);
    }

    static byte[] chars(String name, String s) {
        ByteBuffer b = buf(2 * s.length());
        s.chars().forEach(c -> b.putShort((short) c));
        return matrix(4, 0, new int[] {1, s.length()}, name, element(4, b.array()));
    }

    static byte[] matrix(int flags, int nzmax, int[] dims, String name, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(element(6, buf(8).putInt(flags).putInt(nzmax).array()));
        ByteBuffer d = buf(4 * dims.length);
        Arrays.stream(dims).forEach(d::putInt);
        body.writeBytes(element(5, d.array()));
        body.writeBytes(element(1, name.getBytes(StandardCharsets.US_ASCII)));
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        return element(14, body.toByteArray());
    }

    /** A tagged element, padded to 8 bytes. */
    static byte[] element(int type, byte[] data) {
        int padded = (data.length + 7) & ~7;
        ByteBuffer b = buf(8 + padded).putInt(type).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    private static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}

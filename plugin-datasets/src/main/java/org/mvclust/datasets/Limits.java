package org.mvclust.datasets;

import org.mvclust.api.DatasetException;

/** Size checks made before any allocation that a file's header asks for. */
final class Limits {
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Deflate cannot expand data by more than about 1032:1; a larger claim is a corrupt header. */
    static final long MAX_INFLATE_RATIO = 1100;

    private Limits() {
    }

    /** Half of the heap that is still free: what one read may allocate. */
    static long heapBudget() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, (rt.maxMemory() - used) / 2);
    }

    /** Throws unless {@code count} values of {@code bytesEach} bytes fit in one Java array and in the heap budget. */
    static void check(long count, int bytesEach, String file, String what) throws DatasetException {
        long budget = heapBudget();
        if (count >= 0 && count <= MAX_ARRAY && count > budget / bytesEach) {
            // Garbage counts as used until collected: collect once before calling a large file corrupt.
            System.gc();
            budget = heapBudget();
        }
        if (count < 0 || count > MAX_ARRAY || count > budget / bytesEach) {
            throw new DatasetException(file + ": " + what + " declares " + count + " values (" + mb(count * (double) bytesEach)
                    + " MB), more than can be allocated (limit " + Math.min(MAX_ARRAY, budget / bytesEach)
                    + " values); the file is corrupt, or give the JVM more heap (-Xmx)");
        }
    }

    static String mb(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1 << 20));
    }
}

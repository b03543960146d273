package org.mvclust.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/**
 * The IDX format of MNIST (big-endian magic {@code 0 0 TYPE NDIM}, NDIM int32 sizes, then the values), gzipped or not.
 * A directory holds image files ({@code *images-idx3-ubyte[.gz]}) with label files beside them; a file is one
 * image file whose labels are found by replacing {@code images-idx3} with {@code labels-idx1}. Training files come
 * first, so MNIST reads as its 60 000 training then 10 000 test digits. One view, each image flattened row-major.
 */
public final class IdxReader implements DatasetReader {
    public static final String NAME = "idx";

    private static final int GZIP_MAGIC = 0x1f8b;

    /** One IDX file in memory, its header read: value type, sizes and where the values start. */
    record Array(int type, int[] dims, byte[] raw, int start) {
        long count() {
            long n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }

        /** Decodes every value into {@code out} from {@code at}; returns the index after the last. */
        int decode(float[] out, int at) {
            ByteBuffer b = ByteBuffer.wrap(raw);
            b.position(start);
            int n = (int) count();
            for (int i = 0; i < n; i++) {
                out[at + i] = switch (type) {
                    case 0x08 -> b.get() & 0xff;
                    case 0x09 -> b.get();
                    case 0x0B -> b.getShort();
                    case 0x0C -> b.getInt();
                    case 0x0D -> b.getFloat();
                    default -> (float) b.getDouble();
                };
            }
            return at + n;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "IDX files as MNIST ships them (gzipped or not): a directory of image/label files, or one image file";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.ofString("split", "all",
                "all|train|test: which files of a directory to read (train: names starting with 'train')"));
    }

    @Override
    public boolean accepts(Path source) {
        if (source == null || source.getFileName() == null) {
            return false;
        }
        String n = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(source)) {
            return !imageFiles(source).isEmpty();
        }
        return n.contains("-idx") && (n.endsWith("-ubyte") || n.endsWith("-ubyte.gz"));
    }

    @Override
    public MultiViewData read(Path source, Params params) throws DatasetException {
        if (source == null) {
            throw new DatasetException("idx: no file or directory given");
        }
        String split = new Opts(params, params(), source.toString()).choice("split", "all", "train", "test");
        List<Path> images;
        if (Files.isDirectory(source)) {
            images = imageFiles(source).stream().filter(p -> split.equals("all")
                    || lower(p).startsWith("train") == split.equals("train")).toList();
            if (images.isEmpty()) {
                throw new DatasetException(source + ": no IDX image files (*images-idx3-ubyte[.gz])"
                        + (split.equals("all") ? "" : " for split=" + split));
            }
        } else {
            images = List.of(source);
        }
        List<Array> parts = new ArrayList<>();
        List<int[]> labelParts = new ArrayList<>();
        int width = -1;
        long total = 0;
        for (Path img : images) {
            Array a = header(img);
            if (a.dims().length < 2) {
                throw new DatasetException(img + ": an IDX image file needs at least 2 dimensions, has " + a.dims().length);
            }
            int d = (int) (a.count() / a.dims()[0]);
            if (width >= 0 && d != width) {
                throw new DatasetException(img + ": images of " + d + " values, the files before have " + width);
            }
            width = d;
            parts.add(a);
            total += a.dims()[0];
            Path lab = labelsOf(img);
            if (lab == null) {
                labelParts = null;
            } else if (labelParts != null) {
                Array l = header(lab);
                if (l.dims().length != 1 || l.dims()[0] != a.dims()[0]) {
                    throw new DatasetException(lab + ": " + l.count() + " labels for the " + a.dims()[0] + " images of " + img);
                }
                float[] v = new float[l.dims()[0]];
                l.decode(v, 0);
                labelParts.add(IntStream.range(0, v.length).map(i -> (int) v[i]).toArray());
            }
        }
        Limits.check(total * width, 4, source.toString(), "the images");
        float[] all = new float[(int) (total * width)];
        int at = 0;
        for (Array p : parts) {
            at = p.decode(all, at);
        }
        int[] labels = null;
        if (labelParts != null) {
            double[] raw = labelParts.stream().flatMapToInt(java.util.Arrays::stream).asDoubleStream().toArray();
            labels = Checks.labels(raw, source.toString(), "labels");
        }
        return Checks.data(source.toString(), MatReader.stem(source), List.of("images"),
                List.of(new Matrix((int) total, width, all)), labels, "error");
    }

    private static String lower(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** Image files of a directory, training files first, then by name. */
    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> lower(p).matches(".*images-idx\\d-ubyte(\\.gz)?") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing((Path p) -> !lower(p).startsWith("train")).thenComparing(IdxReader::lower))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path labelsOf(Path images) {
        String n = images.getFileName().toString();
        String l = n.replaceFirst("images-idx\\d", "labels-idx1");
        for (String cand : List.of(l, l.endsWith(".gz") ? l.substring(0, l.length() - 3) : l + ".gz")) {
            Path p = images.resolveSibling(cand);
            if (!cand.equals(n) && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads one IDX file and checks its header against its size; values are decoded later. */
    static Array header(Path file) throws DatasetException {
        byte[] raw = MatReader.bytes(file);
        String f = file.toString();
        if (raw.length >= 2 && ((raw[0] & 0xff) << 8 | raw[1] & 0xff) == GZIP_MAGIC) {
            raw = gunzip(raw, f);
        }
        return header(raw, f);
    }

    static Array header(byte[] raw, String f) throws DatasetException {
        if (raw.length < 4 || raw[0] != 0 || raw[1] != 0) {
            throw new DatasetException(f + ": not an IDX file (the first two bytes must be 0)");
        }
        int type = raw[2] & 0xff;
        int size = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new DatasetException(f + ": unknown IDX value type 0x" + Integer.toHexString(type)
                    + " (known: 08 ubyte, 09 byte, 0B short, 0C int, 0D float, 0E double)");
        };
        int ndim = raw[3] & 0xff;
        if (ndim == 0 || raw.length < 4 + 4L * ndim) {
            throw new DatasetException(f + ": IDX header truncated or without dimensions (" + ndim + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        b.position(4);
        int[] dims = new int[ndim];
        long count = 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = b.getInt();
            if (dims[i] < 0) {
                throw new DatasetException(f + ": IDX dimension " + (i + 1) + " is negative (" + dims[i] + ")");
            }
            count *= dims[i];
            if (count > Limits.MAX_ARRAY) {
                break;
            }
        }
        if (count > Limits.MAX_ARRAY) {
            throw new DatasetException(f + ": the IDX header declares " + count + " values, more than one array holds");
        }
        long expected = 4 + 4L * ndim + count * size;
        if (raw.length != expected) {
            throw new DatasetException(f + ": IDX header declares " + count + " values (" + expected + " bytes), the file has "
                    + raw.length + " bytes");
        }
        return new Array(type, dims, raw, 4 + 4 * ndim);
    }

    private static byte[] gunzip(byte[] raw, String f) throws DatasetException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            long budget = Math.min(Limits.MAX_ARRAY, Math.min(Limits.heapBudget(), raw.length * Limits.MAX_INFLATE_RATIO));
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget));
            if (in.read() >= 0) {
                throw new DatasetException(f + ": gzip content larger than can be read (" + Limits.mb(budget) + " MB)");
            }
            return out;
        } catch (IOException e) {
            throw new DatasetException(f + ": corrupt gzip stream (" + e.getMessage() + ")", e);
        }
    }
}

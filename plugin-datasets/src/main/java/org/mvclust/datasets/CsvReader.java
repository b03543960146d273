package org.mvclust.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mvclust.api.DatasetException;
import org.mvclust.api.DatasetReader;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/**
 * CSV datasets: a directory with one file per view ({@code view*.csv}, or every other {@code .csv}) and an optional
 * {@code labels.csv}, or a single file whose header names each column {@code view:feature}, plus an optional label
 * column.
 */
public final class CsvReader implements DatasetReader {
    public static final String NAME = "csv";

    private static final List<String> LABEL_COLUMNS = List.of("label", "labels", "class", "target", "gt", "truth");

    /** A parsed file: numeric cells row-major, the header when there is one, and the text of the label column. */
    private record Table(String file, String[] header, int rows, int cols, float[] values, List<String> labels) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CSV: a directory of one file per view plus labels.csv, or one file with view-prefixed columns";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofString("header", "auto", "auto|true|false: whether the first row names the columns "
                        + "(auto: when it holds a cell that is not a number)"),
                ParamSpec.ofString("delimiter", ",", "field separator (\\t or tab for tabs)"),
                ParamSpec.ofString("quote", "\"", "quote character; empty for none"),
                ParamSpec.ofString("labels", "", "labels file (directory) or column (single file); empty: labels.csv "
                        + "or a column named label, labels, class, target, gt or truth"),
                ParamSpec.ofString("view_sep", ":", "separates view and feature in the column names of a single file"),
                Checks.NAN);
    }

    @Override
    public boolean accepts(Path source) {
        if (source == null) {
            return false;
        }
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                return s.anyMatch(CsvReader::isCsv);
            } catch (IOException e) {
                return false;
            }
        }
        return isCsv(source);
    }

    private static boolean isCsv(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public MultiViewData read(Path source, Params params) throws DatasetException {
        if (source == null) {
            throw new DatasetException("csv: no file or directory given");
        }
        String where = source.toString();
        Opts o = new Opts(params, params(), where);
        String nan = o.choice("nan", "error", "impute-mean", "absent");
        String header = o.choice("header", "auto", "true", "false");
        CSVFormat format = format(o, where);
        if (Files.isDirectory(source)) {
            return directory(source, o, format, header, nan);
        }
        if (!Files.exists(source)) {
            throw new DatasetException(where + ": no such file or directory");
        }
        return single(source, o, format, header, nan);
    }

    private static CSVFormat format(Opts o, String where) throws DatasetException {
        String d = o.get("delimiter");
        d = d.equals("\\t") || d.equalsIgnoreCase("tab") ? "\t" : d;
        String q = o.get("quote");
        if (d.isEmpty() || q.length() > 1) {
            throw new DatasetException(where + ": delimiter must be non-empty and quote at most one character");
        }
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(d).setQuote(q.isEmpty() ? null : q.charAt(0))
                    .setIgnoreEmptyLines(true).build();
        } catch (IllegalArgumentException e) {
            throw new DatasetException(where + ": unusable CSV dialect (" + e.getMessage() + ")", e);
        }
    }

    private static MultiViewData directory(Path dir, Opts o, CSVFormat format, String header, String nan)
            throws DatasetException {
        String where = dir.toString();
        List<String> csv = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> isCsv(p) && Files.isRegularFile(p)).forEach(p -> csv.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new DatasetException(where + ": cannot list the directory (" + e + ")", e);
        }
        String labelsFile = o.get("labels");
        if (!labelsFile.isEmpty() && !csv.contains(labelsFile)) {
            throw new DatasetException(where + ": labels file '" + labelsFile + "' not found (CSV files here: " + csv + ")");
        }
        if (labelsFile.isEmpty()) {
            labelsFile = csv.stream().filter(f -> f.equalsIgnoreCase("labels.csv")).findFirst().orElse("");
        }
        String lf = labelsFile;
        List<String> views = csv.stream().filter(f -> f.toLowerCase(Locale.ROOT).startsWith("view") && !f.equals(lf))
                .toList();
        if (views.isEmpty()) {
            views = csv.stream().filter(f -> !f.equals(lf)).toList();
        }
        if (views.isEmpty()) {
            throw new DatasetException(where + ": no view files (*.csv other than the labels file)");
        }
        List<Matrix> mats = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : Checks.naturalSort(views)) {
            Table t = parse(dir.resolve(f), format, header, h -> -1);
            mats.add(new Matrix(t.rows(), t.cols(), t.values()));
            names.add(MatReader.stem(Path.of(f)));
        }
        int[] labels = null;
        if (!lf.isEmpty()) {
            Path p = dir.resolve(lf);
            // pandas with its index writes ",0" then "i,label" lines: the labels are the second column.
            boolean indexed = header.equals("auto") && firstLine(p).replace(" ", "").equals(format.getDelimiterString() + "0");
            Table t = indexed ? parse(p, format, "true", h -> 1) : parse(p, format, "false", h -> 0);
            if (!indexed && t.cols() != 0) {
                throw new DatasetException(p + ": a labels file has one column, this one has " + (t.cols() + 1));
            }
            List<String> raw = t.labels();
            int n = mats.get(0).rows();
            if (!indexed && !raw.isEmpty() && (header.equals("true") || header.equals("auto") && labelsHeader(raw))) {
                raw = raw.subList(1, raw.size());
            } else if (!indexed && header.equals("auto") && raw.size() == n + 1 && raw.get(0).strip().equals("0")) {
                System.err.println("mvclust: " + p + ": " + raw.size() + " lines for " + n + " samples and line 1 is '0', "
                        + "as pandas names a single column: read as a header (set header=false if it is data)");
                raw = raw.subList(1, raw.size());
            }
            labels = Checks.labels(raw, p.toString(), "labels");
        }
        return Checks.data(where, MatReader.stem(dir), names, mats, labels, nan);
    }

    private static MultiViewData single(Path path, Opts o, CSVFormat format, String header, String nan)
            throws DatasetException {
        String file = path.toString();
        String labelCol = o.get("labels");
        Table t = parse(path, format, header, h -> labelColumn(h, labelCol));
        int[] labels = t.labels() == null ? null : Checks.labels(t.labels(), file, "label column");
        String sep = o.get("view_sep");
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < t.cols(); c++) {
            String h = t.header() == null ? "" : t.header()[c];
            int at = sep.isEmpty() ? -1 : h.indexOf(sep);
            if (at <= 0 && !groups.isEmpty() && !groups.containsKey("")) {
                throw new DatasetException(file + ": column " + (c + 1) + " ('" + h + "') has no view prefix (expected "
                        + "VIEW" + sep + "FEATURE like the columns before it)");
            }
            String view = at <= 0 ? "" : h.substring(0, at);
            if (!view.isEmpty() && groups.containsKey("")) {
                throw new DatasetException(file + ": column " + (c + 1) + " ('" + h + "') has a view prefix but earlier "
                        + "columns do not");
            }
            groups.computeIfAbsent(view, k -> new ArrayList<>()).add(c);
        }
        List<Matrix> mats = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> cols = g.getValue();
            Matrix m = new Matrix(t.rows(), cols.size(), new float[t.rows() * cols.size()]);
            for (int i = 0; i < t.rows(); i++) {
                for (int j = 0; j < cols.size(); j++) {
                    m.set(i, j, t.values()[i * t.cols() + cols.get(j)]);
                }
            }
            mats.add(m);
            names.add(g.getKey().isEmpty() ? MatReader.stem(path) : g.getKey());
        }
        if (mats.isEmpty()) {
            throw new DatasetException(file + ": no feature columns");
        }
        return Checks.data(file, MatReader.stem(path), names, mats, labels, nan);
    }

    /** A labels file starts with a header when its first cell names labels, or is the only one that is not a number. */
    private static boolean labelsHeader(List<String> raw) {
        if (LABEL_COLUMNS.contains(raw.get(0).toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (Checks.number(raw.get(0)) != null) {
            return false;
        }
        return raw.stream().skip(1).allMatch(c -> Checks.number(c) != null);
    }

    /** The label column: by name (or a known label name when none is asked), else a 1-based number; -1 none, -2 missing. */
    private static int labelColumn(String[] header, String asked) {
        for (int i = 0; header != null && i < header.length; i++) {
            String h = header[i].strip();
            if (asked.isEmpty() ? LABEL_COLUMNS.contains(h.toLowerCase(Locale.ROOT)) : h.equals(asked)) {
                return i;
            }
        }
        if (asked.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(asked) >= 1 ? Integer.parseInt(asked) - 1 : -2;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** Which column holds the labels given the header (null without one): an index, -1 for none, -2 for missing. */
    private interface LabelColumn {
        int find(String[] header);
    }

    private static Table parse(Path path, CSVFormat format, String headerMode, LabelColumn labelColumn)
            throws DatasetException {
        String file = path.toString();
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read (" + e + ")", e);
        }
        Limits.check(size, 2, file, "the file");
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8); CSVParser parser = open(format, in, file)) {
            return table(parser, file, headerMode, labelColumn);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException(file + ": not UTF-8 text (save the file as UTF-8; Latin-1 and other encodings "
                    + "are not read)", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read (" + e + ")", e);
        }
    }

    private static CSVParser open(CSVFormat format, Reader in, String file) throws IOException, DatasetException {
        try {
            return format.parse(in);
        } catch (RuntimeException e) {
            throw new DatasetException(file + ": malformed CSV (" + e.getMessage() + ")", e);
        }
    }

    private static Table table(CSVParser parser, String file, String headerMode, LabelColumn labelColumn)
            throws DatasetException {
        Iterator<CSVRecord> it = parser.iterator();
        CSVRecord first = next(it, parser, file);
        if (first == null) {
            throw new DatasetException(file + ": empty file");
        }
        String[] cells = first.values();
        if (cells.length > 0) {
            cells[0] = cells[0].startsWith("\uFEFF") ? cells[0].substring(1) : cells[0];
        }
        boolean header = headerMode.equals("true")
                || headerMode.equals("auto") && Arrays.stream(cells).anyMatch(c -> Checks.number(c) == null);
        int index = -1;
        if (headerMode.equals("auto") && !header && columnNumbers(cells, 0)) {
            header = true;
            System.err.println("mvclust: " + file + ": line 1 (" + clip(String.join(",", cells)) + ") numbers the "
                    + "columns, as pandas writes them: read as a header (set header=false if it is data)");
        } else if (headerMode.equals("auto") && cells.length > 1 && cells[0].isBlank() && columnNumbers(cells, 1)) {
            header = true;
            index = 0;
            System.err.println("mvclust: " + file + ": line 1 is a pandas header with an index column: column 1 "
                    + "(the row index) is skipped");
        }
        int label = labelColumn.find(header ? cells : null);
        if (label == -2 || label >= cells.length) {
            throw new DatasetException(file + ": no such label column; the " + (header ? "columns are " + Arrays.toString(cells)
                    : "file has no header and " + cells.length + " columns"));
        }
        int width = cells.length;
        int cols = width - (label >= 0 ? 1 : 0) - (index >= 0 && index != label ? 1 : 0);
        String[] names = null;
        if (header) {
            names = new String[cols];
            for (int c = 0, k = 0; c < width; c++) {
                if (c != label && c != index) {
                    names[k++] = cells[c].strip();
                }
            }
        }
        List<String> labels = label >= 0 ? new ArrayList<>() : null;
        Narrowing narrow = new Narrowing(file, "the table");
        float[] values = new float[16];
        long count = 0;
        int rows = 0;
        long firstLine = parser.getCurrentLineNumber();
        for (CSVRecord r = header ? next(it, parser, file) : first; r != null; r = next(it, parser, file)) {
            long line = r == first ? firstLine : parser.getCurrentLineNumber();
            if (r.size() != width) {
                throw new DatasetException(file + ": line " + line + " has " + r.size() + " fields, expected " + width
                        + " (as in line " + firstLine + ")");
            }
            if (count + cols > values.length) {
                long grown = Math.max(count + cols, 2L * values.length);
                Limits.check(grown, 4, file, "the table");
                values = Arrays.copyOf(values, (int) grown);
            }
            for (int c = 0, k = 0; c < width; c++) {
                if (c == index && c != label) {
                    continue;
                }
                if (c == label) {
                    String s = r.get(c).strip();
                    if (s.isEmpty()) {
                        throw new DatasetException(file + ": line " + line + ", column " + (c + 1) + ": missing label");
                    }
                    labels.add(s);
                    continue;
                }
                Double d = Checks.number(r.get(c));
                if (d == null) {
                    throw new DatasetException(file + ": line " + line + ", column " + (c + 1)
                            + (header ? " ('" + cells[c].strip() + "')" : "") + ": '" + clip(r.get(c)) + "' is not a number");
                }
                values[(int) count++] = narrow.apply(d, rows, k++);
            }
            rows++;
        }
        float[] kept = Arrays.copyOf(values, (int) count);
        if (rows > 0 && cols > 0) {
            narrow.done(new Matrix(rows, cols, kept));
        }
        return new Table(file, names, rows, cols, kept, labels);
    }

    private static String firstLine(Path p) {
        try (var r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            return l == null ? "" : l.strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether cells from {@code from} on are the numbers 0, 1, 2, ... (pandas' default column names). */
    private static boolean columnNumbers(String[] cells, int from) {
        for (int c = from; c < cells.length; c++) {
            if (!cells[c].strip().equals(Integer.toString(c - from))) {
                return false;
            }
        }
        return cells.length > from;
    }

    /** The next record, or null at the end; a malformed one (bad quoting, bad encoding) is a DatasetException. */
    private static CSVRecord next(Iterator<CSVRecord> it, CSVParser parser, String file) throws DatasetException {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            return it.hasNext() ? it.next() : null;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new DatasetException(file + ": line " + line + " is not UTF-8 text (save the file as UTF-8; "
                        + "Latin-1 and other encodings are not read)", e);
            }
            throw new DatasetException(file + ": malformed CSV at line " + line + " ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

package org.mvclust.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mvclust.api.DatasetCatalog;
import org.mvclust.api.DatasetException;
import org.mvclust.api.MultiViewData;
import org.mvclust.api.ParamSpec;
import org.mvclust.api.Params;

/** The field's benchmark .mat files listed in benchmarks.csv (a copy of shared/datasets/MANIFEST.csv). */
public final class BenchmarkCatalog implements DatasetCatalog {
    /** One manifest row. */
    record Entry(String name, String file, String format, int samples, int[] dims, int classes, String labelVar,
            String viewsVar, String samplesAs, String source, String sha256) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public BenchmarkCatalog() {
        try (InputStream in = BenchmarkCatalog.class.getResourceAsStream("benchmarks.csv")) {
            if (in == null) {
                throw new IllegalStateException("benchmarks.csv is missing from the plugin-datasets jar");
            }
            CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord r : p) {
                String notes = r.get("layout_notes");
                entries.put(r.get("name"), new Entry(r.get("name"), r.get("file"), r.get("format"),
                        Integer.parseInt(r.get("samples")),
                        Arrays.stream(r.get("dims").split("/")).mapToInt(Integer::parseInt).toArray(),
                        Integer.parseInt(r.get("classes")), r.get("label_var"), r.get("views_var"),
                        notes.startsWith("samples as cols") ? "columns" : "rows",
                        r.get("source_repo") + "/" + r.get("source_path"), r.get("sha256")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmarks.csv", e);
        }
    }

    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public String describe(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            return name + ": not a known benchmark";
        }
        return e.name() + ": " + e.samples() + " samples, " + e.dims().length + " views (" + dims(e.dims()) + "), "
                + e.classes() + " classes; " + e.file() + " (" + e.format() + ")";
    }

    Entry entry(String name) {
        return entries.get(name);
    }

    @Override
    public MultiViewData load(String name, List<Path> dataDirs, Map<String, String> options) throws DatasetException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new DatasetException("'" + name + "' is not a known benchmark (" + String.join(", ", names()) + ")");
        }
        Path path = find(e, dataDirs);
        if (e.format().startsWith("idx")) {
            return idx(e, path, options);
        }
        String file = path.toString();
        byte[] bytes = MatReader.bytes(path);
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(e.sha256())) {
            throw new DatasetException(file + ": SHA-256 mismatch for benchmark '" + name + "': expected " + e.sha256()
                    + ", got " + actual + " (damaged or a different version; the manifest's copy is " + e.source() + ")");
        }
        List<ParamSpec> specs = new MatReader().params();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("views", e.viewsVar());
        params.put("labels", e.labelVar());
        params.put("samples", e.samplesAs());
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(o.getKey()))) {
                throw new DatasetException(name + ": unknown option '" + o.getKey() + "' (known: "
                        + specs.stream().map(ParamSpec::name).collect(Collectors.joining(", ")) + ")");
            }
            params.put(o.getKey(), o.getValue());
        }
        MultiViewData data = MatReader.read(bytes, file, name, new Opts(new Params(params), specs, file));
        boolean layoutAsManifest = options.keySet().stream().noneMatch(List.of("views", "labels", "samples")::contains);
        if (layoutAsManifest) {
            int[] dims = data.views().stream().mapToInt(m -> m.cols()).toArray();
            if (data.samples() != e.samples() || !Arrays.equals(dims, e.dims()) || data.classes() != e.classes()) {
                throw new DatasetException(file + ": read " + data.samples() + " samples, dims " + dims(dims) + ", "
                        + data.classes() + " classes; the manifest says " + e.samples() + " samples, dims "
                        + dims(e.dims()) + ", " + e.classes() + " classes");
            }
        }
        return data;
    }

    /**
     * An IDX directory: the manifest's checksum is that of its SHA256SUMS, which lists every file with its own.
     */
    private MultiViewData idx(Entry e, Path dir, Map<String, String> options) throws DatasetException {
        Path sums = dir.resolve("SHA256SUMS");
        String actual = sha256(MatReader.bytes(sums));
        if (!actual.equalsIgnoreCase(e.sha256())) {
            throw new DatasetException(sums + ": SHA-256 mismatch for benchmark '" + e.name() + "': expected " + e.sha256()
                    + ", got " + actual + " (the manifest's copy is " + e.source() + ")");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new DatasetException(sums + ": cannot read (" + ex + ")", ex);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).strip().split("\\s+\\*?", 2);
            if (parts.length < 2) {
                continue;
            }
            Path f = dir.resolve(parts[1]);
            String got = sha256(MatReader.bytes(f));
            if (!got.equalsIgnoreCase(parts[0])) {
                throw new DatasetException(f + ": SHA-256 mismatch (SHA256SUMS line " + (i + 1) + "): expected " + parts[0]
                        + ", got " + got);
            }
        }
        IdxReader reader = new IdxReader();
        for (String k : options.keySet()) {
            if (reader.params().stream().noneMatch(s -> s.name().equals(k))) {
                throw new DatasetException(e.name() + ": unknown option '" + k + "' (known: "
                        + reader.params().stream().map(ParamSpec::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        MultiViewData data = reader.read(dir, new Params(new LinkedHashMap<>(options)));
        int[] dims = data.views().stream().mapToInt(m -> m.cols()).toArray();
        if (options.isEmpty() && (data.samples() != e.samples() || !Arrays.equals(dims, e.dims())
                || data.classes() != e.classes())) {
            throw new DatasetException(dir + ": read " + data.samples() + " samples, dims " + dims(dims) + ", "
                    + data.classes() + " classes; the manifest says " + e.samples() + " samples, dims " + dims(e.dims())
                    + ", " + e.classes() + " classes");
        }
        return new MultiViewData(e.name(), data.viewNames(), data.views(), data.labels());
    }

    private static Path find(Entry e, List<Path> dirs) throws DatasetException {
        boolean directory = e.file().endsWith("/");
        for (Path d : dirs) {
            Path p = d.resolve(e.file());
            if (directory ? Files.isDirectory(p) : Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DatasetException("benchmark '" + e.name() + "': " + e.file() + " not found in "
                + (dirs.isEmpty() ? "any data directory (none given)" : dirs.stream().map(Path::toString)
                        .collect(Collectors.joining(", ")))
                + "; give --data-dir or set MVCLUST_DATA to the directory holding it (public copy: " + e.source() + ")");
    }

    private static String dims(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("/"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}

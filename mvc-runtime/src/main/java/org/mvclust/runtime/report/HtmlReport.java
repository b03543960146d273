package org.mvclust.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mvclust.runtime.config.Yaml;

/**
 * One self-contained HTML page (relative image links, no scripts) for a run directory (it has metrics.json) or a
 * bench directory (it has CSV grids with columns method, dataset, seed and metric columns).
 */
public final class HtmlReport {
    private static final List<String> PICTURES = List.of(Plots.CURVES, Plots.EMBEDDING, Plots.CONFUSION);
    private static final List<String> SEED_DIRS = List.of("s%s", "seed%s", "seed-%s", "%s");
    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;max-width:1400px;color:#222}
            table{border-collapse:collapse;margin:0.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:top}
            th{background:#f2f2f2}td.l,th.l{text-align:left}
            img.full{max-width:100%;border:1px solid #ddd;margin:0.3em 0}
            img.thumb{height:90px;border:1px solid #ddd;margin-right:4px}
            pre{background:#f7f7f7;padding:0.8em;overflow-x:auto}
            """;

    private HtmlReport() {
    }

    /** Writes the page for {@code dir} to {@code out} (default DIR/report.html) and returns its path. */
    public static Path write(Path dir, Path out) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such directory: " + dir);
        }
        Path file = out != null ? out : dir.resolve("report.html");
        Path base = file.toAbsolutePath().normalize().getParent();
        String html;
        if (Files.exists(dir.resolve("metrics.json"))) {
            html = page("mvclust run " + dir.getFileName(), run(dir, base, 1));
        } else {
            List<Path> grids = grids(dir);
            if (grids.isEmpty()) {
                Path csv = dir.toAbsolutePath().normalize().resolveSibling(dir.toAbsolutePath().normalize().getFileName() + ".csv");
                throw new IOException(dir + " is neither a run directory (metrics.json) nor a bench directory"
                        + " (a CSV with columns method, dataset, seed)"
                        + (Files.isRegularFile(csv) ? "; it holds the runs of the grid " + csv + ": report " + csv.getParent() : ""));
            }
            StringBuilder body = new StringBuilder("<h1>mvclust bench: ").append(esc(dir.toAbsolutePath().normalize().getFileName() + "")).append("</h1>\n");
            for (Path g : grids) {
                body.append(bench(dir, g, base));
            }
            html = page("mvclust bench " + dir.getFileName(), body.toString());
        }
        Files.createDirectories(base);
        org.mvclust.runtime.cli.Outputs.write(file, html);
        return file;
    }

    /** The run section: facts, metrics, pictures (curves and confusion redrawn from the CSVs when missing), graph. */
    private static String run(Path dir, Path base, int level) throws IOException {
        Path file = dir.resolve("metrics.json");
        JsonNode m;
        try {
            m = Yaml.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (m == null || !m.isObject()) {
            throw new IOException(file + ": expected a JSON object as a run writes it, found "
                    + (m == null ? "nothing" : m.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        String title = m.path("method").asText("?") + " on " + m.path("dataset").asText("?") + ", seed " + m.path("seed").asText("?");
        StringBuilder sb = new StringBuilder();
        sb.append("<h").append(level).append(">").append(esc(title)).append("</h").append(level).append(">\n");
        sb.append("<table>\n");
        m.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!v.isObject() && !e.getKey().equals("warnings")) {
                String text = v.isArray() ? String.join(" ", iter(v)) : v.isFloatingPointNumber() ? fmt(v.asDouble()) : v.asText();
                sb.append("<tr><th class=l>").append(esc(e.getKey())).append("</th><td class=l>").append(esc(text)).append("</td></tr>\n");
            }
        });
        sb.append("</table>\n");
        JsonNode metrics = m.path("metrics");
        if (metrics.isObject() && metrics.size() > 0) {
            sb.append("<h").append(level + 1).append(">Metrics</h").append(level + 1).append(">\n<table><tr>");
            metrics.fieldNames().forEachRemaining(k -> sb.append("<th>").append(esc(k.toUpperCase(Locale.ROOT))).append("</th>"));
            sb.append("</tr>\n<tr>");
            metrics.forEach(v -> sb.append("<td>").append(fmt("acc", v.asDouble())).append("</td>"));
            sb.append("</tr></table>\n");
        }
        sb.append(health(m, level + 1));
        JsonNode over = m.path("over_runs");
        if (over.isObject() && over.size() > 0) {
            sb.append("<p>Over ").append(esc(m.path("runs").asText())).append(" runs (the page shows run ")
                    .append(esc(m.path("run").asText())).append(", ").append(esc(m.path("selected_by").asText())).append("):</p>\n");
            sb.append("<table><tr><th class=l></th><th>mean</th><th>std</th><th>max</th></tr>\n");
            over.fields().forEachRemaining(e -> sb.append("<tr><th class=l>").append(esc(e.getKey())).append("</th><td>")
                    .append(fmt(e.getKey(), e.getValue().path("mean").asDouble())).append("</td><td>")
                    .append(fmt(e.getKey(), e.getValue().path("std").asDouble())).append("</td><td>")
                    .append(fmt(e.getKey(), e.getValue().path("max").asDouble())).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        Path pics = dir;
        if (m.has("run") && Files.isDirectory(dir.resolve("run-" + m.path("run").asText()))) {
            pics = dir.resolve("run-" + m.path("run").asText());
        }
        redraw(pics, title);
        sb.append("<h").append(level + 1).append(">Pictures</h").append(level + 1).append(">\n");
        boolean anyPicture = false;
        for (String name : PICTURES) {
            Path img = pics.resolve(name);
            if (Files.exists(img)) {
                String href = rel(base, img);
                sb.append("<p><a href=\"").append(href).append("\"><img class=full src=\"").append(href).append("\" alt=\"")
                        .append(esc(name)).append("\"></a></p>\n");
                anyPicture = true;
            }
        }
        if (!anyPicture) {
            sb.append("<p>No pictures (run with plots, or keep history.csv and labels.csv).</p>\n");
        }
        Path graph = dir.resolve("graph.yaml");
        if (Files.exists(graph)) {
            sb.append("<h").append(level + 1).append(">Resolved graph</h").append(level + 1).append(">\n<pre>")
                    .append(esc(Files.readString(graph, StandardCharsets.UTF_8))).append("</pre>\n");
        }
        Path history = pics.resolve("history.csv");
        if (Files.exists(history)) {
            sb.append("<details><summary>history.csv</summary>\n").append(table(Csv.read(history))).append("</details>\n");
        }
        return sb.toString();
    }

    /** The health section: warnings first, then the label-free measures. */
    private static String health(JsonNode m, int level) {
        JsonNode h = m.path("health");
        if (!h.isObject() || h.size() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h" + level + ">Health (label-free)</h" + level + ">\n");
        m.path("warnings").forEach(w -> sb.append("<p><b>Warning:</b> ").append(esc(w.asText())).append("</p>\n"));
        sb.append("<table>\n");
        h.fields().forEachRemaining(e -> sb.append("<tr><th class=l>").append(esc(e.getKey())).append("</th><td>")
                .append(esc(e.getValue().isNumber() ? fmt(e.getValue().asDouble()) : e.getValue().asText())).append("</td></tr>\n"));
        return sb.append("</table>\n").toString();
    }

    /** Redraws curves.png from history.csv and confusion.png from labels.csv when they are missing (the embedding is not kept on disk). */
    private static void redraw(Path dir, String title) throws IOException {
        Path history = dir.resolve("history.csv");
        if (!Files.exists(dir.resolve(Plots.CURVES)) && Files.exists(history)) {
            Plots.writeCurves(dir.resolve(Plots.CURVES), title, Csv.read(history));
        }
        Path labels = dir.resolve("labels.csv");
        if (!Files.exists(dir.resolve(Plots.CONFUSION)) && Files.exists(labels) && Csv.header(labels).contains("class")) {
            List<Map<String, Object>> rows = Csv.read(labels);
            int[] pred = rows.stream().mapToInt(r -> Integer.parseInt(r.get("cluster").toString())).toArray();
            int[] truth = rows.stream().mapToInt(r -> Integer.parseInt(r.get("class").toString())).toArray();
            Plots.writeConfusion(dir.resolve(Plots.CONFUSION), title, truth, pred);
        }
    }

    /** CSV files in {@code dir} whose header has method, dataset and seed. */
    static List<Path> grids(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> h;
                try {
                    h = Csv.header(p);
                } catch (IOException e) {
                    continue;
                }
                if (h.contains("method") && h.contains("dataset") && h.contains("seed")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String bench(Path dir, Path grid, Path base) throws IOException {
        String name = grid.getFileName().toString().replaceFirst("\\.csv$", "");
        Csv.Table table = Csv.table(grid);
        List<Map<String, Object>> rows = table.rows();
        List<String> header = table.header();
        StringBuilder sb = new StringBuilder("<h2>").append(esc(name)).append("</h2>\n");
        sb.append("<p>").append(rows.size()).append(" runs from <a href=\"").append(rel(base, grid)).append("\">")
                .append(esc(grid.getFileName().toString())).append("</a>.</p>\n");
        Path md = grid.resolveSibling(name + ".md");
        if (Files.exists(md)) {
            sb.append("<h3>Summary (").append(esc(md.getFileName().toString())).append(")</h3>\n")
                    .append(markdown(Files.readString(md, StandardCharsets.UTF_8)));
        }
        Path missing = base.resolve(name + "-missing.png");
        if (MissingPlot.write(rows, missing, name)) {
            sb.append("<h3>Against the missing rate</h3>\n<p><img src=\"").append(rel(base, missing)).append("\"></p>\n");
        }
        List<String> numeric = new ArrayList<>();
        for (String col : header) {
            if (Set.of("method", "dataset", "seed").contains(col)) {
                continue;
            }
            boolean num = rows.stream().anyMatch(r -> r.containsKey(col))
                    && rows.stream().filter(r -> r.containsKey(col)).allMatch(r -> Double.isFinite(Plots.number(r.get(col))));
            if (num) {
                numeric.add(col);
            }
        }
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            groups.computeIfAbsent(r.getOrDefault("method", "?") + "\u0000" + r.getOrDefault("dataset", "?"), k -> new ArrayList<>()).add(r);
        }
        sb.append("<h3>Mean ± std over seeds</h3>\n<table><tr><th class=l>method</th><th class=l>dataset</th><th>runs</th>");
        numeric.forEach(c -> sb.append("<th>").append(esc(label(c))).append("</th>"));
        sb.append("</tr>\n");
        for (List<Map<String, Object>> g : groups.values()) {
            sb.append("<tr><td class=l>").append(esc(g.get(0).getOrDefault("method", "?").toString())).append("</td><td class=l>")
                    .append(esc(g.get(0).getOrDefault("dataset", "?").toString())).append("</td><td>").append(g.size()).append("</td>");
            for (String c : numeric) {
                double[] v = g.stream().mapToDouble(r -> Plots.number(r.get(c))).filter(Double::isFinite).toArray();
                sb.append("<td>").append(meanStd(c, v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h3>Runs</h3>\n<table><tr><th class=l>method</th><th class=l>dataset</th><th>seed</th>");
        numeric.forEach(c -> sb.append("<th>").append(esc(label(c))).append("</th>"));
        sb.append("<th class=l>run</th></tr>\n");
        for (Map<String, Object> r : rows) {
            sb.append("<tr><td class=l>").append(esc(String.valueOf(r.getOrDefault("method", "")))).append("</td><td class=l>")
                    .append(esc(String.valueOf(r.getOrDefault("dataset", "")))).append("</td><td>")
                    .append(esc(String.valueOf(r.getOrDefault("seed", "")))).append("</td>");
            for (String c : numeric) {
                double v = Plots.number(r.get(c));
                sb.append("<td>").append(Double.isFinite(v) ? fmt(c, v) : "").append("</td>");
            }
            sb.append("<td class=l>").append(cell(dir, name, r, base)).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** Links to a grid cell's run directory: its own report page (written now) and thumbnails of its pictures. */
    private static String cell(Path dir, String grid, Map<String, Object> r, Path base) {
        Path run = findCell(dir, grid, r);
        if (run == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try {
            Path page = write(run, null);
            sb.append("<a href=\"").append(rel(base, page)).append("\">report</a> ");
        } catch (IOException | RuntimeException e) {
            sb.append("<a href=\"").append(rel(base, run)).append("/\">dir</a> ");
        }
        for (String name : PICTURES) {
            Path img = run.resolve(name);
            if (Files.exists(img)) {
                String href = rel(base, img);
                sb.append("<a href=\"").append(href).append("\"><img class=thumb src=\"").append(href).append("\" alt=\"")
                        .append(esc(name)).append("\"></a>");
            }
        }
        return sb.toString();
    }

    /** The cell's run directory: a dir/out/run_dir column, else GRID/METHOD/DATASET/sSEED (or seedSEED, seed-SEED, SEED) under DIR, with or without the GRID level. */
    static Path findCell(Path dir, String grid, Map<String, Object> r) {
        for (String col : List.of("dir", "run_dir", "out")) {
            Object v = r.get(col);
            if (v != null) {
                Path p = dir.resolve(v.toString());
                if (Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        Object method = r.get("method");
        Object dataset = r.get("dataset");
        Object seed = r.get("seed");
        if (method == null || dataset == null || seed == null) {
            return null;
        }
        for (Path root : List.of(dir.resolve(grid), dir)) {
            for (String s : SEED_DIRS) {
                Path p = root.resolve(safe(method)).resolve(safe(dataset)).resolve(String.format(s, seed));
                if (Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String safe(Object name) {
        return name.toString().replaceAll("[^A-Za-z0-9_.=-]", "_");
    }

    /** A table of rows (columns: the union of keys in first-seen order). */
    private static String table(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder("<table><tr>");
        cols.forEach(c -> sb.append("<th>").append(esc(c)).append("</th>"));
        sb.append("</tr>\n");
        for (Map<String, Object> r : rows) {
            sb.append("<tr>");
            for (String c : cols) {
                Object v = r.get(c);
                sb.append("<td>").append(v == null ? "" : esc(v.toString())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** Headings, pipe tables and paragraphs; everything else is shown as text. */
    static String markdown(String md) {
        StringBuilder sb = new StringBuilder();
        List<String> lines = md.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("|")) {
                sb.append("<table>\n");
                boolean head = true;
                for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
                    String row = lines.get(i).strip();
                    if (row.matches("\\|[\\s:|-]+\\|?")) {
                        continue;
                    }
                    sb.append("<tr>");
                    String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
                    for (String c : inner.split("\\|", -1)) {
                        String tag = head ? "th" : "td";
                        sb.append('<').append(tag).append('>').append(esc(c.strip())).append("</").append(tag).append('>');
                    }
                    sb.append("</tr>\n");
                    head = false;
                }
                i--;
                sb.append("</table>\n");
            } else if (line.startsWith("#")) {
                int h = Math.min(6, 3 + (int) line.chars().takeWhile(c -> c == '#').count());
                sb.append("<h").append(h).append('>').append(esc(line.replaceFirst("^#+\\s*", ""))).append("</h").append(h).append(">\n");
            } else if (!line.isEmpty()) {
                sb.append("<p>").append(esc(line)).append("</p>\n");
            }
        }
        return sb.toString();
    }

    private static String meanStd(String col, double[] v) {
        if (v.length == 0) {
            return "";
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        if (v.length == 1) {
            return fmt(col, mean);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        return fmt(col, mean) + " ± " + (sd < 1e-12 * Math.max(1, Math.abs(mean)) ? "0" : fmt(col, sd));
    }

    private static String label(String col) {
        return Plots.METRICS.contains(col) ? col.toUpperCase(Locale.ROOT) : col;
    }

    /** Metrics with four decimals; other numbers as integers when whole, else four decimals (or scientific when tiny or huge). */
    static String fmt(String col, double v) {
        return Plots.METRICS.contains(col) ? String.format(Locale.ROOT, "%.4f", v) : fmt(v);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static List<String> iter(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** {@code target} relative to {@code base}, with forward slashes, URL-safe. */
    private static String rel(Path base, Path target) {
        String r = base.relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return esc(r.replace("%", "%25").replace(" ", "%20").replace("#", "%23").replace("?", "%3F"));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>" + esc(title) + "</title>\n<style>" + STYLE
                + "</style></head><body>\n" + body + "<p><small>Written by mvclust report.</small></p>\n</body></html>\n";
    }
}

package org.mvclust.runtime.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * ACC and NMI against the missing-view rate for a bench grid whose datasets carry {@code missing=R}: one line per
 * method and dataset (and imputation), the mean over seeds at each rate; a dataset without the option is rate 0. Beyond
 * {@link #SERIES_PER_CHART} lines, one small chart per method family (the method's name up to its first space, e.g.
 * "ddc" for "ddc masked" and "ddc imputed"), ACC charts above NMI charts, so that no legend hides the lines.
 */
public final class MissingPlot {
    private static final Pattern RATE = Pattern.compile("[:,]missing=([0-9.eE+-]+)");
    private static final Pattern SEED = Pattern.compile("[:,]missing_seed=[^,]*");
    static final int SERIES_PER_CHART = 8;
    private static final int COLUMNS = 4;

    private MissingPlot() {
    }

    /** Writes {@code file} and returns true when some row of the grid has a missing rate. */
    public static boolean write(List<Map<String, Object>> rows, Path file, String title) throws IOException {
        if (rows.stream().noneMatch(r -> RATE.matcher(String.valueOf(r.get("dataset"))).find())) {
            return false;
        }
        List<String> metrics = List.of("acc", "nmi");
        Map<String, List<Map<String, Object>>> families = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            families.computeIfAbsent(String.valueOf(r.get("method")).split(" ", 2)[0], k -> new ArrayList<>()).add(r);
        }
        boolean small = series(rows, "acc").size() > SERIES_PER_CHART && families.size() > 1;
        int w = small ? 420 : 700;
        int h = small ? 340 : 480;
        int columns = small ? Math.min(COLUMNS, families.size()) : 2;
        int rowsPerMetric = small ? (families.size() + COLUMNS - 1) / COLUMNS : 1;
        BufferedImage img = new BufferedImage(columns * w, (small ? metrics.size() * rowsPerMetric : 1) * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int k = 0; k < metrics.size(); k++) {
            if (!small) {
                paint(g, chart(rows, metrics.get(k), title, w, h), k * w, 0, w, h);
                continue;
            }
            int i = 0;
            for (Map.Entry<String, List<Map<String, Object>>> f : families.entrySet()) {
                int x = (i % COLUMNS) * w;
                int y = (k * rowsPerMetric + i / COLUMNS) * h;
                XYChart c = chart(f.getValue(), metrics.get(k), f.getKey(), w, h);
                c.getStyler().setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 9));
                paint(g, c, x, y, w, h);
                i++;
            }
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return true;
    }

    private static void paint(Graphics2D g, XYChart chart, int x, int y, int w, int h) {
        Graphics2D sub = (Graphics2D) g.create(x, y, w, h);
        chart.paint(sub, w, h);
        sub.dispose();
    }

    /** Per line (method | dataset without the rate), the sum and count of the metric at each rate. */
    private static Map<String, TreeMap<Double, double[]>> series(List<Map<String, Object>> rows, String metric) {
        Map<String, TreeMap<Double, double[]>> series = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            double y = Plots.number(r.get(metric));
            if (!Double.isFinite(y)) {
                continue;
            }
            String dataset = String.valueOf(r.get("dataset"));
            Matcher m = RATE.matcher(dataset);
            double rate = m.find() ? Double.parseDouble(m.group(1)) : 0;
            String base = SEED.matcher(RATE.matcher(dataset).replaceAll("")).replaceAll("");
            double[] sum = series.computeIfAbsent(r.get("method") + " | " + base, k -> new TreeMap<>())
                    .computeIfAbsent(rate, k -> new double[2]);
            sum[0] += y;
            sum[1]++;
        }
        return series;
    }

    private static XYChart chart(List<Map<String, Object>> rows, String metric, String title, int w, int h) {
        Map<String, TreeMap<Double, double[]>> series = series(rows, metric);
        XYChart chart = new XYChart(w, h);
        chart.setTitle(title + ": " + metric.toUpperCase(Locale.ROOT) + " against the missing rate");
        chart.setXAxisTitle("missing rate (absent sample-view pairs / all pairs)");
        chart.setYAxisTitle(metric.toUpperCase(Locale.ROOT) + " (mean over seeds)");
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        series.forEach((name, points) -> {
            List<Double> x = new ArrayList<>(points.keySet());
            List<Double> y = points.values().stream().map(s -> s[0] / s[1]).toList();
            chart.addSeries(name, x, y);
        });
        return chart;
    }
}

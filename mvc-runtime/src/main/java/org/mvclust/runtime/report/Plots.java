package org.mvclust.runtime.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mvclust.api.Matrix;
import org.mvclust.runtime.eval.Metrics;

/** PNG pictures of a run: training curves, a 2-D PCA map of the embedding, the confusion matrix after Hungarian matching. */
public final class Plots {
    /** At most this many points are drawn in the embedding map (a fixed-seed sample of the rows). */
    public static final int MAX_POINTS = 5000;
    public static final String CURVES = "curves.png";
    public static final String EMBEDDING = "embedding.png";
    public static final String CONFUSION = "confusion.png";

    static final List<String> METRICS = Metrics.NAMES;
    private static final List<String> CURVE_METRICS = List.of("acc", "nmi", "ari");
    private static final Set<String> NOT_LOSSES = Set.of("phase", "epoch", "seconds");
    private static final int LEGEND_MAX = 20;
    private static final Color[] TAB10 = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Plots() {
    }

    /**
     * Writes {@value #CURVES} (when the history has losses), {@value #EMBEDDING} (when an embedding is given) and
     * {@value #CONFUSION} (when {@code truth} is given) into {@code dir}. Never throws: a failure prints a warning on
     * stderr and returns false, so that plotting never fails a run.
     */
    public static boolean writeRun(Path dir, String title, List<Map<String, Object>> history, Matrix embedding,
                                   int[] labels, int[] truth) {
        return writeRun(dir, title, history, embedding, labels, truth, METRICS);
    }

    /** As above, with the history's metric columns named (they are not drawn as losses). */
    public static boolean writeRun(Path dir, String title, List<Map<String, Object>> history, Matrix embedding,
                                   int[] labels, int[] truth, Collection<String> metrics) {
        boolean ok = true;
        ok &= attempt(CURVES, () -> writeCurves(dir.resolve(CURVES), title, history, metrics));
        if (embedding != null && labels != null) {
            ok &= attempt(EMBEDDING, () -> writeEmbedding(dir.resolve(EMBEDDING), title, embedding, labels, truth));
        }
        if (truth != null && labels != null) {
            ok &= attempt(CONFUSION, () -> writeConfusion(dir.resolve(CONFUSION), title, truth, labels));
        }
        return ok;
    }

    private interface Job {
        void run() throws Exception;
    }

    private static boolean attempt(String what, Job job) {
        try {
            job.run();
            return true;
        } catch (Throwable e) { // AWT failures (no fonts, no headless) are Errors; none of them may fail a run
            System.err.println("warning: could not write " + what + ": " + e);
            if (System.getenv("MVCLUST_DEBUG") != null) {
                e.printStackTrace();
            }
            return false;
        }
    }

    /** Losses per epoch (phases one after another on the x-axis, log scale when all positive) and ACC/NMI/ARI where evaluated. False if there is nothing to draw. */
    public static boolean writeCurves(Path file, String title, List<Map<String, Object>> history) throws IOException {
        return writeCurves(file, title, history, METRICS);
    }

    /** As above, with the history's metric columns named. */
    public static boolean writeCurves(Path file, String title, List<Map<String, Object>> history, Collection<String> metricCols)
            throws IOException {
        Set<String> lossCols = new LinkedHashSet<>();
        Set<String> normCols = new LinkedHashSet<>();
        for (Map<String, Object> row : history) {
            for (String key : row.keySet()) {
                if (key.startsWith("grad_norm.")) {
                    normCols.add(key);
                } else if (!NOT_LOSSES.contains(key) && !metricCols.contains(key) && !key.endsWith("seconds")) {
                    lossCols.add(key);
                }
            }
        }
        if (lossCols.contains("loss")) {
            lossCols.remove("total"); // a step's total is its objective, plotted as 'loss'
        }
        if (lossCols.size() == 2 && lossCols.contains("loss")) {
            lossCols.remove("loss"); // the total equals the one term
        }
        List<String> phases = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int r = 0; r < history.size(); r++) {
            String p = String.valueOf(history.get(r).getOrDefault("phase", ""));
            if (r == 0 || !phases.get(phases.size() - 1).equals(p)) {
                if (r > 0) {
                    ends.add(r); // the previous phase ended at 1-based epoch r
                }
                phases.add(p);
            }
        }
        ends.add(history.size());

        XYChart losses = xy(1000, 440, title + ": training losses per epoch", xTitle(phases, ends), "loss");
        boolean positive = true;
        int points = 0;
        for (String col : lossCols) {
            double[][] s = column(history, col);
            if (s[0].length == 0) {
                continue;
            }
            for (double v : s[1]) {
                positive &= v > 0;
            }
            points += s[0].length;
            XYSeries series = losses.addSeries(col.equals("loss") ? "total" : col, s[0], s[1]);
            series.setMarker(s[0].length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        if (points == 0) {
            return false;
        }
        losses.getStyler().setYAxisLogarithmic(positive);
        losses.setYAxisTitle(positive ? "loss (log scale)" : "loss");
        phaseLines(losses, ends);

        List<Chart<?, ?>> charts = new ArrayList<>(List.of(losses));
        if (!normCols.isEmpty()) {
            XYChart norms = xy(1000, 320, title + ": gradient norm of each node instance (grad_norms)", xTitle(phases, ends), "norm");
            boolean normsPositive = true;
            for (String col : normCols) {
                double[][] s = column(history, col);
                for (double v : s[1]) {
                    normsPositive &= v > 0;
                }
                norms.addSeries(col.substring("grad_norm.".length()), s[0], s[1]).setMarker(SeriesMarkers.NONE);
            }
            norms.getStyler().setYAxisLogarithmic(normsPositive).setXAxisMin(1.0).setXAxisMax((double) Math.max(2, history.size()));
            phaseLines(norms, ends);
            charts.add(norms);
        }
        XYChart metrics = xy(1000, 320, title + ": clustering metrics of the readout (labels used only here)",
                xTitle(phases, ends), "score");
        boolean any = false;
        for (String m : CURVE_METRICS) {
            double[][] s = column(history, m);
            if (s[0].length > 0) {
                metrics.addSeries(m.toUpperCase(Locale.ROOT), s[0], s[1]).setMarker(SeriesMarkers.CIRCLE);
                any = true;
            }
        }
        if (any) {
            metrics.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(1.0).setXAxisMax((double) history.size());
            phaseLines(metrics, ends);
            charts.add(metrics);
        }
        losses.getStyler().setXAxisMin(1.0).setXAxisMax((double) Math.max(2, history.size()));
        writePng(file, stack(charts, false));
        return true;
    }

    /** Two panels, by cluster and by true class (when given), of the rows of {@code embedding} projected on their top two principal components. */
    public static void writeEmbedding(Path file, String title, Matrix embedding, int[] labels, int[] truth) throws IOException {
        if (labels.length != embedding.rows() || truth != null && truth.length != labels.length) {
            throw new IllegalArgumentException("embedding has " + embedding.rows() + " rows but there are " + labels.length
                    + " labels" + (truth != null ? " and " + truth.length + " classes" : ""));
        }
        int[] rows = subsample(embedding.rows(), MAX_POINTS, 0);
        Matrix x = rows.length == embedding.rows() ? embedding : embedding.selectRows(rows);
        Pca.Fit fit = Pca.fit(x, 2);
        double[][] xy = fit.project(x);
        String how = String.format(Locale.ROOT, "PCA of the %d-dim readout input, %s points", embedding.cols(),
                rows.length == embedding.rows() ? "all " + rows.length : rows.length + " of " + embedding.rows());
        String[] axes = new String[2];
        for (int c = 0; c < 2; c++) {
            axes[c] = String.format(Locale.ROOT, "PC%d (%.0f%% of variance)", c + 1,
                    fit.totalVariance() > 0 ? 100 * fit.variances()[c] / fit.totalVariance() : 0.0);
        }
        int[] pred = pick(labels, rows);
        int[] t = truth == null ? null : pick(truth, rows);
        int[] clusters = distinct(labels);
        Color[] clusterColour = new Color[clusters.length];
        int[] classes = truth == null ? null : distinct(truth);
        Color[] classColour = truth == null ? null : new Color[classes.length];
        int[] match = truth == null ? new int[clusters.length] : Metrics.matchClusters(truth, labels);
        int n = clusters.length + (truth == null ? 0 : Math.max(0, classes.length - clusters.length));
        for (int j = 0; j < clusters.length; j++) {
            clusterColour[j] = colour(j, n);
            if (truth != null && match[j] >= 0) {
                classColour[match[j]] = clusterColour[j];
            }
        }
        int extra = clusters.length;
        for (int i = 0; truth != null && i < classes.length; i++) {
            if (classColour[i] == null) {
                classColour[i] = colour(extra++, n);
            }
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(scatter(title + ": embedding by cluster", how, axes, xy, pred, clusters, clusterColour, "cluster"));
        if (truth != null) {
            String metrics = String.format(Locale.ROOT, "ACC %.3f, NMI %.3f", Metrics.acc(truth, labels), Metrics.nmi(truth, labels));
            charts.add(scatter(title + ": by true class (" + metrics + ")",
                    "colour = the cluster matched to the class", axes, xy, t, classes, classColour, "class"));
        }
        writePng(file, stack(charts, true));
    }

    /** Counts of true class (rows) × cluster (columns, ordered so that each class's matched cluster is on the diagonal). */
    public static void writeConfusion(Path file, String title, int[] truth, int[] labels) throws IOException {
        int[][] table = Metrics.contingency(truth, labels);
        int[] classes = distinct(truth);
        int[] clusters = distinct(labels);
        int[] match = Metrics.matchClusters(truth, labels);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < clusters.length; j++) {
                if (match[j] == i) {
                    order.add(j);
                }
            }
        }
        for (int j = 0; j < clusters.length; j++) {
            if (match[j] < 0) {
                order.add(j);
            }
        }
        int rows = classes.length;
        int cols = clusters.length;
        List<Integer> xs = new ArrayList<>();
        for (int j : order) {
            xs.add(clusters[j]);
        }
        List<Integer> ys = new ArrayList<>();
        for (int i = rows - 1; i >= 0; i--) {
            ys.add(classes[i]);
        }
        List<Number[]> heat = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < rows; i++) {
            for (int x = 0; x < cols; x++) {
                int v = table[i][order.get(x)];
                max = Math.max(max, v);
                heat.add(new Number[] {x, rows - 1 - i, v});
            }
        }
        int cell = Math.max(12, Math.min(60, 900 / Math.max(rows, cols)));
        int width = Math.min(2600, Math.max(960, cols * cell + 260));
        int height = Math.min(2600, Math.max(700, rows * cell + 200));
        HeatMapChart chart = new HeatMapChart(width, height, Styler.ChartTheme.XChart); // the theme initialises the styler
        chart.setTitle(String.format(Locale.ROOT, "%s: confusion after Hungarian matching (ACC %.3f, %d samples)",
                title, Metrics.acc(truth, labels), truth.length));
        chart.setXAxisTitle("cluster (matched cluster of each class on the diagonal)");
        chart.setYAxisTitle("true class");
        chart.addSeries("count", xs, ys, heat);
        var st = chart.getStyler();
        style(st);
        st.setRangeColors(new Color[] {Color.WHITE, new Color(0xc6dbef), new Color(0x6baed6), new Color(0x3182bd)});
        st.setMin(0).setMax(max);
        st.setShowValue(Math.max(rows, cols) <= 30);
        st.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(14, cell / 3))));
        st.setValueFontColor(Color.BLACK);
        st.setHeatMapValueDecimalPattern("#");
        st.setDrawBorder(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        if (Math.max(rows, cols) > 40) {
            st.setAxisTicksVisible(false);
        }
        writePng(file, stack(List.of(chart), false));
    }

    /** {@code count} row indices out of {@code n}, ascending, chosen by a fixed-seed shuffle (all rows when n ≤ count). */
    public static int[] subsample(int n, int count, long seed) {
        if (n <= count) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] perm = new int[n];
        Arrays.setAll(perm, i -> i);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] out = Arrays.copyOf(perm, count);
        Arrays.sort(out);
        return out;
    }

    /** A distinct colour for index {@code i} of {@code n}: the tab10 palette, or evenly spread hues beyond ten. */
    static Color colour(int i, int n) {
        if (n <= TAB10.length) {
            return TAB10[i];
        }
        float hue = (float) ((i * 0.618033988749895) % 1.0);
        float[] sat = {0.85f, 0.55f, 0.95f};
        float[] bri = {0.85f, 0.65f, 0.5f};
        return Color.getHSBColor(hue, sat[i % 3], bri[(i / 3) % 3]);
    }

    private static XYChart scatter(String title, String subtitle, String[] axes, double[][] xy, int[] labels,
                                   int[] values, Color[] colours, String what) {
        XYChart chart = xy(720, 640, title, axes[0] + "   [" + subtitle + "]", axes[1]);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(xy.length > 2000 ? 4 : 6);
        chart.getStyler().setLegendVisible(values.length <= LEGEND_MAX);
        for (int c = 0; c < values.length; c++) {
            int count = 0;
            for (int l : labels) {
                count += l == values[c] ? 1 : 0;
            }
            double[] xs = new double[count];
            double[] ys = new double[count];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == values[c]) {
                    xs[k] = xy[i][0];
                    ys[k++] = xy[i][1];
                }
            }
            if (count == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(what + " " + values[c] + " (" + count + ")", xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color col = colours[c];
            s.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 190));
        }
        return chart;
    }

    private static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    private static void style(Styler st) {
        st.setLocale(Locale.ROOT);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        st.setAntiAlias(true);
    }

    private static String xTitle(List<String> phases, List<Integer> ends) {
        if (phases.size() > 6) {
            return "epoch (" + phases.size() + " phases one after another; lines mark phase changes)";
        }
        StringBuilder sb = new StringBuilder("epoch (");
        int start = 1;
        for (int p = 0; p < phases.size(); p++) {
            sb.append(p > 0 ? " | " : "").append(phases.get(p)).append(' ').append(start).append('-').append(ends.get(p));
            start = ends.get(p) + 1;
        }
        return sb.append(')').toString();
    }

    private static void phaseLines(XYChart chart, List<Integer> ends) {
        if (ends.size() > 50) {
            return;
        }
        for (int p = 0; p < ends.size() - 1; p++) {
            chart.addAnnotation(new AnnotationLine(ends.get(p) + 0.5, true, false));
        }
    }

    /** {x, y}: the 1-based row numbers where {@code col} holds a finite number, and those numbers. */
    private static double[][] column(List<Map<String, Object>> history, String col) {
        double[] xs = new double[history.size()];
        double[] ys = new double[history.size()];
        int k = 0;
        for (int r = 0; r < history.size(); r++) {
            double v = number(history.get(r).get(col));
            if (Double.isFinite(v)) {
                xs[k] = r + 1;
                ys[k++] = v;
            }
        }
        return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ys, k)};
    }

    /** A cell as a number: Numbers as they are, numeric strings parsed, anything else NaN. */
    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static BufferedImage stack(List<? extends Chart<?, ?>> charts, boolean sideBySide) {
        int w = 0;
        int h = 0;
        for (Chart<?, ?> c : charts) {
            w = sideBySide ? w + c.getWidth() : Math.max(w, c.getWidth());
            h = sideBySide ? Math.max(h, c.getHeight()) : h + c.getHeight();
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int at = 0;
            for (Chart<?, ?> c : charts) {
                Graphics2D sub = (Graphics2D) g.create(sideBySide ? at : 0, sideBySide ? 0 : at, c.getWidth(), c.getHeight());
                try {
                    c.paint(sub, c.getWidth(), c.getHeight());
                } finally {
                    sub.dispose();
                }
                at += sideBySide ? c.getWidth() : c.getHeight();
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void writePng(Path file, BufferedImage img) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static int[] distinct(int[] v) {
        return Arrays.stream(v).distinct().sorted().toArray();
    }
}

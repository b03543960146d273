package org.mvclust.runtime.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A score against a setting as an SVG: a numeric axis (log scale when the values span 20× or more) when every setting
 * is a number, else one tick per candidate; the chosen one ringed.
 */
public final class ScorePlot {
    private static final int W = 720;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 110;

    private ScorePlot() {
    }

    /** Writes {@code file}; {@code settings} label the x axis, {@code score} is NaN where a candidate has none. */
    public static void write(Path file, String title, String xTitle, String yTitle, List<String> settings, double[] score,
                             int chosen) throws IOException {
        double[] x = numbers(settings);
        boolean numeric = x != null;
        boolean log = numeric && min(x) > 0 && max(x) / min(x) >= 20;
        if (!numeric) {
            x = new double[settings.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
        }
        double[] px = log ? java.util.Arrays.stream(x).map(Math::log10).toArray() : x;
        double x0 = min(px);
        double x1 = max(px);
        double y0 = Math.min(0, min(score));
        double y1 = Double.isNaN(max(score)) ? 1 : Math.max(max(score), y0 + 1e-6);
        if (x1 == x0) {
            x0 -= 1;
            x1 += 1;
        }
        double pad = 0.05 * (x1 - x0);
        x0 -= pad;
        x1 += pad;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, esc(title)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
        for (int t = 0; t <= 4; t++) {
            double v = y0 + t * (y1 - y0) / 4;
            double py = py(v, y0, y1);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, W - RIGHT, py, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>%n", LEFT - 6, py + 4, v));
        }
        Color c = Plots.colour(0, 10);
        String colour = String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(px[a], px[b]));
        StringBuilder line = new StringBuilder();
        for (int i : order) {
            if (!Double.isNaN(score[i])) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", pxOf(px[i], x0, x1), py(score[i], y0, y1)));
            }
        }
        if (numeric) {
            s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" points=\"").append(line.toString().trim()).append("\"/>\n");
        }
        for (int i = 0; i < x.length; i++) {
            double cx = pxOf(px[i], x0, x1);
            String tick = settings.get(i);
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%d) rotate(40)\">%s</text>%n", cx - 3, H - BOTTOM + 14, esc(tick)));
            if (!Double.isNaN(score[i])) {
                double cy = py(score[i], y0, y1);
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", cx, cy, colour));
                if (i == chosen) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>%n", cx, cy));
                }
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + W - RIGHT) / 2, H - 8,
                esc(xTitle + (log ? " (log scale)" : ""))));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + H - BOTTOM) / 2, esc(yTitle)));
        s.append("</svg>\n");
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, s.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings as numbers, or null when one is not a number. */
    static double[] numbers(List<String> settings) {
        double[] x = new double[settings.size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(settings.get(i));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return x;
    }

    private static double pxOf(double v, double x0, double x1) {
        return LEFT + (v - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    }

    private static double py(double v, double y0, double y1) {
        return H - BOTTOM - (v - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.mvclust.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvclust.api.MultiViewData;
import org.mvclust.testkit.TestData;

class PlotsTest {
    @TempDir
    Path tmp;

    /** A small synthetic run: two phases, two loss terms, metrics every fifth epoch, 4 clusters with a few mistakes. */
    static final class Run {
        final List<Map<String, Object>> history = new ArrayList<>();
        final MultiViewData data = TestData.blobs(240, 4, 5, 6);
        final int[] truth = data.labels();
        final int[] labels = new int[truth.length];

        Run() {
            for (int e = 1; e <= 30; e++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("phase", e <= 10 ? "pretrain" : "finetune");
                row.put("epoch", e <= 10 ? e : e - 10);
                row.put("seconds", 0.1);
                double recon = 1.0 / e;
                double kl = e <= 10 ? Double.NaN : 0.5 / (e - 9);
                row.put("loss", recon + (e <= 10 ? 0 : kl));
                row.put("recon", recon);
                if (e > 10) {
                    row.put("kl", kl);
                }
                if (e % 5 == 0) {
                    row.put("acc", 0.5 + e / 70.0);
                    row.put("nmi", 0.4 + e / 70.0);
                    row.put("ari", 0.3 + e / 70.0);
                }
                history.add(row);
            }
            for (int i = 0; i < truth.length; i++) {
                labels[i] = (truth[i] + 1) % 4; // clusters named differently from classes
            }
            labels[0] = labels[1];
            labels[7] = labels[2];
        }
    }

    @Test
    void writesThreeReadablePngsOfSensibleSize() throws IOException {
        Run run = new Run();
        boolean ok = Plots.writeRun(tmp, "test-method on blobs, seed 5", run.history, run.data.views().get(0), run.labels, run.truth);
        assertThat(ok).isTrue();
        BufferedImage curves = png(tmp.resolve(Plots.CURVES));
        assertThat(curves.getWidth()).isEqualTo(1000);
        assertThat(curves.getHeight()).as("losses and metrics stacked").isEqualTo(440 + 320);
        BufferedImage emb = png(tmp.resolve(Plots.EMBEDDING));
        assertThat(emb.getWidth()).as("by cluster and by class side by side").isEqualTo(2 * 720);
        assertThat(emb.getHeight()).isEqualTo(640);
        BufferedImage conf = png(tmp.resolve(Plots.CONFUSION));
        assertThat(conf.getWidth()).isBetween(960, 2600);
        assertThat(conf.getHeight()).isBetween(700, 2600);
        for (BufferedImage img : List.of(curves, emb, conf)) {
            assertThat(colourFraction(img)).as("coloured marks (series, cells), not only grey text and axes").isGreaterThan(0.002);
        }
    }

    @Test
    void withoutLabelsOnlyCurvesAndASingleEmbeddingPanel() throws IOException {
        Run run = new Run();
        run.history.forEach(r -> r.keySet().removeAll(Plots.METRICS));
        assertThat(Plots.writeRun(tmp, "no labels", run.history, run.data.views().get(0), run.labels, null)).isTrue();
        assertThat(png(tmp.resolve(Plots.CURVES)).getHeight()).as("no metrics panel").isEqualTo(440);
        assertThat(png(tmp.resolve(Plots.EMBEDDING)).getWidth()).isEqualTo(720);
        assertThat(tmp.resolve(Plots.CONFUSION)).doesNotExist();
    }

    @Test
    void plottingFailureOnlyWarns() throws IOException {
        Run run = new Run();
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        assertThat(Plots.writeRun(notADir, "t", run.history, run.data.views().get(0), run.labels, run.truth)).isFalse();
        // mismatched sizes are reported, not thrown
        assertThat(Plots.writeRun(tmp, "t", run.history, run.data.views().get(0), Arrays.copyOf(run.labels, 10), null)).isFalse();
    }

    @Test
    void noLossesMeansNoCurves() throws IOException {
        assertThat(Plots.writeCurves(tmp.resolve("c.png"), "t", List.of(Map.of("phase", "init", "epoch", 1, "seconds", 0.2)))).isFalse();
        assertThat(tmp.resolve("c.png")).doesNotExist();
    }

    @Test
    void subsampleIsDeterministicSortedAndDistinct() {
        int[] a = Plots.subsample(20000, 5000, 0);
        assertThat(a).hasSize(5000).isSorted().doesNotHaveDuplicates();
        assertThat(a).containsExactly(Plots.subsample(20000, 5000, 0));
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[4999]).isLessThan(20000);
        assertThat(Plots.subsample(30, 5000, 0)).hasSize(30).startsWith(0, 1, 2);
        // every residue class of a cyclic labelling (i % 6) is represented about equally
        int[] per = new int[6];
        for (int i : a) {
            per[i % 6]++;
        }
        for (int c : per) {
            assertThat(c).isBetween(700, 970);
        }
    }

    @Test
    void coloursAreDistinct() {
        for (int n : new int[] {6, 10, 40, 100}) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                seen.add(Plots.colour(i, n).getRGB());
            }
            assertThat(seen).hasSize(n);
        }
    }

    static BufferedImage png(Path file) throws IOException {
        assertThat(file).exists();
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).as("a PNG ImageIO can read: " + file).isNotNull();
        return img;
    }

    static double colourFraction(BufferedImage img) {
        long hits = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - g) + Math.abs(g - b) + Math.abs(b - r) > 80) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) img.getWidth() * img.getHeight());
    }
}

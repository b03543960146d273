package org.mvclust.runtime.train;

import java.io.PrintStream;
import java.util.Map;

/** Training progress: a live line on a terminal, a line every few seconds otherwise. */
public class Progress {
    private final PrintStream out;
    private final boolean live;
    private long totalEpochs;
    private final long start = System.nanoTime();
    private long doneEpochs;
    private long startEpochs;
    private long lastPrint;

    public Progress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** The number of epochs the whole schedule has, for the ETA. */
    public void total(long epochs) {
        totalEpochs = epochs;
    }

    /** Called once when resuming, so the ETA counts only the epochs this process ran. */
    public void resumedAt(long epochs) {
        doneEpochs = epochs;
        startEpochs = epochs;
    }

    public void epoch(String phase, int epoch, int epochs, Map<String, Double> losses, Map<String, Double> metrics) {
        doneEpochs++;
        long now = System.nanoTime();
        boolean last = epoch == epochs;
        if (out == null || (!live && !last && now - lastPrint < 5_000_000_000L)) {
            return;
        }
        lastPrint = now;
        StringBuilder line = new StringBuilder();
        line.append(String.format("%-14s epoch %4d/%-4d", phase, epoch, epochs));
        losses.forEach((k, v) -> {
            if (!(k.equals("loss") && losses.size() == 2)) {
                line.append(String.format("  %s %.5g", k, v));
            }
        });
        if (metrics != null) {
            metrics.forEach((k, v) -> line.append(String.format("  %s %.4f", k, v)));
        }
        double elapsed = (now - start) / 1e9;
        long ran = doneEpochs - startEpochs;
        if (ran > 0 && doneEpochs < totalEpochs) {
            line.append(String.format("  ETA %s", duration(elapsed / ran * (totalEpochs - doneEpochs))));
        }
        if (live) {
            out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    public void message(String text) {
        if (out != null) {
            out.println(text);
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}

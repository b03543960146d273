package org.mvclust.datasets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mvclust.api.Matrix;
import org.mvclust.api.MultiViewData;

/** Writes a dataset in the layout {@link CsvReader} reads: view1.csv, view2.csv, ... and labels.csv. */
public final class CsvWriter {
    private CsvWriter() {
    }

    /**
     * Writes into {@code dir} (created if needed). Each file is written beside its target and moved into place, so a
     * failure leaves no half-written file.
     */
    public static void write(MultiViewData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int v = 0; v < data.viewCount(); v++) {
            Matrix m = data.views().get(v);
            List<String> header = new ArrayList<>();
            for (int j = 0; j < m.cols(); j++) {
                header.add("f" + (j + 1));
            }
            write(dir.resolve("view" + (v + 1) + ".csv"), header, m.rows(), (row, i) -> {
                for (int j = 0; j < m.cols(); j++) {
                    row.add(Float.toString(m.get(i, j)));
                }
            });
        }
        if (data.hasLabels()) {
            int[] labels = data.labels();
            write(dir.resolve("labels.csv"), List.of("label"), labels.length, (row, i) -> row.add(Integer.toString(labels[i])));
        }
    }

    private interface RowSource {
        void fill(List<String> row, int i);
    }

    private static void write(Path target, List<String> header, int rows, RowSource source) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            out.printRecord(header);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                row.clear();
                source.fill(row, i);
                out.printRecord(row);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

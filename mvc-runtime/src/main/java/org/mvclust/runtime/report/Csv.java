package org.mvclust.runtime.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** Reads a CSV file with a header row (RFC 4180 through Commons CSV); rows become maps by column, empty cells left out. */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).build();

    /** The header's names, the rows, and the 1-based line each row starts on (for error messages). */
    public record Table(List<String> header, List<Map<String, Object>> rows, List<Long> lines) {
    }

    private Csv() {
    }

    /** Reads {@code file}; a malformed file (say, an unclosed quote) is an IOException naming it. */
    public static Table table(Path file) throws IOException {
        try {
            return table(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static List<Map<String, Object>> read(Path file) throws IOException {
        return table(file).rows();
    }

    /** The header's column names, or an empty list for an empty file. */
    public static List<String> header(Path file) throws IOException {
        return table(file).header();
    }

    static Table table(String text) throws IOException {
        try (CSVParser p = FORMAT.parse(new StringReader(text))) {
            List<String> header = List.copyOf(p.getHeaderNames());
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            long line = 1;
            int pos = 0;
            for (CSVRecord rec : p) {
                for (; pos < text.length() && (pos < rec.getCharacterPosition() || isEnd(text.charAt(pos))); pos++) {
                    if (text.charAt(pos) == '\n' || text.charAt(pos) == '\r' && (pos + 1 == text.length() || text.charAt(pos + 1) != '\n')) {
                        line++;
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size() && c < rec.size(); c++) {
                    if (!rec.get(c).isEmpty()) {
                        row.put(header.get(c), rec.get(c));
                    }
                }
                rows.add(row);
                lines.add(line);
            }
            return new Table(header, rows, lines);
        }
    }

    private static boolean isEnd(char ch) {
        return ch == '\n' || ch == '\r';
    }
}

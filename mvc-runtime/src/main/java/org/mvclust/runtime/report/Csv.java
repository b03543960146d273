package org.mvclust.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader: header row, quoted fields with doubled quotes, CRLF or LF. Rows become maps by header. */
public final class Csv {
    private Csv() {
    }

    public static List<Map<String, Object>> read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> rec : records.subList(1, records.size())) {
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String v = c < rec.size() ? rec.get(c) : "";
                if (!v.isEmpty()) {
                    row.put(header.get(c).trim(), v);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The header's column names, or an empty list for an empty file. */
    public static List<String> header(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
        return records.isEmpty() ? List.of() : records.get(0).stream().map(String::trim).toList();
    }

    static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                rec.add(field.toString());
                field.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (any) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}

package org.mvclust.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Result files, each written to a temporary name and renamed, so a reader never sees half a file. */
public final class Outputs {
    private Outputs() {
    }

    /** Writes {@code content}; on failure the temporary file is removed, {@code file} is as before, and the error names it. */
    public static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failed(file, tmp, e);
        }
    }

    /** Copies {@code from} to {@code to} by way of a temporary name, as {@link #write} does. */
    public static void copy(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failed(to, tmp, e);
        }
    }

    private static IOException failed(Path file, Path tmp, IOException e) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the error below matters more; the temporary name shows what it was
        }
        String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e instanceof java.nio.file.FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException("cannot write " + file + ": " + why, e);
    }

    /** Rows as CSV; the header is the union of the rows' keys in first-seen order; missing cells stay empty. */
    public static String csv(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (Map<String, Object> r : rows) {
            boolean first = true;
            for (String c : cols) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                Object v = r.get(c);
                sb.append(v == null ? "" : cell(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        String s = v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.6g", d) : String.valueOf(v);
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

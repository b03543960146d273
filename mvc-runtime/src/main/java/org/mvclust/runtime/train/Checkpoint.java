package org.mvclust.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mvclust.runtime.config.Yaml;

/**
 * A training snapshot: a JSON header (run fingerprint, position, history) and every state variable as float32,
 * closed by a SHA-256 of all that precedes it. Written to a temporary file and renamed, so it is whole or absent.
 */
public record Checkpoint(ObjectNode header, Map<String, float[]> values) {
    private static final byte[] MAGIC = "MVCLUST-CKPT-1\n".getBytes(StandardCharsets.US_ASCII);

    /** Streams the snapshot to a temporary file beside {@code file} (no copy of it in memory), then renames it. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MessageDigest digest = sha256();
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(raw, digest));
            out.write(MAGIC);
            ObjectNode h = header.deepCopy();
            ObjectNode sizes = h.putObject("variables");
            values.forEach((k, v) -> sizes.put(k, v.length));
            byte[] json = Yaml.JSON.writeValueAsBytes(h);
            out.writeInt(json.length);
            out.write(json);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] v : values.values()) {
                for (int from = 0; from < v.length; from += chunk.capacity() / 4) {
                    int n = Math.min(chunk.capacity() / 4, v.length - from);
                    chunk.clear();
                    chunk.asFloatBuffer().put(v, from, n);
                    out.write(chunk.array(), 0, n * 4);
                }
            }
            out.flush();
            raw.write(digest.digest());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads and verifies a checkpoint; any damage gives an IOException that names the file and what is wrong. */
    public static Checkpoint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no checkpoint at " + file);
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 4 + 32 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(file + ": not an mvclust checkpoint (bad header)");
        }
        int body = all.length - 32;
        if (!Arrays.equals(sha256(all, body), Arrays.copyOfRange(all, body, all.length))) {
            throw new IOException(file + ": checksum mismatch: the checkpoint is damaged or was modified");
        }
        ByteBuffer in = ByteBuffer.wrap(all, 0, body);
        in.position(MAGIC.length);
        int len = in.getInt();
        if (len < 0 || len > body - in.position()) {
            throw new IOException(file + ": header length out of range");
        }
        ObjectNode header = (ObjectNode) Yaml.JSON.readTree(Arrays.copyOfRange(all, in.position(), in.position() + len));
        in.position(in.position() + len).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (var it = header.get("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int n = e.getValue().asInt();
            if (n < 0 || (long) n * 4 > in.remaining()) {
                throw new IOException(file + ": variable " + e.getKey() + " runs past the end of the file");
            }
            float[] v = new float[n];
            in.asFloatBuffer().get(v);
            in.position(in.position() + n * 4);
            values.put(e.getKey(), v);
        }
        if (in.remaining() != 0) {
            throw new IOException(file + ": " + in.remaining() + " unexpected bytes after the variables");
        }
        return new Checkpoint(header, values);
    }

    static byte[] sha256(byte[] data, int length) {
        MessageDigest d = sha256();
        d.update(data, 0, length);
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

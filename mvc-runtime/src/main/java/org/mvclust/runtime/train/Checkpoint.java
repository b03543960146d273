package org.mvclust.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            ObjectNode h = header.deepCopy();
            ObjectNode sizes = h.putObject("variables");
            values.forEach((k, v) -> sizes.put(k, v.length));
            byte[] json = Yaml.JSON.writeValueAsBytes(h);
            out.writeInt(json.length);
            out.write(json);
            for (float[] v : values.values()) {
                ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                out.write(b.array());
            }
        }
        byte[] body = bytes.toByteArray();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            out.write(body);
            out.write(sha256(body, body.length));
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
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(data, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

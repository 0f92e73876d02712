package io.litgraph.nlp.ner;

import io.litgraph.nlp.match.LongIntMap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain tagger: a weight per (feature, label), a weight per label transition, and the record
 * of how it was made (code version, the training files' checksums, settings, dev scores). Immutable after
 * loading and safe to share between threads.
 *
 * <p>File format ({@value #FORMAT}): gzip of magic, format, metadata pairs, label count, transitions, then per
 * feature its 64-bit key and its non-zero weights as (label, value) pairs. Only features with a non-zero weight
 * are stored, which keeps the shipped artifact small.
 */
public final class RecognizerModel {

    public static final String FORMAT = "litgraph-recognizer-1";
    public static final String RESOURCE = "/io/litgraph/nlp/model/recognizer.bin";
    private static final int MAGIC = 0x4c47524d; // "LGRM"

    private final LongIntMap rows;
    private final float[] weights; // [row * L + label]
    private final float[] transition; // [(from + 1) * L + to]
    private final Map<String, String> metadata;
    private final int featureCount;

    RecognizerModel(LongIntMap rows, float[] weights, float[] transition, Map<String, String> metadata, int featureCount) {
        this.rows = rows;
        this.weights = weights;
        this.transition = transition;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.featureCount = featureCount;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public int featureCount() {
        return featureCount;
    }

    /** A short name for logs and annotation provenance: the metadata's "version". */
    public String version() {
        return metadata.getOrDefault("version", "unversioned");
    }

    /** The best label per token for a sentence's feature keys. */
    public int[] tag(long[][] features) {
        return Viterbi.decode(emission(features), transition, null);
    }

    float[][] emission(long[][] features) {
        int l = Labels.COUNT;
        float[][] e = new float[features.length][l];
        for (int i = 0; i < features.length; i++) {
            float[] row = e[i];
            for (long key : features[i]) {
                int r = rows.get(key, -1);
                if (r >= 0) {
                    int base = r * l;
                    for (int y = 0; y < l; y++) {
                        row[y] += weights[base + y];
                    }
                }
            }
        }
        return e;
    }

    /** The model shipped in this jar, or null when the jar has none. */
    public static RecognizerModel builtin() throws IOException {
        InputStream in = RecognizerModel.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return null;
        }
        try (in) {
            return read(in);
        }
    }

    public static RecognizerModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static RecognizerModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a litgraph recognizer model");
        }
        String format = in.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("recognizer model format " + format + ", this engine reads " + FORMAT);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        int pairs = in.readInt();
        for (int i = 0; i < pairs; i++) {
            meta.put(in.readUTF(), readLong(in));
        }
        int l = in.readInt();
        if (l != Labels.COUNT) {
            throw new IOException("model has " + l + " labels, this engine " + Labels.COUNT);
        }
        float[] transition = new float[(l + 1) * l];
        for (int i = 0; i < transition.length; i++) {
            transition[i] = in.readFloat();
        }
        int n = in.readInt();
        LongIntMap rows = new LongIntMap(n);
        float[] weights = new float[n * l];
        for (int r = 0; r < n; r++) {
            rows.put(in.readLong(), r);
            int nz = in.readUnsignedByte();
            for (int k = 0; k < nz; k++) {
                int y = in.readUnsignedByte();
                weights[r * l + y] = in.readFloat();
            }
        }
        return new RecognizerModel(rows, weights, transition, meta, n);
    }

    /** Writes a model; {@code keys[r]} is the feature key of weight row r. Rows without weight are left out. */
    static void write(OutputStream raw, long[] keys, float[] weights, float[] transition, Map<String, String> meta)
            throws IOException {
        int l = Labels.COUNT;
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeUTF(FORMAT);
        out.writeInt(meta.size());
        for (Map.Entry<String, String> e : meta.entrySet()) {
            out.writeUTF(e.getKey());
            writeLong(out, e.getValue());
        }
        out.writeInt(l);
        for (float t : transition) {
            out.writeFloat(t);
        }
        int kept = 0;
        for (int r = 0; r < keys.length; r++) {
            if (nonZero(weights, r, l) > 0) {
                kept++;
            }
        }
        out.writeInt(kept);
        for (int r = 0; r < keys.length; r++) {
            int nz = nonZero(weights, r, l);
            if (nz == 0) {
                continue;
            }
            out.writeLong(keys[r]);
            out.writeByte(nz);
            for (int y = 0; y < l; y++) {
                float w = weights[r * l + y];
                if (w != 0f) {
                    out.writeByte(y);
                    out.writeFloat(w);
                }
            }
        }
        out.flush();
        gz.finish();
    }

    private static int nonZero(float[] weights, int r, int l) {
        int nz = 0;
        for (int y = 0; y < l; y++) {
            if (weights[r * l + y] != 0f) {
                nz++;
            }
        }
        return nz;
    }

    // metadata values may exceed writeUTF's 64 KB (the list of checksums does not, but a dev report might)
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}

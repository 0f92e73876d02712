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
 * feature its 64-bit key and its non-zero weights as (label, value) pairs (only features with a non-zero weight
 * are stored, which keeps the shipped artifact small); then the linker's threshold and (key, weight) pairs.
 * The tagger decides where mentions are, the linker ({@link LinkScorer}) which concept each names.
 */
public final class RecognizerModel {

    public static final String FORMAT = "litgraph-recognizer-2";
    public static final String RESOURCE = "/io/litgraph/nlp/model/recognizer.bin";
    private static final int MAGIC = 0x4c47524d; // "LGRM"

    private final LongIntMap rows;
    private final float[] weights; // [row * L + label]
    private final float[] transition; // [(from + 1) * L + to]
    private final Map<String, String> metadata;
    private final long[] keys; // the feature key of each weight row
    private final LinkScorer linker;

    RecognizerModel(LongIntMap rows, long[] keys, float[] weights, float[] transition, Map<String, String> metadata,
                    LinkScorer linker) {
        this.keys = keys;
        this.linker = linker;
        this.rows = rows;
        this.weights = weights;
        this.transition = transition;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** This model with its linker's thresholds all set to {@code threshold}. */
    public RecognizerModel withLinkThreshold(double threshold) {
        return new RecognizerModel(rows, keys, weights, transition, metadata,
                linker == null ? null : linker.withThreshold(threshold));
    }

    /** The trained candidate scorer, or null when the model was trained without one. */
    public LinkScorer linker() {
        return linker;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public int featureCount() {
        return keys.length;
    }

    long[] keys() {
        return keys;
    }

    float[] weights() {
        return weights;
    }

    float[] transition() {
        return transition;
    }

    /** A short name for logs and annotation provenance: the metadata's "version". */
    public String version() {
        return metadata.getOrDefault("version", "unversioned");
    }

    /** The best label per token for a sentence's feature keys. */
    public int[] tag(long[][] features) {
        return Viterbi.decode(emission(features), transition, null);
    }

    /** The best label per token for per-token label scores (see {@link #emission}). */
    int[] tag(float[][] emission) {
        return Viterbi.decode(emission, transition, null);
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
        long[] keys = new long[n];
        float[] weights = new float[n * l];
        for (int r = 0; r < n; r++) {
            keys[r] = in.readLong();
            rows.put(keys[r], r);
            int nz = in.readUnsignedByte();
            for (int k = 0; k < nz; k++) {
                int y = in.readUnsignedByte();
                weights[r * l + y] = in.readFloat();
            }
        }
        LinkScorer linker = null;
        int links = in.readInt();
        if (links > 0) {
            double[] thresholds = new double[in.readInt()];
            for (int i = 0; i < thresholds.length; i++) {
                thresholds[i] = in.readDouble();
            }
            long[] linkKeys = new long[links];
            float[] w = new float[links];
            for (int i = 0; i < links; i++) {
                linkKeys[i] = in.readLong();
                w[i] = in.readFloat();
            }
            linker = new LinkScorer(linkKeys, w, thresholds);
        }
        return new RecognizerModel(rows, keys, weights, transition, meta, linker);
    }

    /** Writes a model; {@code keys[r]} is the feature key of weight row r. Rows without weight are left out. */
    static void write(OutputStream raw, long[] keys, float[] weights, float[] transition, Map<String, String> meta,
                      LinkScorer linker) throws IOException {
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
        if (linker == null) {
            out.writeInt(0);
        } else {
            out.writeInt(linker.keys().length);
            out.writeInt(linker.thresholds().length);
            for (double t : linker.thresholds()) {
                out.writeDouble(t);
            }
            for (int i = 0; i < linker.keys().length; i++) {
                out.writeLong(linker.keys()[i]);
                out.writeFloat(linker.weights()[i]);
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

package io.litgraph.nlp.relate;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned relation model: linear classifiers over hashed sparse features ({@link PairFeatures}), fitted by
 * {@link RelationTrainer} and shipped as the resource {@value #RESOURCE}. It holds
 * <ul>
 *   <li>{@code pair}: does the document relate these two concepts (BioRED, any type)? Its margin is mapped to a
 *   probability by a Platt sigmoid fitted on held-out folds of the training split, so {@link #probability} is a
 *   calibrated estimate that the pair is a correct relation;</li>
 *   <li>{@code type}: one-vs-rest over the BioRED relation types, with type-pair features;</li>
 *   <li>{@code cid}: does the chemical induce the disease (fitted on BC5CDR train), for the sign of
 *   chemical–disease relations;</li>
 *   <li>the report threshold (chosen on the dev splits) and a header: training inputs with SHA-256 checksums,
 *   parameters and dev scores.</li>
 * </ul>
 * Only weights, feature-space size and numbers are stored: no corpus text. The file is gzip (mtime 0) over a
 * fixed binary layout, so equal training gives equal bytes.
 */
public final class RelationModel {

    public static final String RESOURCE = "/io/litgraph/nlp/model/relation-model.bin.gz";
    /** System property; "off" runs the engine without document-level relations (set by {@link RelationTrainer}). */
    public static final String DISABLE = "litgraph.relation-model";
    private static final int MAGIC = 0x4C475232; // "LGR2": bump on every change of the layout

    /** One linear classifier: per class a dense weight vector over the hashed feature space (+ bias at index 0). */
    public record Linear(List<String> labels, float[][] weights) {
        double margin(int cls, int[] idx, float[] val) {
            float[] w = weights[cls];
            double z = w[0];
            for (int i = 0; i < idx.length; i++) {
                z += w[idx[i]] * val[i];
            }
            return z;
        }

        /** The label with the highest margin. */
        String best(int[] idx, float[] val) {
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < labels.size(); c++) {
                double m = margin(c, idx, val);
                if (m > top) {
                    top = m;
                    best = c;
                }
            }
            return labels.get(best);
        }
    }

    private final Map<String, String> info;
    private final int dimension;
    private final Linear pair;
    private final Linear type;
    private final Linear cid;
    private final double plattA;
    private final double plattB;
    private final double threshold;
    private final java.util.Set<String> generic;
    /** Isotonic calibration: increasing margins and their probabilities (interpolated); empty: Platt. */
    private final double[] isoMargin;
    private final double[] isoProbability;

    public RelationModel(Map<String, String> info, int dimension, Linear pair, Linear type, Linear cid,
                         double plattA, double plattB, double threshold, java.util.Set<String> generic) {
        this(info, dimension, pair, type, cid, plattA, plattB, new double[0], new double[0], threshold, generic);
    }

    public RelationModel(Map<String, String> info, int dimension, Linear pair, Linear type, Linear cid,
                         double plattA, double plattB, double[] isoMargin, double[] isoProbability, double threshold,
                         java.util.Set<String> generic) {
        this.generic = java.util.Set.copyOf(generic);
        this.isoMargin = isoMargin.clone();
        this.isoProbability = isoProbability.clone();
        this.info = Map.copyOf(info);
        this.dimension = dimension;
        this.pair = pair;
        this.type = type;
        this.cid = cid;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
    }

    private static final class Shipped {
        static final RelationModel MODEL = load();

        private static RelationModel load() {
            if ("off".equals(System.getProperty(DISABLE))) {
                return null; // the trainer: its engine must not depend on the model being replaced
            }
            try (InputStream in = RelationModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    // only while the very first model is being trained: no document-level relations
                    System.getLogger(RelationModel.class.getName()).log(System.Logger.Level.WARNING,
                            "relation model {0} missing from the class path: no document-level relations", RESOURCE);
                    return null;
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read relation model " + RESOURCE, e);
            }
        }
    }

    /** The model in this jar, read once (at engine start); null only when the resource is absent. */
    public static RelationModel shipped() {
        return Shipped.MODEL;
    }

    public Map<String, String> info() {
        return info;
    }

    public int dimension() {
        return dimension;
    }

    public double threshold() {
        return threshold;
    }

    /** Concepts too general to be graph nodes, by their document frequency in the training corpora ({@link Specificity}). */
    public boolean generic(String conceptId) {
        return generic.contains(conceptId);
    }

    public java.util.Set<String> generic() {
        return generic;
    }

    /** The pair classifier's raw margin (before calibration). */
    public double margin(int[] idx, float[] val) {
        return pair.margin(0, idx, val);
    }

    /** Calibrated probability that the document relates the pair. */
    public double probability(int[] idx, float[] val) {
        return calibrate(margin(idx, val));
    }

    public double calibrate(double margin) {
        if (isoMargin.length == 0) {
            return 1 / (1 + Math.exp(-(plattA * margin + plattB)));
        }
        int n = isoMargin.length;
        if (margin <= isoMargin[0]) {
            return isoProbability[0];
        }
        if (margin >= isoMargin[n - 1]) {
            return isoProbability[n - 1];
        }
        int i = java.util.Arrays.binarySearch(isoMargin, margin);
        if (i >= 0) {
            return isoProbability[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (margin - isoMargin[lo]) / (isoMargin[hi] - isoMargin[lo]);
        return isoProbability[lo] + f * (isoProbability[hi] - isoProbability[lo]);
    }

    /** "isotonic" or "platt". */
    public String calibration() {
        return isoMargin.length == 0 ? "platt" : "isotonic";
    }

    /** The BioRED type of a related pair. */
    public String type(int[] idx, float[] val) {
        return type.best(idx, val);
    }

    /** Probability-like score that a chemical induces a disease (uncalibrated sigmoid of the CID margin). */
    public double induces(int[] idx, float[] val) {
        return 1 / (1 + Math.exp(-cid.margin(0, idx, val)));
    }

    // ---- serialization ----

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(info.size());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(info).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(dimension);
            out.writeDouble(plattA);
            out.writeDouble(plattB);
            out.writeDouble(threshold);
            out.writeInt(isoMargin.length);
            for (int i = 0; i < isoMargin.length; i++) {
                out.writeDouble(isoMargin[i]);
                out.writeDouble(isoProbability[i]);
            }
            out.writeInt(generic.size());
            for (String id : new java.util.TreeSet<>(generic)) {
                out.writeUTF(id);
            }
            for (Linear l : List.of(pair, type, cid)) {
                out.writeInt(l.labels().size());
                for (int c = 0; c < l.labels().size(); c++) {
                    out.writeUTF(l.labels().get(c));
                    float[] w = l.weights()[c];
                    float scale = scale(w);
                    int nonzero = 0;
                    for (float f : w) {
                        nonzero += quantize(f, scale) != 0 ? 1 : 0;
                    }
                    out.writeFloat(scale);
                    out.writeInt(nonzero);
                    int previous = 0;
                    for (int i = 0; i < w.length; i++) {
                        short q = quantize(w[i], scale);
                        if (q != 0) {
                            writeVarint(out, i - previous);
                            out.writeShort(q);
                            previous = i;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Weights are stored as 16-bit steps of max|w|/32767 (a relative error below 2·10^-5 of the largest weight,
     * far under what changes a decision) so the shipped file stays small; weights that round to 0 are dropped.
     */
    static float scale(float[] w) {
        float max = 0;
        for (float f : w) {
            max = Math.max(max, Math.abs(f));
        }
        return max == 0 ? 1 : max / Short.MAX_VALUE;
    }

    static short quantize(float w, float scale) {
        return (short) Math.round(w / scale);
    }

    /** The model as it will be read back (quantized weights): what the trainer reports on. */
    public RelationModel roundTrip() {
        try {
            return read(new java.io.ByteArrayInputStream(toBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
    }

    public static RelationModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a litgraph relation model of this version (retrain with RelationTrainer)");
        }
        Map<String, String> info = new LinkedHashMap<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            info.put(in.readUTF(), in.readUTF());
        }
        int dimension = in.readInt();
        double a = in.readDouble();
        double b = in.readDouble();
        double threshold = in.readDouble();
        int iso = in.readInt();
        double[] isoMargin = new double[iso];
        double[] isoProbability = new double[iso];
        for (int i = 0; i < iso; i++) {
            isoMargin[i] = in.readDouble();
            isoProbability[i] = in.readDouble();
        }
        java.util.Set<String> generic = new java.util.HashSet<>();
        int g = in.readInt();
        for (int i = 0; i < g; i++) {
            generic.add(in.readUTF());
        }
        Linear[] models = new Linear[3];
        for (int m = 0; m < 3; m++) {
            int classes = in.readInt();
            List<String> labels = new ArrayList<>();
            float[][] w = new float[classes][];
            for (int c = 0; c < classes; c++) {
                labels.add(in.readUTF());
                w[c] = new float[dimension + 1];
                float scale = in.readFloat();
                int nonzero = in.readInt();
                int i = 0;
                for (int k = 0; k < nonzero; k++) {
                    i += readVarint(in);
                    w[c][i] = in.readShort() * scale;
                }
            }
            models[m] = new Linear(List.copyOf(labels), w);
        }
        return new RelationModel(info, dimension, models[0], models[1], models[2], a, b, isoMargin, isoProbability, threshold,
                generic);
    }
}

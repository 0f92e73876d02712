package io.litgraph.nlp.relate;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sparse feature vector over a hashed feature space: each named feature ("B:inhibi", "GENE_DISEASE|B:inhibi",
 * "F:close5") goes to one of {@value #DIMENSION} indices (1-based; 0 is the bias). Collisions add up, which a
 * linear model tolerates. Names use {@link String#hashCode}, fixed by the Java specification, so a model fitted
 * on one JVM scores the same on any other.
 */
final class PairFeatures {

    static final int DIMENSION = 1 << 18;

    private int[] idx = new int[64];
    private float[] val = new float[64];
    private int size;

    static int index(String name) {
        int h = name.hashCode() * 0x9E3779B1;
        h ^= h >>> 15;
        return 1 + (h & (DIMENSION - 1));
    }

    void add(String name, double value) {
        add(index(name), value);
    }

    /** Adds a feature by its {@link #index}. */
    void add(int index, double value) {
        if (value == 0) {
            return;
        }
        if (size == idx.length) {
            idx = Arrays.copyOf(idx, size * 2);
            val = Arrays.copyOf(val, size * 2);
        }
        idx[size] = index;
        val[size] = (float) value;
        size++;
    }

    /** Sorted indices with duplicates summed (liblinear wants ascending indices). */
    Vector build() {
        long[] order = new long[size]; // index in the high half, position in the low half: a primitive sort
        for (int i = 0; i < size; i++) {
            order[i] = (long) idx[i] << 32 | i;
        }
        Arrays.sort(order);
        int[] outIdx = new int[size];
        float[] outVal = new float[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = (int) order[k];
            if (n > 0 && outIdx[n - 1] == idx[i]) {
                outVal[n - 1] += val[i];
            } else {
                outIdx[n] = idx[i];
                outVal[n] = val[i];
                n++;
            }
        }
        return new Vector(Arrays.copyOf(outIdx, n), Arrays.copyOf(outVal, n));
    }

    /** An immutable sparse vector. */
    record Vector(int[] idx, float[] val) {
    }

    /**
     * A token as a lexical feature: lowercase, digits folded to '0', cut to six characters, so inflections of one
     * word share a feature ("inhibits", "inhibition" → "inhibi") without a lemmatizer.
     */
    static String stem(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(Math.min(6, lower.length()));
        for (int i = 0; i < lower.length() && sb.length() < 6; i++) {
            char ch = lower.charAt(i);
            sb.append(Character.isDigit(ch) ? '0' : ch);
        }
        return sb.toString();
    }
}

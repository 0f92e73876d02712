package io.litgraph.nlp.ner;

/**
 * 64-bit feature keys built without allocating strings: a template number followed by the characters (or small
 * integers) that fill it, hashed with FNV-1a. The recognizer sees tens of features per token on every document,
 * so building a {@code String} per feature would dominate its cost; with 64 bits, collisions among the few
 * million features a model holds are negligible (birthday bound ~10^-7).
 */
final class FeatureKey {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long h;

    FeatureKey start(int template) {
        h = OFFSET;
        return add(template);
    }

    FeatureKey add(int value) {
        h = (h ^ (value & 0xffff)) * PRIME;
        h = (h ^ (value >>> 16)) * PRIME;
        return this;
    }

    FeatureKey add(char c) {
        h = (h ^ c) * PRIME;
        return this;
    }

    /** Characters {@code [from, to)} of {@code s}, lower-cased when asked. */
    FeatureKey add(CharSequence s, int from, int to, boolean lower) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h = (h ^ (lower ? Character.toLowerCase(c) : c)) * PRIME;
        }
        h = (h ^ 0x1f) * PRIME; // end marker: "ab"+"c" differs from "a"+"bc"
        return this;
    }

    /**
     * The word's shape as {@link TokenFeatures#shape} writes it (X, x, d, g, #; at most 12 characters; runs
     * collapsed when asked), hashed as {@link #add(CharSequence)} would hash that string, without building it.
     */
    FeatureKey addShape(CharSequence w, boolean collapse) {
        int length = 0;
        char last = 0;
        for (int i = 0; i < w.length() && length < 12; i++) {
            char s = TokenFeatures.shapeOf(w.charAt(i));
            if (collapse && s == last) {
                continue;
            }
            h = (h ^ s) * PRIME;
            length++;
            last = s;
        }
        h = (h ^ 0x1f) * PRIME;
        return this;
    }

    FeatureKey add(CharSequence s) {
        return add(s, 0, s.length(), false);
    }

    long get() {
        // a final avalanche so that keys spread over the open-addressing table's low bits
        long x = h;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x == Long.MIN_VALUE ? 0 : x; // Long.MIN_VALUE marks an empty slot in LongIntMap
    }
}

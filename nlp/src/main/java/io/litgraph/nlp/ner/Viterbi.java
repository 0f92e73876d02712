package io.litgraph.nlp.ner;

/**
 * The best label sequence of a linear chain: per-token label scores plus label-to-label transition scores,
 * optionally restricted to an allowed set of labels per token (a bit mask). The restricted form is what
 * training under partial annotation needs: the best sequence that agrees with what a corpus does annotate.
 */
final class Viterbi {

    /** Per "from" label (0: the sentence start, 1 + l after label l), the labels that may follow. */
    private static final int[][] NEXT = new int[Labels.COUNT + 1][];
    /** Per "to" label, the labels it may follow (no sentence start). */
    private static final int[][] PREVIOUS = new int[Labels.COUNT][];

    static {
        for (int from = -1; from < Labels.COUNT; from++) {
            int[] next = new int[Labels.COUNT];
            int n = 0;
            for (int to = 0; to < Labels.COUNT; to++) {
                if (Labels.allowed(from, to)) {
                    next[n++] = to;
                }
            }
            NEXT[from + 1] = java.util.Arrays.copyOf(next, n);
        }
        for (int to = 0; to < Labels.COUNT; to++) {
            int[] previous = new int[Labels.COUNT];
            int n = 0;
            for (int from = 0; from < Labels.COUNT; from++) {
                if (Labels.allowed(from, to)) {
                    previous[n++] = from;
                }
            }
            PREVIOUS[to] = java.util.Arrays.copyOf(previous, n);
        }
    }

    private Viterbi() {
    }

    /**
     * @param emission    [token][label] scores
     * @param transition  [(from + 1) * L + to]: row 0 is the sentence start, row 1 + l follows label l
     * @param allowed     per-token label masks, or null for no restriction
     */
    static int[] decode(float[][] emission, float[] transition, int[] allowed) {
        int n = emission.length;
        int l = Labels.COUNT;
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        float[] score = new float[l];
        float[] next = new float[l];
        int[][] back = new int[n][l];
        java.util.Arrays.fill(score, Float.NEGATIVE_INFINITY);
        for (int y : NEXT[0]) {
            if (allowed == null || (allowed[0] & (1 << y)) != 0) {
                score[y] = transition[y] + emission[0][y];
            }
        }
        for (int i = 1; i < n; i++) {
            float[] e = emission[i];
            int[] b = back[i];
            for (int y = 0; y < l; y++) {
                if (allowed != null && (allowed[i] & (1 << y)) == 0) {
                    next[y] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p : PREVIOUS[y]) {
                    float s = score[p] + transition[(p + 1) * l + y];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                next[y] = best + e[y];
                b[y] = arg;
            }
            float[] t = score;
            score = next;
            next = t;
        }
        int arg = 0;
        for (int y = 1; y < l; y++) {
            if (score[y] > score[arg]) {
                arg = y;
            }
        }
        path[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }
}

package io.litgraph.nlp.ner;

/**
 * The best label sequence of a linear chain: per-token label scores plus label-to-label transition scores,
 * optionally restricted to an allowed set of labels per token (a bit mask). The restricted form is what
 * training under partial annotation needs: the best sequence that agrees with what a corpus does annotate.
 */
final class Viterbi {

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
        for (int y = 0; y < l; y++) {
            boolean ok = Labels.allowed(-1, y) && (allowed == null || (allowed[0] & (1 << y)) != 0);
            score[y] = ok ? transition[y] + emission[0][y] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int y = 0; y < l; y++) {
                if (allowed != null && (allowed[i] & (1 << y)) == 0) {
                    next[y] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < l; p++) {
                    if (score[p] == Float.NEGATIVE_INFINITY || !Labels.allowed(p, y)) {
                        continue;
                    }
                    float s = score[p] + transition[(p + 1) * l + y];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                next[y] = best + emission[i][y];
                back[i][y] = arg;
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

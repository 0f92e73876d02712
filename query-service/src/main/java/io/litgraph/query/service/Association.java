package io.litgraph.query.service;

/**
 * Association of two concepts from document counts: {@code together} documents mention both, {@code a}
 * and {@code b} mention each, {@code n} documents in all.
 */
public final class Association {

    private Association() {
    }

    /** Pointwise mutual information, log2 of observed over expected co-occurrence. */
    public static double pmi(int together, int a, int b, int n) {
        if (together <= 0 || a <= 0 || b <= 0 || n <= 0) {
            return 0;
        }
        return Math.log((double) together * n / ((double) a * b)) / Math.log(2);
    }

    /**
     * Dunning's log-likelihood ratio (G²) of the 2×2 contingency table, signed: negative when the two
     * co-occur less often than chance. Unlike PMI it does not reward rare pairs seen once.
     */
    public static double llr(int together, int a, int b, int n) {
        double k11 = together;
        double k12 = Math.max(0, a - together);
        double k21 = Math.max(0, b - together);
        double k22 = Math.max(0, n - a - b + together);
        double total = k11 + k12 + k21 + k22;
        if (total <= 0) {
            return 0;
        }
        double g2 = 2 * (term(k11, (k11 + k12) * (k11 + k21) / total) + term(k12, (k11 + k12) * (k12 + k22) / total)
                + term(k21, (k21 + k22) * (k11 + k21) / total) + term(k22, (k21 + k22) * (k12 + k22) / total));
        double expected = (k11 + k12) * (k11 + k21) / total;
        return k11 < expected ? -g2 : g2;
    }

    private static double term(double observed, double expected) {
        return observed <= 0 || expected <= 0 ? 0 : observed * Math.log(observed / expected);
    }
}

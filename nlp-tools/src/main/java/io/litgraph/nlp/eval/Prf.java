package io.litgraph.nlp.eval;

/** True positives, false positives, false negatives; precision, recall, F1. */
public record Prf(int tp, int fp, int fn) {

    public static final Prf ZERO = new Prf(0, 0, 0);

    public Prf plus(Prf o) {
        return new Prf(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public static <T> Prf compare(java.util.Set<T> gold, java.util.Set<T> predicted) {
        int tp = 0;
        for (T t : predicted) {
            if (gold.contains(t)) {
                tp++;
            }
        }
        return new Prf(tp, predicted.size() - tp, gold.size() - tp);
    }
}

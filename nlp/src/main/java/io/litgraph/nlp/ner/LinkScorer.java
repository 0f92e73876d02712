package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.LongIntMap;

import java.util.List;
import java.util.Locale;

/**
 * A logistic model over {@link LinkCandidates}' features: the probability that a candidate concept is what a
 * span names. The linker takes the most probable candidate and leaves the span without an identifier (NIL)
 * when even that one is below its type's threshold, chosen on the dev splits.
 */
public final class LinkScorer {

    private final long[] keys;
    private final float[] weights;
    private final double[] thresholds; // per EntityType ordinal
    private final LongIntMap index;

    public LinkScorer(long[] keys, float[] weights, double[] thresholds) {
        this.keys = keys;
        this.weights = weights;
        this.thresholds = thresholds.clone();
        this.index = new LongIntMap(Math.max(16, keys.length));
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
    }

    public double threshold(EntityType type) {
        return thresholds[type.ordinal()];
    }

    public double probability(long[] features) {
        double z = 0;
        for (long f : features) {
            int i = index.get(f, -1);
            if (i >= 0) {
                z += weights[i];
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The index in {@code candidates} of the most probable candidate, or -1 when it is below the type's threshold. */
    public int choose(List<LinkCandidates.Candidate> candidates, EntityType type) {
        int best = -1;
        double bestP = -1;
        for (int i = 0; i < candidates.size(); i++) {
            double p = probability(candidates.get(i).features());
            if (p > bestP) {
                bestP = p;
                best = i;
            }
        }
        return bestP >= thresholds[type.ordinal()] ? best : -1;
    }

    /** The same weights with every threshold set to {@code t} (a user's precision/recall trade). */
    public LinkScorer withThreshold(double t) {
        double[] all = new double[thresholds.length];
        java.util.Arrays.fill(all, t);
        return new LinkScorer(keys, weights, all);
    }

    String describeThresholds() {
        StringBuilder sb = new StringBuilder();
        for (EntityType t : Labels.TYPES) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%s=%.2f", t.name().substring(0, 4), thresholds[t.ordinal()]));
        }
        return sb.toString();
    }

    long[] keys() {
        return keys;
    }

    float[] weights() {
        return weights;
    }

    double[] thresholds() {
        return thresholds;
    }
}

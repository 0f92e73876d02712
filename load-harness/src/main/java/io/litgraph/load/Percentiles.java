package io.litgraph.load;

import java.util.Arrays;

/** Nearest-rank percentiles over a set of durations in milliseconds. */
public final class Percentiles {
    private final long[] sorted;

    public Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest value with at least p% of the values at or below it; -1 when empty. */
    public long at(double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    public double mean() {
        return sorted.length == 0 ? -1 : Arrays.stream(sorted).average().orElse(-1);
    }
}

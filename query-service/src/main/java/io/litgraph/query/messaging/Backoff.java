package io.litgraph.query.messaging;

import io.litgraph.query.config.QueryConfig;

/** The configured retry pause of a consumer, doubled after each failed attempt up to the maximum. */
final class Backoff {
    private long millis;
    private final long max;

    Backoff(QueryConfig.Consumer config) {
        this.millis = config.retryBackoff().toMillis();
        this.max = Math.max(millis, config.maxBackoff().toMillis());
    }

    /** The pause the next {@link #sleep()} takes. */
    long next() {
        return millis;
    }

    void sleep() throws InterruptedException {
        Thread.sleep(millis);
        millis = Math.min(millis * 2, max);
    }
}

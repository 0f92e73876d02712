package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.GraphQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells read-side caches whether the stored data may have changed: the highest {@code document.seq},
 * which every stored document version raises, read at most once per {@code litgraph.query.cache.refresh}.
 * A transaction that took a lower sequence number but committed after a higher one does not raise it, so
 * caches also expire their data after {@code max-age}.
 */
@ApplicationScoped
public class StoreVersion {

    private final GraphQueries graph;
    private final long refreshNanos;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long version = -1;
    private volatile long checkedAtNanos;

    public StoreVersion(GraphQueries graph, QueryConfig config) {
        this.graph = graph;
        this.refreshNanos = config.cache().refresh().toNanos();
    }

    public long current() {
        long known = version;
        if (known >= 0 && System.nanoTime() - checkedAtNanos < refreshNanos) {
            return known;
        }
        // one request reads it; the others meanwhile go on with the value from a moment ago
        if (known >= 0 && !probing.compareAndSet(false, true)) {
            return known;
        }
        try {
            long read = graph.graphVersion();
            version = read;
            checkedAtNanos = System.nanoTime();
            return read;
        } finally {
            probing.set(false);
        }
    }
}

package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.GraphQueries;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the {@link RelationGraph} snapshot that path searches walk, reloaded when a document was stored
 * since it was read ({@link StoreVersion}) or when it is older than {@code max-age}. One thread reloads;
 * the others keep answering from the previous snapshot meanwhile.
 */
@ApplicationScoped
public class RelationGraphCache {
    private static final Logger LOG = Logger.getLogger(RelationGraphCache.class);

    private final GraphQueries graph;
    private final StoreVersion versions;
    private final long maxAgeNanos;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile RelationGraph current;

    public RelationGraphCache(GraphQueries graph, StoreVersion versions, QueryConfig config) {
        this.graph = graph;
        this.versions = versions;
        this.maxAgeNanos = config.cache().maxAge().toNanos();
    }

    public RelationGraph current() {
        long version = versions.current();
        RelationGraph snapshot = current;
        if (fresh(snapshot, version)) {
            return snapshot;
        }
        if (snapshot == null) {
            loading.lock();
        } else if (!loading.tryLock()) {
            return snapshot;
        }
        try {
            snapshot = current;
            if (fresh(snapshot, version)) {
                return snapshot;
            }
            long start = System.nanoTime();
            // the version was read before the rows, so the rows are at least that new
            RelationGraph loaded = RelationGraph.of(graph.affirmedRelationSummaries(), version);
            current = loaded;
            LOG.debugf("relation graph reloaded: %d relations at version %d in %d ms", loaded.relations(), version,
                    (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } finally {
            loading.unlock();
        }
    }

    private boolean fresh(RelationGraph snapshot, long version) {
        return snapshot != null && snapshot.version() == version && System.nanoTime() - snapshot.loadedAtNanos() < maxAgeNanos;
    }
}

package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.GraphQueries;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link RelationGraph} that path searches walk, read again when a document was stored since
 * ({@link StoreSnapshot}); while one thread reloads it the others keep answering from the previous copy.
 */
@ApplicationScoped
public class RelationGraphCache {
    private static final Logger LOG = Logger.getLogger(RelationGraphCache.class);

    private final GraphQueries graph;
    private final StoreSnapshot<RelationGraph> snapshot;

    public RelationGraphCache(GraphQueries graph, StoreVersion versions, QueryConfig config) {
        this.graph = graph;
        this.snapshot = new StoreSnapshot<>(versions, config, this::load);
    }

    public RelationGraph current() {
        return snapshot.current();
    }

    private RelationGraph load() {
        long start = System.nanoTime();
        RelationGraph loaded = RelationGraph.of(graph.affirmedRelationSummaries());
        LOG.debugf("relation graph reloaded: %d relations in %d ms", loaded.relations(),
                (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }
}

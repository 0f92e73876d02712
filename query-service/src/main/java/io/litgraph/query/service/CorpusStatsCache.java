package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.Stats;
import io.litgraph.query.repository.StatsQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The corpus counts of {@code GET /api/stats}, counted again only when a document was stored since
 * ({@link StoreSnapshot}). Counting them sums every document row (hundreds of milliseconds at 100k documents),
 * and the Explorer's status page asks every few seconds; between stored documents the answer cannot change.
 */
@ApplicationScoped
public class CorpusStatsCache {

    /** The corpus counts at one moment. */
    public record Corpus(StatsQueries.Totals totals, Map<String, Long> conceptsByType,
                         Map<String, Long> mentionsByType, Map<String, Long> relationsByType,
                         List<Stats.EngineVersion> documentsByEngine) {
    }

    private final StatsQueries stats;
    private final StoreSnapshot<Corpus> snapshot;

    public CorpusStatsCache(StatsQueries stats, StoreVersion versions, QueryConfig config) {
        this.stats = stats;
        this.snapshot = new StoreSnapshot<>(versions, config, this::count);
    }

    public Corpus current() {
        return snapshot.current();
    }

    private Corpus count() {
        return new Corpus(stats.totals(), stats.conceptsByType(), stats.mentionsByType(), stats.relationsByType(),
                stats.documentsByEngine());
    }
}

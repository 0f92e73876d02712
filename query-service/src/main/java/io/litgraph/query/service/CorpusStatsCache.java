package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.Stats;
import io.litgraph.query.repository.StatsQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The corpus counts of {@code GET /api/stats}, reused until a document is stored ({@link StoreVersion}).
 * Counting them sums every document row (hundreds of milliseconds at 100k documents), and the Explorer's
 * status page asks every few seconds; between stored documents the answer cannot change. One request
 * recounts while the others wait for its answer instead of counting too.
 */
@ApplicationScoped
public class CorpusStatsCache {

    /** The counts at one store version. */
    public record Corpus(long version, long countedAtNanos, StatsQueries.Totals totals, Map<String, Long> conceptsByType,
                         Map<String, Long> mentionsByType, Map<String, Long> relationsByType,
                         List<Stats.EngineVersion> documentsByEngine) {
    }

    private final StatsQueries stats;
    private final StoreVersion versions;
    private final long maxAgeNanos;
    private volatile Corpus last;

    public CorpusStatsCache(StatsQueries stats, StoreVersion versions, QueryConfig config) {
        this.stats = stats;
        this.versions = versions;
        this.maxAgeNanos = config.cache().maxAge().toNanos();
    }

    private boolean usable(Corpus c, long version) {
        // max-age too: a late commit with a lower sequence number does not move the version (see StoreVersion)
        return c != null && c.version() == version && System.nanoTime() - c.countedAtNanos() < maxAgeNanos;
    }

    public Corpus current() {
        long version = versions.current();
        Corpus known = last;
        if (usable(known, version)) {
            return known;
        }
        synchronized (this) {
            known = last;
            if (usable(known, version)) {
                return known;
            }
            Corpus fresh = new Corpus(version, System.nanoTime(), stats.totals(), stats.conceptsByType(), stats.mentionsByType(),
                    stats.relationsByType(), stats.documentsByEngine());
            last = fresh;
            return fresh;
        }
    }
}

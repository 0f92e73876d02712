package io.litgraph.query.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Corpus statistics, read from the aggregates where possible so that they stay cheap as the corpus grows. */
@ApplicationScoped
public class StatsQueries {

    private final Jdbc jdbc;

    public StatsQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record Totals(long documents, long mentions, long relations, Instant newestEvent, Instant lastIndexed) {
    }

    /** Sums over every document row: the expensive part of the statistics (hundreds of ms at 100k documents). */
    public Totals totals() {
        return jdbc.one("""
                SELECT count(*), coalesce(sum(mention_count), 0), coalesce(sum(relation_count), 0), max(event_time),
                       max(indexed_at) FROM document
                """, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                DocumentQueries.instant(rs.getTimestamp(4)), DocumentQueries.instant(rs.getTimestamp(5))))
                .orElseThrow();
    }

    /** Status events still in the outbox: changes all the time, and the outbox stays small. */
    public long outboxPending() {
        return jdbc.one("SELECT count(*) FROM outbox", rs -> rs.getLong(1)).orElseThrow();
    }

    public Map<String, Long> conceptsByType() {
        return byType("SELECT type, count(*) FROM concept WHERE document_count > 0 GROUP BY type ORDER BY 2 DESC, 1");
    }

    public Map<String, Long> mentionsByType() {
        return byType("SELECT type, sum(mention_count) FROM concept WHERE mention_count > 0 GROUP BY type ORDER BY 2 DESC, 1");
    }

    public Map<String, Long> relationsByType() {
        return byType("""
                SELECT type, sum(evidence_count + negated_evidence_count) FROM relation_summary
                GROUP BY type ORDER BY 2 DESC, 1
                """);
    }

    public java.util.List<io.litgraph.query.model.Stats.EngineVersion> documentsByEngine() {
        return jdbc.list("""
                SELECT engine_name, engine_version, vocabulary_version, count(*) FROM document
                GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3
                """, rs -> new io.litgraph.query.model.Stats.EngineVersion(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getLong(4)));
    }

    private Map<String, Long> byType(String sql) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.list(sql, rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }
}

package io.litgraph.query.repository;

import io.litgraph.query.model.DocumentSummary;
import io.litgraph.query.model.SearchPage.Facet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Document search: PostgreSQL full text (websearch_to_tsquery over the generated tsvector, ranked by
 * ts_rank, highlighted by ts_headline) combined with concept, entity-type and date filters.
 */
@ApplicationScoped
public class DocumentSearch {
    private static final String HEADLINE_OPTIONS =
            "MaxFragments=2, MaxWords=35, MinWords=12, FragmentDelimiter=\" … \", StartSel=<mark>, StopSel=</mark>";

    private final Jdbc jdbc;

    public DocumentSearch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param q        web-search syntax ("quoted phrase", -exclusion, OR); null for no text condition
     * @param concepts documents must mention every one of them
     * @param types    documents must mention an entity of every one of these types
     * @param since    publication (or, lacking one, indexing) date on or after
     * @param until    … on or before
     */
    public record Filter(String q, List<String> concepts, List<String> types, LocalDate since, LocalDate until) {
        boolean ranked() {
            return q != null;
        }
    }

    /** Where the previous page stopped: the score (ranked search only) and seq of its last row. */
    public record After(Float score, long seq) {
    }

    public record Hit(DocumentSummary summary, float score, long seq) {
    }

    private record Where(String sql, List<Object> params) {
    }

    /** {@code limit + 1} hits so that the caller can tell whether another page follows. */
    public List<Hit> search(Filter filter, After after, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH page AS (SELECT d.*, ");
        if (filter.ranked()) {
            sql.append("ts_rank(d.search, websearch_to_tsquery('english'::regconfig, ?)) AS score ");
            params.add(filter.q());
        } else {
            sql.append("0::real AS score ");
        }
        sql.append("FROM document d WHERE ").append(where.sql());
        params.addAll(where.params());
        if (after != null) {
            if (filter.ranked()) {
                sql.append(" AND (ts_rank(d.search, websearch_to_tsquery('english'::regconfig, ?)), d.seq) < (?::real, ?)");
                params.add(filter.q());
                params.add(after.score());
            } else {
                sql.append(" AND d.seq < ?");
            }
            params.add(after.seq());
        }
        sql.append(filter.ranked() ? " ORDER BY score DESC, d.seq DESC" : " ORDER BY d.seq DESC").append(" LIMIT ?)");
        params.add(limit + 1);
        sql.append(" SELECT id, version, title, source, url, published, indexed_at, mention_count, relation_count, seq, score, ");
        if (filter.ranked()) {
            sql.append("ts_headline('english'::regconfig, left(text, 100000), websearch_to_tsquery('english'::regconfig, ?), ?) AS snippet ");
            params.add(filter.q());
            params.add(HEADLINE_OPTIONS);
        } else {
            sql.append("NULL AS snippet ");
        }
        sql.append("FROM page ORDER BY score DESC, seq DESC");
        return jdbc.list(sql.toString(), rs -> {
            float score = rs.getFloat("score");
            return new Hit(DocumentQueries.summary(rs, filter.ranked() ? (double) score : null, rs.getString("snippet")),
                    score, rs.getLong("seq"));
        }, params.toArray());
    }

    /** The most frequent concepts per entity type among the best {@code sample} matches. */
    public Map<String, List<Facet>> facets(Filter filter, int sample, int perType) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH hits AS (SELECT d.id FROM document d WHERE ").append(where.sql());
        params.addAll(where.params());
        if (filter.ranked()) {
            sql.append(" ORDER BY ts_rank(d.search, websearch_to_tsquery('english'::regconfig, ?)) DESC, d.seq DESC");
            params.add(filter.q());
        } else {
            sql.append(" ORDER BY d.seq DESC");
        }
        sql.append(" LIMIT ?), counted AS (")
                .append("SELECT c.type, c.id, c.name, count(DISTINCT m.document_id) AS n FROM hits h ")
                .append("JOIN mention m ON m.document_id = h.id JOIN concept c ON c.id = m.concept_id ")
                .append("GROUP BY c.type, c.id, c.name), ranked AS (")
                .append("SELECT *, row_number() OVER (PARTITION BY type ORDER BY n DESC, id) AS r FROM counted) ")
                .append("SELECT type, id, name, n FROM ranked WHERE r <= ? ORDER BY type, r");
        params.add(sample);
        params.add(perType);
        Map<String, List<Facet>> facets = new LinkedHashMap<>();
        jdbc.list(sql.toString(), rs -> facets.computeIfAbsent(rs.getString("type"), t -> new ArrayList<>())
                .add(new Facet(rs.getString("id"), rs.getString("name"), rs.getInt("n"))), params.toArray());
        return facets;
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add("TRUE");
        if (filter.ranked()) {
            conditions.add("d.search @@ websearch_to_tsquery('english'::regconfig, ?)");
            params.add(filter.q());
        }
        for (String concept : filter.concepts()) {
            conditions.add("EXISTS (SELECT 1 FROM mention m WHERE m.document_id = d.id AND m.concept_id = ?)");
            params.add(concept);
        }
        for (String type : filter.types()) {
            conditions.add("EXISTS (SELECT 1 FROM mention m WHERE m.document_id = d.id AND m.type = ?)");
            params.add(type);
        }
        if (filter.since() != null) {
            conditions.add("coalesce(d.published_on, d.indexed_at::date) >= ?");
            params.add(filter.since());
        }
        if (filter.until() != null) {
            conditions.add("coalesce(d.published_on, d.indexed_at::date) <= ?");
            params.add(filter.until());
        }
        return new Where(String.join(" AND ", conditions), params);
    }
}

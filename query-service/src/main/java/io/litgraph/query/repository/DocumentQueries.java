package io.litgraph.query.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.litgraph.events.EventJson;
import io.litgraph.query.model.DocumentDetail;
import io.litgraph.query.model.DocumentDetail.ConceptView;
import io.litgraph.query.model.DocumentDetail.MentionView;
import io.litgraph.query.model.DocumentDetail.RelationView;
import io.litgraph.query.model.DocumentSummary;
import io.litgraph.query.model.Span;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads documents and their annotations. */
@ApplicationScoped
public class DocumentQueries {

    private final Jdbc jdbc;

    public DocumentQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static DocumentSummary summary(ResultSet rs, Double score, String snippet) throws SQLException {
        return new DocumentSummary(rs.getString("id"), rs.getInt("version"), rs.getString("title"),
                rs.getString("source"), rs.getString("url"), rs.getString("published"),
                instant(rs.getTimestamp("indexed_at")), rs.getInt("mention_count"), rs.getInt("relation_count"),
                score, snippet);
    }

    public Optional<DocumentDetail> find(String id) {
        Optional<DocumentDetail> head = jdbc.one("""
                SELECT id, version, title, text, passages::text, source, url, published, authors::text, tags::text,
                       metadata::text, engine_name, engine_version, vocabulary_version, event_time, indexed_at
                FROM document WHERE id = ?
                """, DocumentQueries::head, id);
        return head.map(d -> new DocumentDetail(d.id(), d.version(), d.title(), d.text(), d.passages(), d.metadata(),
                d.engine(), d.eventTime(), d.indexedAt(), sentences(id), mentions(id), concepts(id), relations(id)));
    }

    /**
     * Several documents with five queries in all, whatever their number (exports page through
     * hundreds); in the order of {@code ids}, unknown ids left out.
     */
    public List<DocumentDetail> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] array = ids.toArray(String[]::new);
        Map<String, DocumentDetail> heads = new java.util.HashMap<>();
        jdbc.list("""
                SELECT id, version, title, text, passages::text, source, url, published, authors::text, tags::text,
                       metadata::text, engine_name, engine_version, vocabulary_version, event_time, indexed_at
                FROM document WHERE id = ANY (?)
                """, rs -> heads.put(rs.getString("id"), head(rs)), (Object) array);
        Map<String, List<Span>> sentences = new java.util.HashMap<>();
        jdbc.list("SELECT document_id, start_offset, end_offset, text FROM sentence WHERE document_id = ANY (?) "
                        + "ORDER BY document_id, idx",
                rs -> sentences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Span(rs.getInt(2), rs.getInt(3), rs.getString(4))), (Object) array);
        Map<String, List<MentionView>> mentions = new java.util.HashMap<>();
        jdbc.list("""
                SELECT document_id, start_offset, end_offset, text, type, concept_id, negated, speculative
                FROM mention WHERE document_id = ANY (?) ORDER BY document_id, start_offset, end_offset, idx
                """, rs -> mentions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new MentionView(
                rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                rs.getBoolean(8))), (Object) array);
        Map<String, List<ConceptView>> concepts = new java.util.HashMap<>();
        jdbc.list("""
                WITH used AS (
                    SELECT document_id, concept_id, count(*) AS n FROM mention
                    WHERE document_id = ANY (?) AND concept_id IS NOT NULL GROUP BY document_id, concept_id
                    UNION ALL SELECT document_id, subject_id, 0 FROM relation WHERE document_id = ANY (?)
                    UNION ALL SELECT document_id, object_id, 0 FROM relation WHERE document_id = ANY (?))
                SELECT u.document_id, c.id, c.type, c.name, c.xrefs::text, sum(u.n) AS n
                FROM used u JOIN concept c ON c.id = u.concept_id
                GROUP BY u.document_id, c.id, c.type, c.name, c.xrefs::text ORDER BY u.document_id, n DESC, c.id
                """, rs -> concepts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ConceptView(
                rs.getString(2), rs.getString(3), rs.getString(4), fromJson(rs.getString(5), new TypeReference<>() { }),
                rs.getInt(6))), array, array, array);
        Map<String, List<RelationView>> relations = new java.util.HashMap<>();
        jdbc.list("""
                SELECT r.document_id, r.type, r.subject_id, r.object_id, r.directed, r.trigger_start, r.trigger_end,
                       r.trigger_text, r.sentence_start, r.sentence_end, r.sentence_text, r.subject_start, r.subject_end,
                       r.subject_text, r.object_start, r.object_end, r.object_text, r.negated, r.speculative, r.confidence,
                       """ + RELATION_BELIEF + """
                WHERE r.document_id = ANY (?) ORDER BY r.document_id, r.idx
                """, rs -> relations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RelationView(
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), span(rs, 6), span(rs, 9),
                span(rs, 12), span(rs, 15), rs.getBoolean(18), rs.getBoolean(19), rs.getDouble(20),
                rs.getDouble(21), rs.getInt(22))), (Object) array);
        List<DocumentDetail> out = new ArrayList<>();
        for (String id : ids) {
            DocumentDetail d = heads.get(id);
            if (d != null) {
                out.add(new DocumentDetail(d.id(), d.version(), d.title(), d.text(), d.passages(), d.metadata(),
                        d.engine(), d.eventTime(), d.indexedAt(), sentences.getOrDefault(id, List.of()),
                        mentions.getOrDefault(id, List.of()), concepts.getOrDefault(id, List.of()),
                        relations.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private static DocumentDetail head(ResultSet rs) throws SQLException {
        DocumentDetail.Metadata metadata = new DocumentDetail.Metadata(rs.getString("source"), rs.getString("url"),
                rs.getString("published"), fromJson(rs.getString("authors"), new TypeReference<>() { }),
                fromJson(rs.getString("tags"), new TypeReference<>() { }),
                fromJson(rs.getString("metadata"), new TypeReference<Map<String, Object>>() { }));
        DocumentDetail.Engine engine = rs.getString("engine_name") == null && rs.getString("engine_version") == null
                ? null : new DocumentDetail.Engine(rs.getString("engine_name"), rs.getString("engine_version"),
                rs.getString("vocabulary_version"));
        List<DocumentDetail.Passage> passages = fromJson(rs.getString("passages"), new TypeReference<>() { });
        return new DocumentDetail(rs.getString("id"), rs.getInt("version"), rs.getString("title"), rs.getString("text"),
                passages, metadata, engine, instant(rs.getTimestamp("event_time")), instant(rs.getTimestamp("indexed_at")),
                null, null, null, null);
    }

    private List<Span> sentences(String id) {
        return jdbc.list("SELECT start_offset, end_offset, text FROM sentence WHERE document_id = ? ORDER BY idx",
                rs -> new Span(rs.getInt(1), rs.getInt(2), rs.getString(3)), id);
    }

    private List<MentionView> mentions(String id) {
        return jdbc.list("""
                SELECT start_offset, end_offset, text, type, concept_id, negated, speculative
                FROM mention WHERE document_id = ? ORDER BY start_offset, end_offset, idx
                """, rs -> new MentionView(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)), id);
    }

    /** Concepts mentioned in the document or taking part in one of its relations. */
    private List<ConceptView> concepts(String id) {
        return jdbc.list("""
                WITH used AS (
                    SELECT concept_id, count(*) AS n FROM mention WHERE document_id = ? AND concept_id IS NOT NULL
                    GROUP BY concept_id
                    UNION ALL SELECT subject_id, 0 FROM relation WHERE document_id = ?
                    UNION ALL SELECT object_id, 0 FROM relation WHERE document_id = ?)
                SELECT c.id, c.type, c.name, c.xrefs::text, sum(u.n) AS n
                FROM used u JOIN concept c ON c.id = u.concept_id
                GROUP BY c.id, c.type, c.name, c.xrefs::text ORDER BY n DESC, c.id
                """, rs -> new ConceptView(rs.getString(1), rs.getString(2), rs.getString(3),
                fromJson(rs.getString(4), new TypeReference<>() { }), rs.getInt(5)), id, id, id);
    }

    /**
     * The belief and evidence count of each relation row's (subject, object, type) over the whole corpus;
     * the writer keeps a summary row for every relation row, in the same transaction.
     */
    private static final String RELATION_BELIEF = """
            s.belief, s.evidence_count + s.negated_evidence_count
            FROM relation r JOIN relation_summary s
              ON s.subject_id = r.subject_id AND s.object_id = r.object_id AND s.type = r.type
            """;

    private List<RelationView> relations(String id) {
        return jdbc.list("""
                SELECT r.type, r.subject_id, r.object_id, r.directed, r.trigger_start, r.trigger_end, r.trigger_text,
                       r.sentence_start, r.sentence_end, r.sentence_text, r.subject_start, r.subject_end, r.subject_text,
                       r.object_start, r.object_end, r.object_text, r.negated, r.speculative, r.confidence,
                       """ + RELATION_BELIEF + """
                WHERE r.document_id = ? ORDER BY r.idx
                """, rs -> new RelationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                span(rs, 5), span(rs, 8), span(rs, 11), span(rs, 14), rs.getBoolean(17), rs.getBoolean(18),
                rs.getDouble(19), rs.getDouble(20), rs.getInt(21)), id);
    }

    static Span span(ResultSet rs, int column) throws SQLException {
        int start = rs.getInt(column);
        if (rs.wasNull()) {
            return null;
        }
        return new Span(start, rs.getInt(column + 1), rs.getString(column + 2));
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static <T> T fromJson(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

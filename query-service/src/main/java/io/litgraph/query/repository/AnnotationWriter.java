package io.litgraph.query.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.ConceptPayload;
import io.litgraph.events.AnnotationEvent.MentionPayload;
import io.litgraph.events.AnnotationEvent.RelationPayload;
import io.litgraph.events.AnnotationEvent.SpanPayload;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes one document's annotations and keeps the aggregate tables in step. Must run inside the
 * caller's transaction: the aggregates are only correct if the subtraction of the old contribution,
 * the replacement and the addition of the new one commit together.
 */
@ApplicationScoped
public class AnnotationWriter {

    private final DataSource dataSource;

    public AnnotationWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Serializes writers of one document id, including its very first insert, for which there is no
     * row to lock yet. Released at commit or rollback.
     */
    public void lockDocumentKey(String documentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, documentId);
            ps.executeQuery().close();
        }
    }

    /** The stored version of a document, locking its row until the transaction ends. */
    public OptionalInt lockStoredVersion(String documentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version FROM document WHERE id = ? FOR UPDATE")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /** Replaces whatever is stored for the event's document with the event's content. */
    public void replace(AnnotationEvent event, boolean exists) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String id = event.documentId();
            List<String> previousConcepts = List.of();
            if (exists) {
                previousConcepts = conceptsOf(c, id);
                applyContribution(c, id, -1);
                deleteAnnotations(c, id);
            }
            upsertDocument(c, event);
            upsertConcepts(c, event);
            insertSentences(c, id, orEmpty(event.sentences()));
            insertMentions(c, id, orEmpty(event.mentions()));
            insertRelations(c, id, orEmpty(event.relations()));
            applyContribution(c, id, +1);
            if (!previousConcepts.isEmpty()) {
                removeEmptyAggregates(c, previousConcepts);
            }
        }
    }

    private static void deleteAnnotations(Connection c, String id) throws SQLException {
        for (String table : List.of("relation", "mention", "sentence")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE document_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
    }

    private static void upsertDocument(Connection c, AnnotationEvent event) throws SQLException {
        DocumentPayload doc = event.document();
        StoredText text = StoredText.of(doc);
        String sql = """
                INSERT INTO document (id, version, title, text, passages, source, url, published, published_on,
                    authors, tags, metadata, engine_name, engine_version, vocabulary_version, event_id,
                    event_time, mention_count, relation_count)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, seq = nextval('document_seq'),
                    title = EXCLUDED.title, text = EXCLUDED.text, passages = EXCLUDED.passages,
                    source = EXCLUDED.source, url = EXCLUDED.url, published = EXCLUDED.published,
                    published_on = EXCLUDED.published_on, authors = EXCLUDED.authors, tags = EXCLUDED.tags,
                    metadata = EXCLUDED.metadata, engine_name = EXCLUDED.engine_name,
                    engine_version = EXCLUDED.engine_version, vocabulary_version = EXCLUDED.vocabulary_version,
                    event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time, indexed_at = now(),
                    mention_count = EXCLUDED.mention_count, relation_count = EXCLUDED.relation_count
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, event.documentId());
            ps.setInt(i++, event.documentVersion());
            ps.setString(i++, text.title());
            ps.setString(i++, text.text());
            ps.setString(i++, json(orEmpty(doc.passages())));
            ps.setString(i++, doc.source());
            ps.setString(i++, doc.url());
            ps.setString(i++, doc.published());
            LocalDate published = PublishedDate.parse(doc.published());
            ps.setObject(i++, published, Types.DATE);
            ps.setString(i++, doc.authors() == null ? null : json(doc.authors()));
            ps.setString(i++, doc.tags() == null ? null : json(doc.tags()));
            ps.setString(i++, doc.metadata() == null ? null : json(doc.metadata()));
            AnnotationEvent.EngineInfo engine = event.engine();
            ps.setString(i++, engine == null ? null : engine.name());
            ps.setString(i++, engine == null ? null : engine.version());
            ps.setString(i++, engine == null ? null : engine.vocabularyVersion());
            ps.setString(i++, event.eventId());
            ps.setTimestamp(i++, event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()));
            ps.setInt(i++, orEmpty(event.mentions()).size());
            ps.setInt(i, orEmpty(event.relations()).size());
            ps.executeUpdate();
        }
    }

    /**
     * Concepts the event describes are upserted (the newest description wins); ids that mentions or
     * relations refer to without describing them get a placeholder so that references always resolve.
     */
    private static void upsertConcepts(Connection c, AnnotationEvent event) throws SQLException {
        Map<String, ConceptPayload> described = new LinkedHashMap<>();
        for (ConceptPayload concept : orEmpty(event.concepts())) {
            if (concept.id() != null && !concept.id().isBlank()) {
                described.put(concept.id(), concept);
            }
        }
        Map<String, ConceptPayload> referenced = new LinkedHashMap<>();
        for (MentionPayload m : orEmpty(event.mentions())) {
            if (m.conceptId() != null && !described.containsKey(m.conceptId())) {
                referenced.putIfAbsent(m.conceptId(), new ConceptPayload(m.conceptId(), m.type(), m.text(), List.of()));
            }
        }
        for (RelationPayload r : orEmpty(event.relations())) {
            for (String id : List.of(r.subjectId(), r.objectId())) {
                if (!described.containsKey(id)) {
                    referenced.putIfAbsent(id, new ConceptPayload(id, "Unknown", id, List.of()));
                }
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO concept (id, type, name, xrefs) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, xrefs = EXCLUDED.xrefs
                """);
             PreparedStatement demote = c.prepareStatement(
                     "UPDATE concept_name SET preferred = false WHERE concept_id = ? AND preferred AND name_lower <> ?");
             PreparedStatement promote = c.prepareStatement("""
                     INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                     VALUES (?, ?, ?, true, 0) ON CONFLICT (concept_id, name_lower) DO UPDATE SET preferred = true
                     """)) {
            for (ConceptPayload concept : described.values()) {
                String name = concept.name() == null || concept.name().isBlank() ? concept.id() : concept.name();
                String type = concept.type() == null ? "Unknown" : concept.type();
                upsert.setString(1, concept.id());
                upsert.setString(2, type);
                upsert.setString(3, name);
                upsert.setString(4, json(orEmpty(concept.xrefs())));
                upsert.addBatch();
                demote.setString(1, concept.id());
                demote.setString(2, name.toLowerCase());
                demote.addBatch();
                promote.setString(1, concept.id());
                promote.setString(2, name.toLowerCase());
                promote.setString(3, name);
                promote.addBatch();
            }
            upsert.executeBatch();
            demote.executeBatch();
            promote.executeBatch();
        }
        try (PreparedStatement placeholder = c.prepareStatement(
                "INSERT INTO concept (id, type, name) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (ConceptPayload concept : referenced.values()) {
                placeholder.setString(1, concept.id());
                placeholder.setString(2, concept.type() == null ? "Unknown" : concept.type());
                placeholder.setString(3, concept.name() == null ? concept.id() : concept.name());
                placeholder.addBatch();
            }
            placeholder.executeBatch();
        }
    }

    private static void insertSentences(Connection c, String id, List<SpanPayload> sentences) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sentence (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)")) {
            int idx = 0;
            for (SpanPayload s : sentences) {
                ps.setString(1, id);
                ps.setInt(2, idx++);
                ps.setInt(3, s.start());
                ps.setInt(4, s.end());
                ps.setString(5, s.text() == null ? "" : s.text());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertMentions(Connection c, String id, List<MentionPayload> mentions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mention (document_id, idx, start_offset, end_offset, text, type, concept_id, negated, speculative)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int idx = 0;
            for (MentionPayload m : mentions) {
                ps.setString(1, id);
                ps.setInt(2, idx++);
                ps.setInt(3, m.start());
                ps.setInt(4, m.end());
                ps.setString(5, m.text() == null ? "" : m.text());
                ps.setString(6, m.type() == null ? "Unknown" : m.type());
                ps.setString(7, m.conceptId());
                ps.setBoolean(8, m.negated());
                ps.setBoolean(9, m.speculative());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertRelations(Connection c, String id, List<RelationPayload> relations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO relation (document_id, idx, type, subject_id, object_id, directed,
                    trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, sentence_text,
                    subject_start, subject_end, subject_text, object_start, object_end, object_text,
                    negated, speculative, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int idx = 0;
            for (RelationPayload r : relations) {
                int i = 1;
                ps.setString(i++, id);
                ps.setInt(i++, idx++);
                ps.setString(i++, r.type());
                ps.setString(i++, r.subjectId());
                ps.setString(i++, r.objectId());
                ps.setBoolean(i++, r.directed());
                i = setSpan(ps, i, r.trigger());
                i = setSpan(ps, i, r.sentence());
                i = setSpan(ps, i, r.subject());
                i = setSpan(ps, i, r.object());
                ps.setBoolean(i++, r.negated());
                ps.setBoolean(i++, r.speculative());
                ps.setDouble(i, r.confidence());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int setSpan(PreparedStatement ps, int i, SpanPayload span) throws SQLException {
        if (span == null) {
            ps.setNull(i, Types.INTEGER);
            ps.setNull(i + 1, Types.INTEGER);
            ps.setNull(i + 2, Types.VARCHAR);
        } else {
            ps.setInt(i, span.start());
            ps.setInt(i + 1, span.end());
            ps.setString(i + 2, span.text());
        }
        return i + 3;
    }

    /**
     * Adds (sign +1) or subtracts (sign -1) what the document's stored annotations contribute to the
     * aggregates. Each statement groups by the aggregate's key first, so that an upsert never touches a
     * row twice. Co-occurrence counts only affirmed mentions: "no association with obesity" is not
     * evidence that the two go together.
     */
    private static void applyContribution(Connection c, String id, int sign) throws SQLException {
        String conceptCounts = """
                UPDATE concept c SET document_count = c.document_count + ?,
                                     mention_count = c.mention_count + ? * m.n
                FROM (SELECT concept_id, count(*) AS n FROM mention
                      WHERE document_id = ? AND concept_id IS NOT NULL GROUP BY concept_id) m
                WHERE c.id = m.concept_id
                """;
        String surfaceForms = """
                INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                SELECT concept_id, lower(text), min(text), false, ? * count(*) FROM mention
                WHERE document_id = ? AND concept_id IS NOT NULL AND text <> ''
                GROUP BY concept_id, lower(text)
                ON CONFLICT (concept_id, name_lower)
                DO UPDATE SET mention_count = concept_name.mention_count + EXCLUDED.mention_count
                """;
        String cooccurrence = """
                WITH present AS (SELECT DISTINCT concept_id FROM mention
                                 WHERE document_id = ? AND concept_id IS NOT NULL AND NOT negated)
                INSERT INTO concept_cooccurrence (concept_id, other_id, document_count)
                SELECT a.concept_id, b.concept_id, ? FROM present a JOIN present b ON a.concept_id <> b.concept_id
                ON CONFLICT (concept_id, other_id)
                DO UPDATE SET document_count = concept_cooccurrence.document_count + EXCLUDED.document_count
                """;
        String relations = """
                INSERT INTO relation_summary (subject_id, object_id, type, directed, document_count, evidence_count,
                                              negated_document_count, negated_evidence_count)
                SELECT subject_id, object_id, type, bool_or(directed),
                       ? * (bool_or(NOT negated))::int, ? * count(*) FILTER (WHERE NOT negated),
                       ? * (bool_or(negated))::int, ? * count(*) FILTER (WHERE negated)
                FROM relation WHERE document_id = ? GROUP BY subject_id, object_id, type
                ON CONFLICT (subject_id, object_id, type) DO UPDATE SET
                    document_count = relation_summary.document_count + EXCLUDED.document_count,
                    evidence_count = relation_summary.evidence_count + EXCLUDED.evidence_count,
                    negated_document_count = relation_summary.negated_document_count + EXCLUDED.negated_document_count,
                    negated_evidence_count = relation_summary.negated_evidence_count + EXCLUDED.negated_evidence_count
                """;
        try (PreparedStatement ps = c.prepareStatement(conceptCounts)) {
            ps.setInt(1, sign);
            ps.setInt(2, sign);
            ps.setString(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(surfaceForms)) {
            ps.setInt(1, sign);
            ps.setString(2, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(cooccurrence)) {
            ps.setString(1, id);
            ps.setInt(2, sign);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(relations)) {
            for (int i = 1; i <= 4; i++) {
                ps.setInt(i, sign);
            }
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }

    private static List<String> conceptsOf(Connection c, String id) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT concept_id FROM mention WHERE document_id = ? AND concept_id IS NOT NULL
                UNION SELECT subject_id FROM relation WHERE document_id = ?
                UNION SELECT object_id FROM relation WHERE document_id = ?
                """)) {
            ps.setString(1, id);
            ps.setString(2, id);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Rows whose counts fell to zero when a document version was replaced; only rows of concepts the
     * previous version touched can be among them. Co-occurrence is stored in both directions, so
     * filtering on one side finds every affected pair.
     */
    private static void removeEmptyAggregates(Connection c, List<String> concepts) throws SQLException {
        List<String> statements = List.of(
                "DELETE FROM concept_name WHERE concept_id = ANY (?) AND mention_count <= 0 AND NOT preferred",
                "DELETE FROM concept_cooccurrence WHERE concept_id = ANY (?) AND document_count <= 0",
                "DELETE FROM relation_summary WHERE subject_id = ANY (?) AND document_count <= 0 AND negated_document_count <= 0");
        for (String sql : statements) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", concepts.toArray()));
                ps.executeUpdate();
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the annotations of a set of documents (one event per document id) and keeps the aggregate
 * tables in step. Must run inside the caller's transaction: the aggregates are only correct if the
 * subtraction of the old contributions, the replacement and the addition of the new ones commit
 * together. Every step is one statement for the whole set (arrays through {@code unnest}, or one JDBC
 * batch), so storing a hundred documents costs about as many round trips as storing one.
 */
@ApplicationScoped
public class AnnotationWriter {

    private final DataSource dataSource;

    public AnnotationWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Serializes writers of these document ids, including their very first insert, for which there is
     * no row to lock yet, and returns the stored versions, with the rows locked until the transaction
     * ends. Ids are locked in sorted order so that two writers of overlapping sets cannot deadlock.
     */
    public Map<String, Integer> lockStoredVersions(Collection<String> documentIds) throws SQLException {
        String[] sorted = documentIds.stream().distinct().sorted().toArray(String[]::new);
        Map<String, Integer> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest(?::text[]) AS id")) {
                ps.setArray(1, c.createArrayOf("text", sorted));
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, version FROM document WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
                ps.setArray(1, c.createArrayOf("text", sorted));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
        }
        return versions;
    }

    /**
     * Replaces whatever is stored for each event's document with the event's content. At most one event
     * per document id; {@code existing} are the ids that have a stored version.
     */
    public void replace(List<AnnotationEvent> events, Collection<String> existing) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String[] replaced = existing.toArray(String[]::new);
            List<String> previousConcepts = List.of();
            if (replaced.length > 0) {
                previousConcepts = conceptsOf(c, replaced);
                applyContribution(c, replaced, -1);
                deleteAnnotations(c, replaced);
            }
            upsertConcepts(c, events);
            upsertDocuments(c, events);
            insertSentences(c, events);
            insertMentions(c, events);
            insertRelations(c, events);
            applyContribution(c, events.stream().map(AnnotationEvent::documentId).toArray(String[]::new), +1);
            if (!previousConcepts.isEmpty()) {
                removeEmptyAggregates(c, previousConcepts);
            }
        }
    }

    private static void deleteAnnotations(Connection c, String[] ids) throws SQLException {
        for (String table : List.of("relation", "mention", "sentence")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE document_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.executeUpdate();
            }
        }
    }

    /**
     * One JDBC batch; {@code indexed_at} is the statement's clock rather than the transaction's start,
     * which for a large batch would be noticeably earlier than the moment the document was written.
     */
    private static void upsertDocuments(Connection c, List<AnnotationEvent> events) throws SQLException {
        String sql = """
                INSERT INTO document (id, version, title, text, passages, source, url, published, published_on,
                    authors, tags, metadata, engine_name, engine_version, vocabulary_version, event_id,
                    event_time, mention_count, relation_count, indexed_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?,
                    clock_timestamp())
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, seq = nextval('document_seq'),
                    title = EXCLUDED.title, text = EXCLUDED.text, passages = EXCLUDED.passages,
                    source = EXCLUDED.source, url = EXCLUDED.url, published = EXCLUDED.published,
                    published_on = EXCLUDED.published_on, authors = EXCLUDED.authors, tags = EXCLUDED.tags,
                    metadata = EXCLUDED.metadata, engine_name = EXCLUDED.engine_name,
                    engine_version = EXCLUDED.engine_version, vocabulary_version = EXCLUDED.vocabulary_version,
                    event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time, indexed_at = EXCLUDED.indexed_at,
                    mention_count = EXCLUDED.mention_count, relation_count = EXCLUDED.relation_count
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (AnnotationEvent event : events) {
                DocumentPayload doc = event.document();
                StoredText text = StoredText.of(doc);
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
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Concepts the events describe are upserted (the newest description wins: the last event in the
     * list); ids that mentions or relations refer to without any event describing them get a
     * placeholder so that references always resolve. Rows are written in id order, the order every
     * writer locks them in.
     */
    private static void upsertConcepts(Connection c, List<AnnotationEvent> events) throws SQLException {
        Map<String, ConceptPayload> described = new TreeMap<>();
        for (AnnotationEvent event : events) {
            for (ConceptPayload concept : orEmpty(event.concepts())) {
                if (concept.id() != null && !concept.id().isBlank()) {
                    described.put(concept.id(), concept);
                }
            }
        }
        Map<String, ConceptPayload> referenced = new TreeMap<>();
        for (AnnotationEvent event : events) {
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
        }
        if (!described.isEmpty()) {
            Columns cols = new Columns(described.size());
            for (ConceptPayload concept : described.values()) {
                String name = concept.name() == null || concept.name().isBlank() ? concept.id() : concept.name();
                cols.text("id", concept.id()).text("type", concept.type() == null ? "Unknown" : concept.type())
                        .text("name", name).text("name_lower", name.toLowerCase())
                        .text("xrefs", json(orEmpty(concept.xrefs())));
            }
            update(c, """
                    INSERT INTO concept (id, type, name, xrefs)
                    SELECT id, type, name, xrefs::jsonb FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
                        AS u(id, type, name, xrefs)
                    ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, xrefs = EXCLUDED.xrefs
                    """, cols.texts("id"), cols.texts("type"), cols.texts("name"), cols.texts("xrefs"));
            update(c, """
                    UPDATE concept_name n SET preferred = false
                    FROM unnest(?::text[], ?::text[]) AS u(id, name_lower)
                    WHERE n.concept_id = u.id AND n.preferred AND n.name_lower <> u.name_lower
                    """, cols.texts("id"), cols.texts("name_lower"));
            update(c, """
                    INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                    SELECT id, name_lower, name, true, 0 FROM unnest(?::text[], ?::text[], ?::text[])
                        AS u(id, name_lower, name)
                    ON CONFLICT (concept_id, name_lower) DO UPDATE SET preferred = true
                    """, cols.texts("id"), cols.texts("name_lower"), cols.texts("name"));
        }
        if (!referenced.isEmpty()) {
            Columns cols = new Columns(referenced.size());
            for (ConceptPayload concept : referenced.values()) {
                cols.text("id", concept.id()).text("type", concept.type() == null ? "Unknown" : concept.type())
                        .text("name", concept.name() == null ? concept.id() : concept.name());
            }
            update(c, """
                    INSERT INTO concept (id, type, name)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
                    ON CONFLICT (id) DO NOTHING
                    """, cols.texts("id"), cols.texts("type"), cols.texts("name"));
        }
    }

    private static void insertSentences(Connection c, List<AnnotationEvent> events) throws SQLException {
        Columns cols = new Columns(64);
        for (AnnotationEvent event : events) {
            int idx = 0;
            for (SpanPayload s : orEmpty(event.sentences())) {
                cols.text("doc", event.documentId()).integer("idx", idx++).integer("start", s.start())
                        .integer("end", s.end()).text("text", s.text() == null ? "" : s.text());
            }
        }
        if (cols.isEmpty()) {
            return;
        }
        update(c, """
                INSERT INTO sentence (document_id, idx, start_offset, end_offset, text)
                SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[])
                """, cols.texts("doc"), cols.ints("idx"), cols.ints("start"), cols.ints("end"), cols.texts("text"));
    }

    private static void insertMentions(Connection c, List<AnnotationEvent> events) throws SQLException {
        Columns cols = new Columns(256);
        for (AnnotationEvent event : events) {
            int idx = 0;
            for (MentionPayload m : orEmpty(event.mentions())) {
                cols.text("doc", event.documentId()).integer("idx", idx++).integer("start", m.start())
                        .integer("end", m.end()).text("text", m.text() == null ? "" : m.text())
                        .text("type", m.type() == null ? "Unknown" : m.type()).text("concept", m.conceptId())
                        .bool("negated", m.negated()).bool("speculative", m.speculative());
            }
        }
        if (cols.isEmpty()) {
            return;
        }
        update(c, """
                INSERT INTO mention (document_id, idx, start_offset, end_offset, text, type, concept_id, negated, speculative)
                SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
                                     ?::boolean[], ?::boolean[])
                """, cols.texts("doc"), cols.ints("idx"), cols.ints("start"), cols.ints("end"), cols.texts("text"),
                cols.texts("type"), cols.texts("concept"), cols.bools("negated"), cols.bools("speculative"));
    }

    private static void insertRelations(Connection c, List<AnnotationEvent> events) throws SQLException {
        Columns cols = new Columns(64);
        for (AnnotationEvent event : events) {
            int idx = 0;
            for (RelationPayload r : orEmpty(event.relations())) {
                cols.text("doc", event.documentId()).integer("idx", idx++).text("type", r.type())
                        .text("subject", r.subjectId()).text("object", r.objectId()).bool("directed", r.directed());
                span(cols, "trigger", r.trigger());
                span(cols, "sentence", r.sentence());
                span(cols, "subjectSpan", r.subject());
                span(cols, "objectSpan", r.object());
                cols.bool("negated", r.negated()).bool("speculative", r.speculative())
                        .float8("confidence", r.confidence());
            }
        }
        if (cols.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(cols.texts("doc"), cols.ints("idx"), cols.texts("type"),
                cols.texts("subject"), cols.texts("object"), cols.bools("directed")));
        for (String span : List.of("trigger", "sentence", "subjectSpan", "objectSpan")) {
            params.addAll(List.of(cols.ints(span + ".start"), cols.ints(span + ".end"), cols.texts(span + ".text")));
        }
        params.addAll(List.of(cols.bools("negated"), cols.bools("speculative"), cols.float8s("confidence")));
        update(c, """
                INSERT INTO relation (document_id, idx, type, subject_id, object_id, directed,
                    trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, sentence_text,
                    subject_start, subject_end, subject_text, object_start, object_end, object_text,
                    negated, speculative, confidence)
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                                     ?::int[], ?::int[], ?::text[], ?::int[], ?::int[], ?::text[],
                                     ?::int[], ?::int[], ?::text[], ?::int[], ?::int[], ?::text[],
                                     ?::boolean[], ?::boolean[], ?::float8[])
                """, params.toArray());
    }

    private static void span(Columns cols, String name, SpanPayload span) {
        cols.integer(name + ".start", span == null ? null : span.start())
                .integer(name + ".end", span == null ? null : span.end())
                .text(name + ".text", span == null ? null : span.text());
    }

    /**
     * Adds (sign +1) or subtracts (sign -1) what the documents' stored annotations contribute to the
     * aggregates. Each statement groups by the aggregate's key first, so that an upsert never touches a
     * row twice, and feeds the rows in key order (byte order: any fixed order will do, and it sorts
     * far faster than the database's locale), so that concurrent writers lock them in the same order.
     * Co-occurrence counts only affirmed mentions: "no association with obesity" is not evidence that
     * the two go together. A relation's evidence masses (migration V7, the sums its belief is computed
     * from) are added and subtracted like its counts.
     */
    private static void applyContribution(Connection c, String[] ids, int sign) throws SQLException {
        update(c, """
                UPDATE concept c SET document_count = c.document_count + ? * m.d,
                                     mention_count = c.mention_count + ? * m.n
                FROM (SELECT concept_id, count(DISTINCT document_id) AS d, count(*) AS n FROM mention
                      WHERE document_id = ANY (?) AND concept_id IS NOT NULL GROUP BY concept_id) m
                WHERE c.id = m.concept_id
                """, sign, sign, ids);
        update(c, """
                INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                SELECT concept_id, lower(text), min(text), false, ? * count(*) FROM mention
                WHERE document_id = ANY (?) AND concept_id IS NOT NULL AND text <> ''
                GROUP BY concept_id, lower(text) ORDER BY concept_id COLLATE "C", lower(text) COLLATE "C"
                ON CONFLICT (concept_id, name_lower)
                DO UPDATE SET mention_count = concept_name.mention_count + EXCLUDED.mention_count
                """, sign, ids);
        update(c, """
                WITH present AS (SELECT DISTINCT document_id, concept_id FROM mention
                                 WHERE document_id = ANY (?) AND concept_id IS NOT NULL AND NOT negated)
                INSERT INTO concept_cooccurrence (concept_id, other_id, document_count)
                SELECT a.concept_id, b.concept_id, ? * count(*)
                FROM present a JOIN present b ON a.document_id = b.document_id AND a.concept_id <> b.concept_id
                GROUP BY 1, 2 ORDER BY a.concept_id COLLATE "C", b.concept_id COLLATE "C"
                ON CONFLICT (concept_id, other_id)
                DO UPDATE SET document_count = concept_cooccurrence.document_count + EXCLUDED.document_count
                """, ids, sign);
        update(c, """
                INSERT INTO relation_summary (subject_id, object_id, type, directed, document_count, evidence_count,
                                              negated_document_count, negated_evidence_count, support_mass, against_mass)
                SELECT subject_id, object_id, type, bool_or(directed), ? * sum(affirmed_doc), ? * sum(affirmed),
                       ? * sum(negated_doc), ? * sum(negated), ? * sum(support), ? * sum(against)
                FROM (SELECT subject_id, object_id, type, bool_or(directed) AS directed,
                             (bool_or(NOT negated))::int AS affirmed_doc, count(*) FILTER (WHERE NOT negated) AS affirmed,
                             (bool_or(negated))::int AS negated_doc, count(*) FILTER (WHERE negated) AS negated,
                             coalesce(sum(relation_evidence_mass(confidence, speculative)) FILTER (WHERE NOT negated), 0) AS support,
                             coalesce(sum(relation_evidence_mass(confidence, speculative)) FILTER (WHERE negated), 0) AS against
                      FROM relation WHERE document_id = ANY (?)
                      GROUP BY document_id, subject_id, object_id, type) per_document
                GROUP BY subject_id, object_id, type
                ORDER BY subject_id COLLATE "C", object_id COLLATE "C", type COLLATE "C"
                ON CONFLICT (subject_id, object_id, type) DO UPDATE SET
                    document_count = relation_summary.document_count + EXCLUDED.document_count,
                    evidence_count = relation_summary.evidence_count + EXCLUDED.evidence_count,
                    negated_document_count = relation_summary.negated_document_count + EXCLUDED.negated_document_count,
                    negated_evidence_count = relation_summary.negated_evidence_count + EXCLUDED.negated_evidence_count,
                    support_mass = relation_summary.support_mass + EXCLUDED.support_mass,
                    against_mass = relation_summary.against_mass + EXCLUDED.against_mass
                """, sign, sign, sign, sign, sign, sign, ids);
    }

    private static List<String> conceptsOf(Connection c, String[] ids) throws SQLException {
        List<String> concepts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT concept_id FROM mention WHERE document_id = ANY (?) AND concept_id IS NOT NULL
                UNION SELECT subject_id FROM relation WHERE document_id = ANY (?)
                UNION SELECT object_id FROM relation WHERE document_id = ANY (?)
                """)) {
            for (int i = 1; i <= 3; i++) {
                ps.setArray(i, c.createArrayOf("text", ids));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    concepts.add(rs.getString(1));
                }
            }
        }
        return concepts;
    }

    /**
     * Rows whose counts fell to zero when document versions were replaced; only rows of concepts the
     * previous versions touched can be among them. Co-occurrence is stored in both directions, so
     * filtering on one side finds every affected pair.
     */
    private static void removeEmptyAggregates(Connection c, List<String> concepts) throws SQLException {
        String[] ids = concepts.toArray(String[]::new);
        update(c, "DELETE FROM concept_name WHERE concept_id = ANY (?) AND mention_count <= 0 AND NOT preferred", (Object) ids);
        update(c, "DELETE FROM concept_cooccurrence WHERE concept_id = ANY (?) AND document_count <= 0", (Object) ids);
        update(c, "DELETE FROM relation_summary WHERE subject_id = ANY (?) AND document_count <= 0 "
                + "AND negated_document_count <= 0", (Object) ids);
    }

    /** Binds Integer, String and the array columns of {@link Columns} (String[] as text[] and so on). */
    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else if (p instanceof String[] a) {
                    ps.setArray(i + 1, c.createArrayOf("text", a));
                } else if (p instanceof Integer[] a) {
                    ps.setArray(i + 1, c.createArrayOf("int4", a));
                } else if (p instanceof Boolean[] a) {
                    ps.setArray(i + 1, c.createArrayOf("bool", a));
                } else if (p instanceof Double[] a) {
                    ps.setArray(i + 1, c.createArrayOf("float8", a));
                } else {
                    throw new IllegalArgumentException("cannot bind " + p.getClass());
                }
            }
            ps.executeUpdate();
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

package io.litgraph.query.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.litgraph.query.model.ConceptDetail;
import io.litgraph.query.model.ConceptDetail.Related;
import io.litgraph.query.model.ConceptDetail.Synonym;
import io.litgraph.query.model.RelationEvidence;
import io.litgraph.query.model.RelationEvidence.Participant;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads concepts and the graph around them from the aggregate tables. */
@ApplicationScoped
public class GraphQueries {

    private final Jdbc jdbc;

    public GraphQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record ConceptRow(String id, String type, String name, List<String> xrefs, int documentCount,
                             int mentionCount) {
    }

    /** One co-occurrence neighbour, with the neighbour's own corpus frequency. */
    public record CooccurrenceRow(String id, String type, String name, int documentCount, int together) {
    }

    /** A relation_summary row seen from one concept: {@code other} is the concept at the far end. */
    public record RelationRow(String other, String type, boolean outgoing, boolean directed, int documents,
                              int evidence, int negatedDocuments, int negatedEvidence) {
    }

    public Optional<ConceptRow> concept(String id) {
        return jdbc.one("SELECT id, type, name, xrefs::text, document_count, mention_count FROM concept WHERE id = ?",
                rs -> new ConceptRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        DocumentQueries.fromJson(rs.getString(4), new TypeReference<List<String>>() { }),
                        rs.getInt(5), rs.getInt(6)), id);
    }

    public Map<String, ConceptRow> concepts(List<String> ids) {
        Map<String, ConceptRow> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.list("SELECT id, type, name, document_count, mention_count FROM concept WHERE id = ANY (?)",
                rs -> out.put(rs.getString(1), new ConceptRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of(), rs.getInt(4), rs.getInt(5))), (Object) ids.toArray(String[]::new));
        return out;
    }

    public List<Synonym> synonyms(String id) {
        return jdbc.list("""
                SELECT name, mention_count, preferred FROM concept_name WHERE concept_id = ?
                ORDER BY preferred DESC, mention_count DESC, name LIMIT 50
                """, rs -> new Synonym(rs.getString(1), rs.getInt(2), rs.getBoolean(3)), id);
    }

    /** The {@code perType} most co-occurring concepts of each entity type. */
    public Map<String, List<Related>> topRelated(String id, int perType) {
        Map<String, List<Related>> out = new LinkedHashMap<>();
        jdbc.list("""
                SELECT type, id, name, n FROM (
                    SELECT c.type, c.id, c.name, p.document_count AS n,
                           row_number() OVER (PARTITION BY c.type ORDER BY p.document_count DESC, c.id) AS r
                    FROM concept_cooccurrence p JOIN concept c ON c.id = p.other_id
                    WHERE p.concept_id = ?) ranked
                WHERE r <= ? ORDER BY type, r
                """, rs -> out.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                .add(new Related(rs.getString(2), rs.getString(3), rs.getInt(4))), id, perType);
        return out;
    }

    /** Counted at most once per second: an exact count(*) reads the whole document index (10 ms at 100k). */
    private volatile long[] documentCount = {0, 0};

    /** The number of stored documents, the N of the association statistics (up to a second old). */
    public int corpusDocuments() {
        long[] cached = documentCount;
        long now = System.nanoTime();
        if (cached[1] == 0 || now - cached[1] > 1_000_000_000L) {
            int n = jdbc.one("SELECT count(*) FROM document", rs -> rs.getInt(1)).orElse(0);
            documentCount = new long[]{n, now};
            return n;
        }
        return (int) cached[0];
    }

    /** Co-occurring concepts, most shared documents first, at most {@code cap} of them. */
    public List<CooccurrenceRow> cooccurring(String id, String type, int minDocs, int cap) {
        List<Object> params = new ArrayList<>(List.of(id, minDocs));
        String typeCondition = "";
        if (type != null) {
            typeCondition = " AND c.type = ?";
            params.add(type);
        }
        params.add(cap);
        return jdbc.list("""
                SELECT c.id, c.type, c.name, c.document_count, p.document_count
                FROM concept_cooccurrence p JOIN concept c ON c.id = p.other_id
                WHERE p.concept_id = ? AND p.document_count >= ?""" + typeCondition + "\n" + """
                 ORDER BY p.document_count DESC, c.id LIMIT ?
                """, rs -> new CooccurrenceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getInt(5)), params.toArray());
    }

    /** Every relation summary with {@code id} on either end (self-relations once, as outgoing). */
    public List<RelationRow> relationsOf(String id, String relationType) {
        String typeCondition = relationType == null ? "" : " AND type = ?";
        List<Object> params = new ArrayList<>();
        params.add(id);
        if (relationType != null) {
            params.add(relationType);
        }
        params.add(id);
        if (relationType != null) {
            params.add(relationType);
        }
        return jdbc.list("""
                SELECT object_id, type, true, directed, document_count, evidence_count, negated_document_count,
                       negated_evidence_count FROM relation_summary WHERE subject_id = ?""" + typeCondition + "\n" + """
                 UNION ALL
                SELECT subject_id, type, false, directed, document_count, evidence_count, negated_document_count,
                       negated_evidence_count FROM relation_summary WHERE object_id = ? AND subject_id <> object_id""" + typeCondition,
                rs -> new RelationRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), params.toArray());
    }

    /**
     * A version of the stored graph: {@code document.seq} changes whenever a document version is stored,
     * so the relation graph can only have changed if this did (an index-only read of one row).
     */
    public long graphVersion() {
        return jdbc.one("SELECT coalesce(max(seq), 0) FROM document", rs -> rs.getLong(1)).orElse(0L);
    }

    /** A relation_summary row with affirmed support. */
    public record SummaryRow(String subjectId, String objectId, String type, boolean directed, int documents) {
    }

    /** Every relation summary with at least one affirmed document: the edges of the relation graph. */
    public List<SummaryRow> affirmedRelationSummaries() {
        return jdbc.list("""
                SELECT subject_id, object_id, type, directed, document_count
                FROM relation_summary WHERE document_count > 0
                """, rs -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getInt(5)));
    }

    /** One (subject, object, type) relation whose evidence sentences are wanted. */
    public record RelationKey(String subjectId, String objectId, String type) {
    }

    /**
     * Up to {@code perRelation} affirmed evidence sentences of each relation, in document id order: one
     * statement for all of them, each an index range read of a few rows (index of migration V4), however
     * many documents support the relation.
     */
    public List<List<RelationEvidence>> relationEvidence(List<RelationKey> keys, int perRelation) {
        List<List<RelationEvidence>> out = new ArrayList<>();
        keys.forEach(k -> out.add(new ArrayList<>()));
        if (keys.isEmpty()) {
            return out;
        }
        jdbc.list("""
                SELECT h.n, r.document_id, d.title, r.type, r.directed,
                       r.subject_id, cs.name, cs.type, r.subject_start, r.subject_end, r.subject_text,
                       r.object_id, co.name, co.type, r.object_start, r.object_end, r.object_text,
                       r.trigger_start, r.trigger_end, r.trigger_text, r.sentence_start, r.sentence_end, r.sentence_text,
                       r.negated, r.speculative, r.confidence
                FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS h (subject_id, object_id, type, n)
                CROSS JOIN LATERAL (
                    SELECT * FROM relation r
                    WHERE r.subject_id = h.subject_id AND r.object_id = h.object_id AND r.type = h.type AND NOT r.negated
                    ORDER BY r.subject_id, r.object_id, r.type, r.document_id, r.idx LIMIT ?) r
                JOIN document d ON d.id = r.document_id
                JOIN concept cs ON cs.id = r.subject_id JOIN concept co ON co.id = r.object_id
                ORDER BY h.n, r.document_id, r.idx
                """, rs -> out.get(rs.getInt(1) - 1).add(evidenceRow(rs, 2)),
                keys.stream().map(RelationKey::subjectId).toArray(String[]::new),
                keys.stream().map(RelationKey::objectId).toArray(String[]::new),
                keys.stream().map(RelationKey::type).toArray(String[]::new), perRelation);
        return out;
    }

    /** Keyset of the relation listing: newest document first, then relation order within it. */
    public record EvidenceKey(long seq, int idx) {
    }

    public record KeyedEvidence(RelationEvidence evidence, EvidenceKey key) {
    }

    /**
     * Relation evidence between {@code subject} and/or {@code object}; an undirected relation matches
     * either way round. {@code limit + 1} rows.
     */
    public List<KeyedEvidence> evidence(String subject, String object, String type, boolean includeNegated,
                                        EvidenceKey after, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (subject != null && object != null) {
            conditions.add("((r.subject_id = ? AND r.object_id = ?) OR (NOT r.directed AND r.subject_id = ? AND r.object_id = ?))");
            params.addAll(List.of(subject, object, object, subject));
        } else if (subject != null) {
            conditions.add("(r.subject_id = ? OR (NOT r.directed AND r.object_id = ?))");
            params.addAll(List.of(subject, subject));
        } else if (object != null) {
            conditions.add("(r.object_id = ? OR (NOT r.directed AND r.subject_id = ?))");
            params.addAll(List.of(object, object));
        }
        if (type != null) {
            conditions.add("r.type = ?");
            params.add(type);
        }
        if (!includeNegated) {
            conditions.add("NOT r.negated");
        }
        if (after != null) {
            conditions.add("(d.seq, -r.idx) < (?, ?)");
            params.add(after.seq());
            params.add(-after.idx());
        }
        params.add(limit + 1);
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return jdbc.list("""
                SELECT r.document_id, d.title, r.type, r.directed,
                       r.subject_id, cs.name, cs.type, r.subject_start, r.subject_end, r.subject_text,
                       r.object_id, co.name, co.type, r.object_start, r.object_end, r.object_text,
                       r.trigger_start, r.trigger_end, r.trigger_text, r.sentence_start, r.sentence_end, r.sentence_text,
                       r.negated, r.speculative, r.confidence, d.seq, r.idx
                FROM relation r JOIN document d ON d.id = r.document_id
                JOIN concept cs ON cs.id = r.subject_id JOIN concept co ON co.id = r.object_id
                """ + where + " ORDER BY d.seq DESC, r.idx LIMIT ?",
                rs -> new KeyedEvidence(evidenceRow(rs, 1), new EvidenceKey(rs.getLong(26), rs.getInt(27))),
                params.toArray());
    }

    /** Maps the 25 evidence columns starting at {@code first} (the select list of {@link #evidence}). */
    private static RelationEvidence evidenceRow(ResultSet rs, int first) throws SQLException {
        int o = first - 1;
        return new RelationEvidence(rs.getString(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getBoolean(o + 4),
                new Participant(rs.getString(o + 5), rs.getString(o + 6), rs.getString(o + 7), DocumentQueries.span(rs, o + 8)),
                new Participant(rs.getString(o + 11), rs.getString(o + 12), rs.getString(o + 13), DocumentQueries.span(rs, o + 14)),
                DocumentQueries.span(rs, o + 17), DocumentQueries.span(rs, o + 20), rs.getBoolean(o + 23),
                rs.getBoolean(o + 24), rs.getDouble(o + 25));
    }
}

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
                              int evidence, int negatedDocuments, int negatedEvidence, double belief) {
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

    /**
     * Every relation summary with {@code id} on either end (self-relations once, as outgoing) whose belief
     * is at least {@code minBelief}, highest belief first.
     */
    public List<RelationRow> relationsOf(String id, String relationType, double minBelief) {
        String typeCondition = relationType == null ? "" : " AND type = ?";
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.add(minBelief);
        if (relationType != null) {
            params.add(relationType);
        }
        params.add(id);
        params.add(minBelief);
        if (relationType != null) {
            params.add(relationType);
        }
        return jdbc.list("""
                SELECT object_id, type, true, directed, document_count, evidence_count, negated_document_count,
                       negated_evidence_count, belief FROM relation_summary WHERE subject_id = ? AND belief >= ?"""
                        + typeCondition + "\n" + """
                 UNION ALL
                SELECT subject_id, type, false, directed, document_count, evidence_count, negated_document_count,
                       negated_evidence_count, belief FROM relation_summary
                WHERE object_id = ? AND subject_id <> object_id AND belief >= ?""" + typeCondition + "\n" + """
                 ORDER BY 9 DESC, 1, 2
                """,
                rs -> new RelationRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getDouble(9)), params.toArray());
    }

    /**
     * A version of the stored graph: {@code document.seq} changes whenever a document version is stored,
     * so the relation graph can only have changed if this did (an index-only read of one row).
     */
    public long graphVersion() {
        return jdbc.one("SELECT coalesce(max(seq), 0) FROM document", rs -> rs.getLong(1)).orElse(0L);
    }

    /** A relation_summary row with affirmed support. */
    public record SummaryRow(String subjectId, String objectId, String type, boolean directed, int documents,
                             double belief) {
    }

    /**
     * Every relation summary with at least one affirmed document: the edges of the relation graph (those
     * whose negated evidence cancels all support keep belief 0, shown only with minBelief=0).
     */
    public List<SummaryRow> affirmedRelationSummaries() {
        return jdbc.list("""
                SELECT subject_id, object_id, type, directed, document_count, belief
                FROM relation_summary WHERE document_count > 0
                """, rs -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getInt(5), rs.getDouble(6)));
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

    /**
     * Keyset of the relation listing: relations by belief (highest first), then subject, object and type;
     * within a relation its evidence in document id and sentence order.
     */
    public record EvidenceKey(double belief, String subjectId, String objectId, String type, String documentId,
                              int idx) {
    }

    public record KeyedEvidence(RelationEvidence evidence, EvidenceKey key) {
    }

    /**
     * Evidence sentences of the relations between {@code subject} and/or {@code object} whose belief is at
     * least {@code minBelief}; an undirected relation matches either way round. Relations are walked from
     * the highest belief down (by the summary table: its belief index when neither end is given, else the
     * ends' index ranges), each relation's sentences in the order of the relation table's index, so a page
     * reads about as many rows as it returns. {@code limit + 1} rows.
     */
    public List<KeyedEvidence> evidence(String subject, String object, String type, boolean includeNegated,
                                        double minBelief, EvidenceKey after, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (subject != null && object != null) {
            conditions.add("((s.subject_id = ? AND s.object_id = ?) OR (NOT s.directed AND s.subject_id = ? AND s.object_id = ?))");
            params.addAll(List.of(subject, object, object, subject));
        } else if (subject != null) {
            conditions.add("(s.subject_id = ? OR (NOT s.directed AND s.object_id = ?))");
            params.addAll(List.of(subject, subject));
        } else if (object != null) {
            conditions.add("(s.object_id = ? OR (NOT s.directed AND s.subject_id = ?))");
            params.addAll(List.of(object, object));
        }
        if (type != null) {
            conditions.add("s.type = ?");
            params.add(type);
        }
        conditions.add("s.belief >= ?");
        params.add(minBelief);
        if (!includeNegated) {
            conditions.add("s.document_count > 0");
        }
        String within = "";
        if (after != null) {
            conditions.add("(s.belief < ? OR (s.belief = ? AND (s.subject_id, s.object_id, s.type) >= (?, ?, ?)))");
            params.addAll(List.of(after.belief(), after.belief(), after.subjectId(), after.objectId(), after.type()));
        }
        List<Object> lateral = new ArrayList<>();
        if (after != null) {
            within = " AND (s.belief <> ? OR (s.subject_id, s.object_id, s.type) <> (?, ?, ?) OR (r.document_id, r.idx) > (?, ?))";
            lateral.addAll(List.of(after.belief(), after.subjectId(), after.objectId(), after.type(), after.documentId(),
                    after.idx()));
        }
        List<Object> all = new ArrayList<>(lateral);
        all.addAll(params);
        all.add(limit + 1);
        // the page is chosen from the two tables that give its order, and only its rows are joined to
        // their document and concepts, so that no join can undo the order and force a sort of everything
        return jdbc.list("""
                SELECT r.document_id, d.title, r.type, r.directed,
                       r.subject_id, cs.name, cs.type, r.subject_start, r.subject_end, r.subject_text,
                       r.object_id, co.name, co.type, r.object_start, r.object_end, r.object_text,
                       r.trigger_start, r.trigger_end, r.trigger_text, r.sentence_start, r.sentence_end, r.sentence_text,
                       r.negated, r.speculative, r.confidence, r.belief, r.relation_evidence, r.idx
                FROM (
                    SELECT r.*, s.belief, s.evidence_count + s.negated_evidence_count AS relation_evidence
                    FROM relation_summary s
                    CROSS JOIN LATERAL (
                        SELECT * FROM relation r
                        WHERE r.subject_id = s.subject_id AND r.object_id = s.object_id AND r.type = s.type"""
                + (includeNegated ? "" : " AND NOT r.negated") + within + """

                        ORDER BY r.subject_id, r.object_id, r.type, r.document_id, r.idx) r
                    WHERE\s""" + String.join(" AND ", conditions) + """

                    ORDER BY s.belief DESC, s.subject_id, s.object_id, s.type, r.document_id, r.idx LIMIT ?) r
                JOIN document d ON d.id = r.document_id
                JOIN concept cs ON cs.id = r.subject_id JOIN concept co ON co.id = r.object_id
                ORDER BY r.belief DESC, r.subject_id, r.object_id, r.type, r.document_id, r.idx
                """,
                rs -> {
                    RelationEvidence e = evidenceRow(rs, 1, rs.getDouble(26), rs.getInt(27));
                    return new KeyedEvidence(e, new EvidenceKey(rs.getDouble(26), e.subject().id(), e.object().id(),
                            e.type(), e.documentId(), rs.getInt(28)));
                }, all.toArray());
    }

    /** Maps the 25 evidence columns starting at {@code first} (the select list of {@link #evidence}). */
    private static RelationEvidence evidenceRow(ResultSet rs, int first) throws SQLException {
        return evidenceRow(rs, first, null, null);
    }

    private static RelationEvidence evidenceRow(ResultSet rs, int first, Double belief, Integer evidenceCount)
            throws SQLException {
        int o = first - 1;
        return new RelationEvidence(rs.getString(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getBoolean(o + 4),
                new Participant(rs.getString(o + 5), rs.getString(o + 6), rs.getString(o + 7), DocumentQueries.span(rs, o + 8)),
                new Participant(rs.getString(o + 11), rs.getString(o + 12), rs.getString(o + 13), DocumentQueries.span(rs, o + 14)),
                DocumentQueries.span(rs, o + 17), DocumentQueries.span(rs, o + 20), rs.getBoolean(o + 23),
                rs.getBoolean(o + 24), rs.getDouble(o + 25), belief, evidenceCount);
    }
}

package io.litgraph.query.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What must hold in the store after any sequence of events: aggregates equal to what the detail rows say. */
public final class StoreInvariants {
    private StoreInvariants() {
    }

    /**
     * Recomputes every aggregate from the detail rows and compares with the maintained values; and,
     * since the writer rather than foreign keys keeps them (V5), checks that every detail row refers to
     * an existing document and concepts.
     */
    public static void assertAggregatesMatchDetailRows(DataSource dataSource) {
        assertEquals(0, count(dataSource, """
                SELECT (SELECT count(*) FROM mention m WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = m.document_id)
                          OR (m.concept_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM concept c WHERE c.id = m.concept_id)))
                     + (SELECT count(*) FROM relation r WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = r.document_id)
                          OR NOT EXISTS (SELECT 1 FROM concept c WHERE c.id = r.subject_id)
                          OR NOT EXISTS (SELECT 1 FROM concept c WHERE c.id = r.object_id))
                     + (SELECT count(*) FROM sentence s WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = s.document_id))
                """), "rows referring to a missing document or concept");
        assertEquals(0, count(dataSource, """
                SELECT count(*) FROM concept c LEFT JOIN (
                    SELECT concept_id, count(DISTINCT document_id) d, count(*) m FROM mention
                    WHERE concept_id IS NOT NULL GROUP BY concept_id) x ON x.concept_id = c.id
                WHERE c.document_count <> coalesce(x.d, 0) OR c.mention_count <> coalesce(x.m, 0)
                """), "concept counts");
        assertEquals(0, count(dataSource, """
                WITH truth AS (
                    SELECT a.concept_id, b.concept_id AS other_id, count(DISTINCT a.document_id) AS n
                    FROM (SELECT DISTINCT document_id, concept_id FROM mention WHERE concept_id IS NOT NULL AND NOT negated) a
                    JOIN (SELECT DISTINCT document_id, concept_id FROM mention WHERE concept_id IS NOT NULL AND NOT negated) b
                      ON a.document_id = b.document_id AND a.concept_id <> b.concept_id
                    GROUP BY 1, 2)
                SELECT count(*) FROM truth t FULL JOIN concept_cooccurrence p
                  ON p.concept_id = t.concept_id AND p.other_id = t.other_id
                WHERE p.document_count IS DISTINCT FROM t.n
                """), "co-occurrence");
        assertEquals(0, count(dataSource, """
                WITH truth AS (
                    SELECT subject_id, object_id, type,
                           count(DISTINCT document_id) FILTER (WHERE NOT negated) AS docs,
                           count(*) FILTER (WHERE NOT negated) AS evidence,
                           count(DISTINCT document_id) FILTER (WHERE negated) AS neg_docs
                    FROM relation GROUP BY 1, 2, 3)
                SELECT count(*) FROM truth t FULL JOIN relation_summary s
                  ON s.subject_id = t.subject_id AND s.object_id = t.object_id AND s.type = t.type
                WHERE s.document_count IS DISTINCT FROM t.docs OR s.evidence_count IS DISTINCT FROM t.evidence
                   OR s.negated_document_count IS DISTINCT FROM t.neg_docs
                """), "relation summary");
    }

    public static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

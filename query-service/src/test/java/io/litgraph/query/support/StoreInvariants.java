package io.litgraph.query.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        assertBeliefsMatchEvidence(dataSource);
    }

    /** Speculative evidence counts with half its confidence (docs/QUERY-API.md, "Belief"). */
    public static final double SPECULATIVE_WEIGHT = 0.5;
    /** No single sentence makes a relation certain. */
    public static final double MAX_CONFIDENCE = 0.999;

    /**
     * The belief the documented formula gives for evidence sentences {@code (confidence, negated,
     * speculative)}: 1 - prod_affirmed(1 - w p) / prod_negated(1 - w p), at least 0. Computed as
     * products, not as the sums of logarithms the store keeps, so that it checks them.
     */
    public static double belief(List<double[]> evidence) {
        double notSupported = 1;
        double notAgainst = 1;
        for (double[] e : evidence) {
            double p = (e[2] != 0 ? SPECULATIVE_WEIGHT : 1) * Math.min(Math.max(e[0], 0), MAX_CONFIDENCE);
            if (e[1] != 0) {
                notAgainst *= 1 - p;
            } else {
                notSupported *= 1 - p;
            }
        }
        return Math.max(0, 1 - notSupported / notAgainst);
    }

    /** Every relation_summary row's belief equals the formula over its relation's detail rows. */
    public static void assertBeliefsMatchEvidence(DataSource dataSource) {
        Map<String, List<double[]>> evidence = new TreeMap<>();
        Map<String, Double> stored = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subject_id, object_id, type, confidence, negated, speculative FROM relation");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    evidence.computeIfAbsent(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                            k -> new ArrayList<>()).add(new double[]{rs.getDouble(4), rs.getBoolean(5) ? 1 : 0,
                            rs.getBoolean(6) ? 1 : 0});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, object_id, type, belief FROM relation_summary");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), rs.getDouble(4));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(evidence.keySet(), stored.keySet(), "relations with a summary row");
        evidence.forEach((key, rows) -> assertEquals(belief(rows), stored.get(key), 1e-6, "belief of " + key));
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

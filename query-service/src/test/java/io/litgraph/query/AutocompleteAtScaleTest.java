package io.litgraph.query;

import io.litgraph.query.model.ConceptMatch;
import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autocomplete ranking over many concepts (20k concepts, 40k names): exact names first, then name
 * prefixes, then word prefixes, each by document count; both the ranked search (few candidates) and
 * the walk from the most documented concepts (prefixes shared by thousands of names) are exercised. Latency is measured by the load benchmark
 * (docs/BENCHMARKS.md), not here. The synthetic rows are removed afterwards because the database is
 * shared with the other tests.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class AutocompleteAtScaleTest {
    private static final int CONCEPTS = 20_000;

    @Inject
    DataSource dataSource;
    @Inject
    ConceptQueries concepts;

    @Test
    void ranksExactThenPrefixThenWordMatchesAcrossManyConcepts() throws Exception {
        // names "scale <8 hex> compound" with synonym "SC-<6 hex>"; SCALE:1 is the least frequent
        execute("""
                INSERT INTO concept (id, type, name, document_count, mention_count)
                SELECT 'SCALE:' || i, CASE WHEN i % 2 = 0 THEN 'ChemicalEntity' ELSE 'GeneOrGeneProduct' END,
                       'scale ' || substr(md5(i::text), 1, 8) || ' compound', 1 + i % 50, 2 + i % 90
                FROM generate_series(1, CONCEPTS) i
                """.replace("CONCEPTS", String.valueOf(CONCEPTS)));
        execute("""
                INSERT INTO concept_name (concept_id, name_lower, name, preferred, mention_count)
                SELECT id, lower(name), name, true, 0 FROM concept WHERE id LIKE 'SCALE:%'
                UNION ALL
                SELECT id, 'sc-' || substr(md5(id), 1, 6), 'SC-' || substr(md5(id), 1, 6), false, 1
                FROM concept WHERE id LIKE 'SCALE:%'
                """);
        execute("ANALYZE concept; ANALYZE concept_name; ANALYZE concept_word");
        try {
            // the triggers indexed every word of every new name: scale, <hex>, compound; sc, <hex>
            assertEquals(5L * CONCEPTS, count("SELECT count(*) FROM concept_word WHERE concept_id LIKE 'SCALE:%'"));

            String name1 = "scale " + md5("1").substring(0, 8) + " compound";
            List<ConceptMatch> exact = concepts.autocomplete(name1, null, 10);
            assertEquals("SCALE:1", exact.get(0).id(), "an exact name beats more frequent prefix matches");

            List<ConceptMatch> prefix = concepts.autocomplete("scale ", null, 10);
            assertEquals(10, prefix.size());
            assertEquals(50, prefix.get(0).documentCount(), "name prefixes by document count");
            assertNonIncreasingDocumentCounts(prefix);

            String hex = md5("1").substring(0, 4);
            List<ConceptMatch> word = concepts.autocomplete(hex, null, 100);
            assertTrue(word.stream().anyMatch(m -> m.id().equals("SCALE:1")), "a word inside the name: " + word);
            for (ConceptMatch m : word) {
                assertTrue(m.matched().toLowerCase().matches("(.*[^a-z0-9])?" + hex + ".*"), m.matched());
            }
            assertNonIncreasingDocumentCounts(word);

            // every word of the query must start some word of the name, in any order
            List<ConceptMatch> twoWords = concepts.autocomplete("compound " + hex, null, 100);
            assertFalse(twoWords.isEmpty());
            assertTrue(twoWords.stream().allMatch(m -> m.matched().contains(hex) && m.matched().contains("compound")));
            assertTrue(concepts.autocomplete("compound zzzz", null, 10).isEmpty());
            // every word common (thousands of names each): the most documented matching concepts
            List<ConceptMatch> commonWords = concepts.autocomplete("compound scale", null, 10);
            assertEquals(10, commonWords.size());
            assertEquals(50, commonWords.get(0).documentCount());
            assertNonIncreasingDocumentCounts(commonWords);

            String synonym = "sc-" + md5("SCALE:7").substring(0, 6);
            List<ConceptMatch> bySynonym = concepts.autocomplete(synonym, null, 10);
            assertEquals("SCALE:7", bySynonym.get(0).id());
            assertEquals("SC-" + synonym.substring(3), bySynonym.get(0).matched());

            assertTrue(concepts.autocomplete("scale", "GeneOrGeneProduct", 50).stream()
                    .allMatch(m -> m.type().equals("GeneOrGeneProduct")));
        } finally {
            execute("DELETE FROM concept_name WHERE concept_id LIKE 'SCALE:%'");
            execute("DELETE FROM concept WHERE id LIKE 'SCALE:%'");
        }
        assertEquals(0, count("SELECT count(*) FROM concept_word WHERE concept_id LIKE 'SCALE:%'"),
                "words go with their names");
    }

    private static void assertNonIncreasingDocumentCounts(List<ConceptMatch> matches) {
        for (int i = 1; i < matches.size(); i++) {
            assertTrue(matches.get(i - 1).documentCount() >= matches.get(i).documentCount(), matches.toString());
        }
    }

    private static String md5(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

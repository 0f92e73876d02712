package io.litgraph.query;

import io.litgraph.nlp.EntityType;
import io.litgraph.query.format.KgxRecords;
import io.litgraph.query.repository.GraphExportQueries;
import io.litgraph.query.service.BiolinkMapping;
import io.litgraph.query.service.Curies;
import io.litgraph.query.support.BiolinkModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every category, predicate, enum value, property and prefix the graph export can write, checked against
 * Biolink Model 4.4.4, its prefix map and the KGX spec in ../shared/formats/biolink.
 */
class BiolinkVocabularyTest {
    /** The export's own properties; KGX allows properties outside the model (docs/QUERY-API.md lists them). */
    private static final Set<String> NON_BIOLINK = Set.of("equivalent_identifiers", "biored_relation_type", "directed",
            "document_count", "evidence_count", "belief");
    private final BiolinkModel biolink = BiolinkModel.load();

    @Test
    void everyEntityTypeHasAConcreteBiolinkCategory() {
        for (EntityType type : EntityType.values()) {
            String category = BiolinkMapping.category(type.name());
            assertTrue(BiolinkMapping.CATEGORIES.containsKey(type.name()), type + " has no mapping of its own");
            assertTrue(biolink.isCategory(category), type + " → " + category + " is not a concrete Biolink class");
        }
        assertTrue(biolink.isCategory(BiolinkMapping.FALLBACK_CATEGORY));
        // the checker itself can say no: a mixin, an unknown class
        assertFalse(biolink.isCategory("biolink:GeneOrGeneProduct"));
        assertFalse(biolink.isCategory("biolink:Gen"));
    }

    @Test
    void everyBioRedRelationTypeHasABiolinkPredicate() {
        for (String type : List.of("Association", "Positive_Correlation", "Negative_Correlation", "Bind", "Cotreatment",
                "Comparison", "Drug_Interaction", "Conversion")) {
            String predicate = BiolinkMapping.predicate(type);
            assertTrue(biolink.isPredicate(predicate), type + " → " + predicate + " is not a Biolink predicate");
        }
        BiolinkMapping.PREDICATES.values().forEach(p -> assertTrue(biolink.isPredicate(p), p));
        assertEquals("biolink:positively_correlated_with", BiolinkMapping.predicate("Positive_Correlation"));
        assertEquals("biolink:physically_interacts_with", BiolinkMapping.predicate("Bind"));
        assertFalse(biolink.isPredicate("biolink:interacts_with"), "a mixin is not a predicate to export");
        assertFalse(biolink.isPredicate("biolink:correlates_with"));
    }

    @Test
    void provenanceValuesAreTheModelsEnumsAndInfores() {
        assertTrue(biolink.enumHas("KnowledgeLevelEnum", BiolinkMapping.KNOWLEDGE_LEVEL));
        assertTrue(biolink.enumHas("AgentTypeEnum", BiolinkMapping.AGENT_TYPE));
        assertFalse(biolink.enumHas("AgentTypeEnum", "text_miner"));
        // the prefix map does not hold infores; the KGX spec names infores CURIEs as knowledge sources
        assertTrue(BiolinkMapping.KNOWLEDGE_SOURCE.startsWith("infores:"));
        assertTrue(biolink.kgxSpec.contains("`primary_knowledge_source`: The most upstream source of knowledge (e.g., \"infores:"));
    }

    @Test
    void everyPrefixTheExportWritesIsInThePrefixMap() {
        Curies.PREFIXES.values().forEach(p -> assertTrue(biolink.hasPrefix(p + ":1"), p + " is not in the prefix map"));
        assertFalse(biolink.hasPrefix("ncbigene:1"), "prefixes are case-sensitive");
        assertEquals("NCBIGene:3569", Curies.concept("ncbigene:3569"));
        assertEquals("MESH:D007333", Curies.concept("MeSH:D007333"));
        assertEquals("DBSNP:rs121913529", Curies.concept("rs121913529"));
        assertEquals("PMID:31234567", Curies.publication("pmid-31234567"));
        assertEquals("PMID:31234567", Curies.publication("31234567"));
        assertEquals("PMID:31234567", Curies.publication("PMID:31234567"));
        assertEquals("PMC:PMC123456", Curies.publication("PMC123456"));
        assertEquals("doi:10.1000/xyz-1", Curies.publication("10.1000/xyz-1"));
        assertNull(Curies.publication("my-doc-1"));
        for (String curie : List.of(Curies.publication("pmid-1"), Curies.publication("PMC1"), Curies.publication("10.1000/a"))) {
            assertTrue(biolink.hasPrefix(curie), curie);
        }
    }

    @Test
    void kgxRecordsUseModelPropertiesAndCuries() {
        Map<String, Object> node = KgxRecords.node(new GraphExportQueries.Node("ncbigene:3569", "GeneOrGeneProduct",
                "interleukin 6", List.of("hgnc:6018", "NCBIGene:3569")));
        assertEquals(KgxRecords.NODE_COLUMNS, List.copyOf(node.keySet()));
        assertEquals("NCBIGene:3569", node.get("id"));
        assertEquals(List.of("biolink:Gene"), node.get("category"));
        assertEquals(List.of("HGNC:6018"), node.get("xref"));
        assertEquals(List.of("NCBIGene:3569", "HGNC:6018"), node.get("equivalent_identifiers"));
        Map<String, Object> edge = KgxRecords.edge(new GraphExportQueries.Edge("NCBIGene:3569", "GeneOrGeneProduct", "IL6",
                "MESH:D007333", "DiseaseOrPhenotypicFeature", "Insulin Resistance", "Positive_Correlation", true, 2, 3,
                0.96, List.of("pmid-1", "local-doc")));
        assertEquals(KgxRecords.EDGE_COLUMNS, List.copyOf(edge.keySet()));
        assertEquals(List.of("PMID:1"), edge.get("publications"));
        for (String property : concat(KgxRecords.NODE_COLUMNS, KgxRecords.EDGE_COLUMNS)) {
            assertTrue(NON_BIOLINK.contains(property) || biolink.isSlot(property), property + " is not a Biolink slot");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

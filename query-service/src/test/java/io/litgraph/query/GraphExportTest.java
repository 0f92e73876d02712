package io.litgraph.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.format.KgxRecords;
import io.litgraph.query.support.BiolinkModel;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-graph export over a store filled through Kafka: KGX nodes and edges with their Biolink
 * categories, predicates and provenance, checked against the Biolink model files; the filters; the edge
 * count against relation_summary; bad parameters.
 * Store: GX1 (gene) positively correlates with GXD (disease) in two PubMed documents (2020, 2024); GXC
 * (chemical) binds GX1 in one (2024); a variant is associated with GXD (2024); a negated-only GX1–GXC correlation;
 * GX2 associated with GXD in a document whose id is not a PubMed id (2019).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class GraphExportTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GENE = "NCBIGene:990001";
    private static final String GENE2 = "NCBIGene:990002";
    private static final String DISEASE = "MESH:D990001";
    private static final String CHEMICAL = "CHEBI:990001";
    private static final String VARIANT = "rs990001";
    private static final Set<String> MINE = Set.of(GENE, GENE2, DISEASE, CHEMICAL, "DBSNP:" + VARIANT);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    private final BiolinkModel biolink = BiolinkModel.load();

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        List<AnnotationEvent> events = List.of(
                TestEvents.document("pmid-90001", 1, "Export test one", "Exportin raises exportosis risk.")
                        .published("2020-01-15")
                        .concept(GENE, "GeneOrGeneProduct", "exportin", "HGNC:99001")
                        .concept(DISEASE, "DiseaseOrPhenotypicFeature", "exportosis, type 1")
                        .mention("Exportin", GENE).mention("exportosis", DISEASE)
                        .relation("Positive_Correlation", "Exportin", GENE, "raises", "exportosis", DISEASE, false)
                        .build(),
                TestEvents.document("pmid-90002", 1, "Export test two",
                                "Exportin raises exportosis. Exportamide binds exportin.")
                        .published("2024-03-01")
                        .concept(GENE, "GeneOrGeneProduct", "exportin", "HGNC:99001")
                        .concept(DISEASE, "DiseaseOrPhenotypicFeature", "exportosis, type 1")
                        .concept(CHEMICAL, "ChemicalEntity", "exportamide")
                        .mention("Exportin", GENE).mention("exportin", GENE).mention("exportosis", DISEASE)
                        .mention("Exportamide", CHEMICAL)
                        .relation("Positive_Correlation", "Exportin", GENE, "raises", "exportosis", DISEASE, false)
                        .relation("Bind", "Exportamide", CHEMICAL, "binds", "exportin", GENE, false)
                        .build(),
                TestEvents.document("pmid-90003", 1, "Export test three",
                                "The rs990001 allele is associated with exportosis. Exportamide does not lower exportin.")
                        .published("2024-06-01")
                        .concept(VARIANT, "SequenceVariant", "rs990001")
                        .concept(DISEASE, "DiseaseOrPhenotypicFeature", "exportosis, type 1")
                        .concept(CHEMICAL, "ChemicalEntity", "exportamide")
                        .concept(GENE, "GeneOrGeneProduct", "exportin", "HGNC:99001")
                        .mention("rs990001", VARIANT).mention("exportosis", DISEASE).mention("Exportamide", CHEMICAL)
                        .mention("exportin", GENE)
                        .relation("Association", "rs990001", VARIANT, "associated", "exportosis", DISEASE, false)
                        .relation("Negative_Correlation", "Exportamide", CHEMICAL, "lower", "exportin", GENE, true)
                        .build(),
                TestEvents.document("gx-local-1", 1, "Export test four", "Exportin-2 is linked to exportosis.")
                        .published("2019-05-01")
                        .concept(GENE2, "GeneOrGeneProduct", "exportin-2")
                        .concept(DISEASE, "DiseaseOrPhenotypicFeature", "exportosis, type 1")
                        .mention("Exportin-2", GENE2).mention("exportosis", DISEASE)
                        .relation("Association", "Exportin-2", GENE2, "linked", "exportosis", DISEASE, false)
                        .build());
        events.forEach(Kafka::sendAnnotations);
        for (AnnotationEvent e : events) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + e.documentId()).then()
                    .body("version", equalTo(e.documentVersion())));
        }
        loaded = true;
    }

    @Test
    void kgxJsonlHoldsBiolinkNodesAndEdgesFromTheStore() throws Exception {
        byte[] zip = given().queryParam("format", "kgx-jsonl").get("/api/graph/export").then().statusCode(200)
                .contentType(startsWith("application/zip"))
                .header("Content-Disposition", equalTo("attachment; filename=\"litgraph-graph.zip\""))
                .extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertEquals(List.of("nodes.jsonl", "edges.jsonl"), List.copyOf(files.keySet()));
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : lines(files.get("nodes.jsonl"))) {
            assertTrue(nodes.put(n.get("id").asText(), n) == null, "node twice: " + n);
        }
        List<JsonNode> edges = lines(files.get("edges.jsonl"));

        // every edge names nodes of the same file, and there are as many as relation_summary has affirmed rows
        for (JsonNode e : edges) {
            assertTrue(nodes.containsKey(e.get("subject").asText()), e.toString());
            assertTrue(nodes.containsKey(e.get("object").asText()), e.toString());
        }
        assertEquals(count("SELECT count(*) FROM relation_summary WHERE document_count >= 1"), edges.size());

        JsonNode gene = nodes.get(GENE);
        assertEquals("[\"biolink:Gene\"]", gene.get("category").toString());
        assertEquals("exportin", gene.get("name").asText());
        assertEquals("[\"HGNC:99001\"]", gene.get("xref").toString());
        assertEquals("[\"" + GENE + "\",\"HGNC:99001\"]", gene.get("equivalent_identifiers").toString());
        assertEquals("[\"biolink:SequenceVariant\"]", nodes.get("DBSNP:" + VARIANT).get("category").toString());
        assertEquals("[\"biolink:ChemicalEntity\"]", nodes.get(CHEMICAL).get("category").toString());

        Map<String, JsonNode> mine = mine(edges);
        assertEquals(Set.of(GENE + ">" + DISEASE, CHEMICAL + ">" + GENE, "DBSNP:rs990001>" + DISEASE, GENE2 + ">" + DISEASE),
                mine.keySet(), "the negated-only correlation is no edge");
        JsonNode pc = mine.get(GENE + ">" + DISEASE);
        assertEquals("biolink:positively_correlated_with", pc.get("predicate").asText());
        assertEquals("Positive_Correlation", pc.get("biored_relation_type").asText());
        assertEquals("[\"PMID:90001\",\"PMID:90002\"]", pc.get("publications").toString());
        assertEquals(2, pc.get("document_count").asInt());
        assertEquals(2, pc.get("evidence_count").asInt());
        assertEquals(storedBelief(GENE, DISEASE, "Positive_Correlation"), pc.get("belief").asDouble(), 1e-9);
        assertTrue(pc.get("belief").asDouble() > 0.9, pc.toString());
        assertEquals("not_provided", pc.get("knowledge_level").asText());
        assertEquals("text_mining_agent", pc.get("agent_type").asText());
        assertEquals("infores:litgraph", pc.get("primary_knowledge_source").asText());
        assertEquals("biolink:physically_interacts_with", mine.get(CHEMICAL + ">" + GENE).get("predicate").asText());
        assertEquals("biolink:associated_with", mine.get(GENE2 + ">" + DISEASE).get("predicate").asText());
        assertEquals("[]", mine.get(GENE2 + ">" + DISEASE).get("publications").toString(), "gx-local-1 is not a publication CURIE");

        // everything the export says about this store is Biolink 4.4.4 / KGX vocabulary
        for (String id : MINE) {
            JsonNode n = nodes.get(id);
            assertNotNull(n, id);
            n.get("category").forEach(c -> assertTrue(biolink.isCategory(c.asText()), n.toString()));
            assertTrue(biolink.hasPrefix(n.get("id").asText()), n.toString());
            n.get("equivalent_identifiers").forEach(x -> assertTrue(biolink.hasPrefix(x.asText()), n.toString()));
            n.fieldNames().forEachRemaining(f -> assertTrue(f.equals("equivalent_identifiers") || biolink.isSlot(f), f));
        }
        for (JsonNode e : mine.values()) {
            assertTrue(biolink.isPredicate(e.get("predicate").asText()), e.toString());
            assertTrue(biolink.hasPrefix(e.get("subject").asText()) && biolink.hasPrefix(e.get("object").asText()), e.toString());
            e.get("publications").forEach(p -> assertTrue(biolink.hasPrefix(p.asText()), e.toString()));
            assertTrue(biolink.enumHas("KnowledgeLevelEnum", e.get("knowledge_level").asText()));
            assertTrue(biolink.enumHas("AgentTypeEnum", e.get("agent_type").asText()));
        }
    }

    @Test
    void filtersChooseEdgesAndTheirNodes() throws Exception {
        assertEquals(Set.of(GENE + ">" + DISEASE), mine(edges(Map.of("minDocuments", "2"))).keySet());
        assertEquals(Set.of(GENE + ">" + DISEASE, GENE2 + ">" + DISEASE),
                mine(edges(Map.of("types", "Gene,DiseaseOrPhenotypicFeature"))).keySet());
        assertEquals(Set.of(GENE + ">" + DISEASE, CHEMICAL + ">" + GENE, "DBSNP:rs990001>" + DISEASE),
                mine(edges(Map.of("since", "2024"))).keySet());
        assertTrue(mine(edges(Map.of("types", "Gene"))).isEmpty(), "no edge joins two genes");

        Set<String> since = nodeIds(Map.of("since", "2024-01"));
        assertTrue(since.containsAll(Set.of(GENE, DISEASE, CHEMICAL, "DBSNP:rs990001")), since.toString());
        assertFalse(since.contains(GENE2), "mentioned only in 2019");
        Set<String> genes = nodeIds(Map.of("types", "GeneOrGeneProduct"));
        assertTrue(genes.contains(GENE) && genes.contains(GENE2), genes.toString());
        assertFalse(genes.contains(DISEASE) || genes.contains(CHEMICAL), genes.toString());
        Set<String> frequent = nodeIds(Map.of("minDocuments", "3"));
        assertTrue(frequent.containsAll(Set.of(GENE, DISEASE)), frequent.toString());
        assertFalse(frequent.contains(CHEMICAL), "exportamide is in two documents and in no edge of two");
    }

    @Test
    void kgxTsvAndCsvHaveHeadersAndOneLinePerRecord() throws Exception {
        String tsv = given().queryParam("format", "kgx-tsv").queryParam("part", "edges").get("/api/graph/export").then()
                .statusCode(200).contentType(startsWith("text/tab-separated-values")).extract().asString();
        String[] lines = tsv.split("\n");
        assertEquals(String.join("\t", KgxRecords.EDGE_COLUMNS), lines[0]);
        assertEquals(count("SELECT count(*) FROM relation_summary WHERE document_count >= 1"), lines.length - 1);
        String pc = java.util.Arrays.stream(lines).filter(l -> l.startsWith(GENE + "\tbiolink:positively_correlated_with\t" + DISEASE))
                .findFirst().orElseThrow();
        assertTrue(pc.contains("\tPMID:90001|PMID:90002\t"), pc);

        byte[] zip = given().queryParam("format", "kgx-tsv").get("/api/graph/export").then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertEquals(List.of("nodes.tsv", "edges.tsv"), List.copyOf(files.keySet()));
        assertTrue(files.get("nodes.tsv").startsWith(String.join("\t", KgxRecords.NODE_COLUMNS) + "\n"));
        assertTrue(files.get("nodes.tsv").contains("\n" + GENE + "\tbiolink:Gene\texportin\tHGNC:99001\t" + GENE + "|HGNC:99001\tinfores:litgraph\n"),
                files.get("nodes.tsv"));

        String csv = given().queryParam("format", "csv").get("/api/graph/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("subject,subject_name,subject_category,predicate,object,object_name,"), csv);
        assertTrue(csv.contains(GENE + ",exportin,biolink:Gene,biolink:positively_correlated_with," + DISEASE
                + ",\"exportosis, type 1\",biolink:DiseaseOrPhenotypicFeature,Positive_Correlation,true,2,2,"), csv);
    }

    @Test
    void badParametersAre400sNamingThem() {
        assertBad(Map.of(), "format");
        assertBad(Map.of("format", "graphml"), "format");
        assertBad(Map.of("format", "kgx-jsonl", "part", "both"), "part");
        assertBad(Map.of("format", "csv", "part", "nodes"), "part");
        assertBad(Map.of("format", "csv", "minDocuments", "0"), "minDocuments");
        assertBad(Map.of("format", "csv", "minDocuments", "many"), "minDocuments");
        assertBad(Map.of("format", "csv", "types", "Gene,Planet"), "types");
        assertBad(Map.of("format", "csv", "since", "2024-13"), "since");
    }

    private static void assertBad(Map<String, String> params, String parameter) {
        given().queryParams(params).get("/api/graph/export").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].parameter", equalTo(parameter));
    }

    private static List<JsonNode> edges(Map<String, String> filters) throws IOException {
        String body = given().queryParam("format", "kgx-jsonl").queryParam("part", "edges").queryParams(filters)
                .get("/api/graph/export").then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        return lines(body);
    }

    private static Set<String> nodeIds(Map<String, String> filters) throws IOException {
        String body = given().queryParam("format", "kgx-jsonl").queryParam("part", "nodes").queryParams(filters)
                .get("/api/graph/export").then().statusCode(200).extract().asString();
        Set<String> ids = new HashSet<>();
        lines(body).forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** this test's edges by subject>object */
    private static Map<String, JsonNode> mine(List<JsonNode> edges) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : edges) {
            if (MINE.contains(e.get("subject").asText()) || MINE.contains(e.get("object").asText())) {
                assertTrue(out.put(e.get("subject").asText() + ">" + e.get("object").asText(), e) == null, e.toString());
            }
        }
        return out;
    }

    private static List<JsonNode> lines(String body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private double storedBelief(String subject, String object, String type) throws SQLException {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT belief FROM relation_summary WHERE subject_id = ? AND object_id = ? AND type = ?")) {
            ps.setString(1, subject);
            ps.setString(2, object);
            ps.setString(3, type);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getDouble(1);
            }
        }
    }
}

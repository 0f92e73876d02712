package io.litgraph.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Formats;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.SeedEvents;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API over a corpus of the five seeds (annotated by the builtin engine, as entity-service
 * would) plus hand-built documents whose relations are known exactly.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class QueryApiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String IL6 = "NCBIGene:3569";
    private static final String LONELINESS = "MESH:D008132";
    private static final String INSULIN_RESISTANCE = "MESH:D007333";
    private static boolean loaded;

    @BeforeEach
    void loadCorpus() throws Exception {
        if (loaded) {
            return;
        }
        List<AnnotationEvent> events = new ArrayList<>(SeedEvents.all());
        events.add(AnnotationPipelineTest.il6Document("api-il6", 1).published("2021-03-04")
                .relation("Positive_Correlation", "Loneliness raises", LONELINESS, "raises", "interleukin 6", IL6, false)
                .build());
        events.add(TestEvents.document("api-chain", 1, "Adrenomedullin and inflammation",
                        "Loneliness increases adrenomedullin. Adrenomedullin drives inflammation. "
                                + "Inflammation causes insulin resistance.")
                .published("2019")
                .concept(LONELINESS, "Behavior", "Loneliness")
                .concept("NCBIGene:133", "GeneOrGeneProduct", "adrenomedullin")
                .concept("GO:0006954", "BiologicalProcess", "inflammatory response")
                .concept(INSULIN_RESISTANCE, "DiseaseOrPhenotypicFeature", "Insulin Resistance")
                .mention("Loneliness", LONELINESS)
                .mention("adrenomedullin", "NCBIGene:133")
                .mention("Adrenomedullin", "NCBIGene:133")
                .mention("inflammation", "GO:0006954")
                .mention("Inflammation", "GO:0006954")
                .mention("insulin resistance", INSULIN_RESISTANCE)
                .relation("Positive_Correlation", "Loneliness", LONELINESS, "increases", "adrenomedullin", "NCBIGene:133", false)
                .relation("Positive_Correlation", "Adrenomedullin drives", "NCBIGene:133", "drives", "inflammation", "GO:0006954", false)
                .relation("Positive_Correlation", "Inflammation", "GO:0006954", "causes", "insulin resistance", INSULIN_RESISTANCE, false)
                .build());
        for (AnnotationEvent e : events) {
            Kafka.sendAnnotations(e);
        }
        for (AnnotationEvent e : events) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + e.documentId()).then().statusCode(200));
        }
        loaded = true;
    }

    @Test
    void fullTextSearchIsRankedHighlightedAndFaceted() {
        JsonPath page = given().queryParam("q", "insulin resistance").queryParam("limit", 50).get("/api/documents")
                .then().statusCode(200).extract().jsonPath();
        List<Float> scores = page.getList("items.score", Float.class);
        assertTrue(scores.size() >= 2, page.prettify());
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "not ranked: " + scores);
        }
        assertTrue(page.getList("items.snippet", String.class).stream().allMatch(s -> s.contains("<mark>")), page.prettify());
        assertTrue(page.getMap("facets").containsKey("DiseaseOrPhenotypicFeature"), page.prettify());
        assertEquals(50, page.getInt("limit"));
    }

    @Test
    void conceptTypeAndDateFiltersNarrowTheResult() {
        given().queryParam("concept", IL6).queryParam("concept", LONELINESS).queryParam("limit", 100).get("/api/documents")
                .then().statusCode(200).body("items.id", hasItem("api-il6")).body("items.id", not(hasItem("api-chain")));
        given().queryParam("concept", LONELINESS + ",NCBIGene:133").get("/api/documents").then()
                .body("items.id", hasItem("api-chain")).body("items.id", not(hasItem("api-il6")));
        given().queryParam("type", "BiologicalProcess").queryParam("q", "adrenomedullin").get("/api/documents").then()
                .body("items.id", hasItem("api-chain")).body("items.id", not(hasItem("api-il6")));
        given().queryParam("since", "2020").queryParam("until", "2021-12").queryParam("q", "loneliness").get("/api/documents")
                .then().body("items.id", hasItem("api-il6")).body("items.id", not(hasItem("api-chain")));
        given().queryParam("concept", "NCBIGene:0").get("/api/documents").then().statusCode(404)
                .body("errors[0].parameter", equalTo("concept"));
        given().queryParam("since", "last week").get("/api/documents").then().statusCode(400)
                .body("errors[0].parameter", equalTo("since"));
    }

    @Test
    void cursorsWalkEveryResultExactlyOnce() {
        Set<String> all = new HashSet<>(given().queryParam("limit", 100).queryParam("facets", false).get("/api/documents")
                .jsonPath().getList("items.id", String.class));
        assertTrue(all.size() >= 7);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2).queryParam("facets", false);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/documents").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && walked.size() < 1000);
        assertEquals(all.size(), walked.size(), "duplicates or gaps: " + walked);
        assertEquals(all, new HashSet<>(walked));

        String ranked = given().queryParam("q", "immune").queryParam("limit", 1).get("/api/documents").jsonPath().getString("nextCursor");
        assertTrue(ranked != null);
        given().queryParam("q", "insulin").queryParam("cursor", ranked).get("/api/documents").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void documentsComeInStandardFormats() throws Exception {
        String xml = given().queryParam("format", "biocxml").get("/api/documents/api-chain").then().statusCode(200)
                .contentType(containsString("xml")).extract().asString();
        Formats.assertValidBioCXml(xml);
        assertTrue(xml.contains("<infon key=\"identifier\">NCBIGene:133</infon>"), xml);

        String byAccept = given().accept("application/xml").get("/api/documents/seed-000").then().statusCode(200).extract().asString();
        Formats.assertValidBioCXml(byAccept);

        String json = given().queryParam("format", "biocjson").get("/api/documents/api-il6").then().statusCode(200)
                .extract().asString();
        Formats.assertValidBioCJson(json);
        JsonNode bioc = new ObjectMapper().readTree(json);
        assertEquals("api-il6", bioc.at("/documents/0/id").asText());
        assertEquals(3, bioc.at("/documents/0/relations").size());

        String pubtator = given().queryParam("format", "pubtator").get("/api/documents/api-il6").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        assertPubTatorOffsetsHold(pubtator);

        given().queryParam("format", "docx").get("/api/documents/api-il6").then().statusCode(400)
                .body("errors[0].parameter", equalTo("format"));
    }

    @Test
    void conceptPageHasSynonymsLinksCountsAndRelatedConcepts() {
        given().get("/api/concepts/" + IL6).then().statusCode(200)
                .body("name", equalTo("interleukin 6"))
                .body("url", equalTo("https://www.ncbi.nlm.nih.gov/gene/3569"))
                .body("synonyms.name", hasItem("IL-6"))
                .body("xrefs.find { it.id == 'HGNC:6018' }.url", containsString("genenames.org"))
                .body("documentCount", greaterThanOrEqualTo(1))
                .body("related", hasKey("DiseaseOrPhenotypicFeature"));
        given().get("/api/concepts/NCBIGene:0").then().statusCode(404);
    }

    @Test
    void neighborsCarrySupportAndScoresAndSkipNegatedEvidence() {
        JsonPath n = given().get("/api/concepts/" + IL6 + "/neighbors?limit=100").then().statusCode(200).extract().jsonPath();
        assertTrue(n.getInt("corpusDocuments") >= 7);
        Object ir = n.get("items.find { it.id == '" + INSULIN_RESISTANCE + "' }");
        assertTrue(ir != null, n.prettify());
        assertTrue(n.getInt("items.find { it.id == '" + INSULIN_RESISTANCE + "' }.cooccurrence.documents") >= 1);
        assertEquals("outgoing", n.getString("items.find { it.id == '" + INSULIN_RESISTANCE + "' }.relations[0].direction"));

        given().queryParam("relation", "Association").get("/api/concepts/" + IL6 + "/neighbors").then()
                .body("items.id", not(hasItem("MESH:D009765")));
        // a relation whose only evidence is negated has belief 0: shown with its negated evidence at minBelief=0
        given().queryParam("relation", "Association").queryParam("includeNegated", "true")
                .get("/api/concepts/" + IL6 + "/neighbors").then().body("items.id", not(hasItem("MESH:D009765")));
        given().queryParam("relation", "Association").queryParam("includeNegated", "true").queryParam("minBelief", "0")
                .get("/api/concepts/" + IL6 + "/neighbors").then().body("items.id", hasItem("MESH:D009765"));
        given().queryParam("type", "Behavior").get("/api/concepts/" + IL6 + "/neighbors").then()
                .body("items.type", everyItem(equalTo("Behavior")));
        given().queryParam("minDocs", "x").get("/api/concepts/" + IL6 + "/neighbors").then().statusCode(400)
                .body("errors[0].parameter", equalTo("minDocs"));
    }

    @Test
    void relationsListEvidenceSentencesWithOffsets() {
        JsonPath r = given().queryParam("subject", IL6).queryParam("object", INSULIN_RESISTANCE).get("/api/relations")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(r.getList("items").size() >= 1, r.prettify());
        String sentence = r.getString("items[0].sentence.text");
        assertTrue(sentence.contains(r.getString("items[0].trigger.text")), sentence);
        assertTrue(sentence.contains(r.getString("items[0].object.span.text")), sentence);
        String text = given().get("/api/documents/" + r.getString("items[0].documentId")).jsonPath().getString("text");
        assertEquals(r.getString("items[0].sentence.text"),
                text.substring(r.getInt("items[0].sentence.start"), r.getInt("items[0].sentence.end")));

        given().queryParam("subject", IL6).queryParam("type", "Association").get("/api/relations").then()
                .body("items.findAll { it.documentId == 'api-il6' }", hasSize(0));
        given().queryParam("subject", IL6).queryParam("type", "Association").queryParam("includeNegated", "true")
                .queryParam("minBelief", "0")
                .get("/api/relations").then().body("items.find { it.documentId == 'api-il6' }.negated", equalTo(true))
                .body("items.find { it.documentId == 'api-il6' }.belief", equalTo(0.0f));
        given().queryParam("subject", "NCBIGene:0").get("/api/relations").then().statusCode(404)
                .body("errors[0].parameter", equalTo("subject"));
    }

    @Test
    void pathsLinkConceptsThroughSupportedChainsWithEvidence() {
        JsonPath p = given().queryParam("from", LONELINESS).queryParam("to", INSULIN_RESISTANCE).get("/api/paths")
                .then().statusCode(200).extract().jsonPath();
        List<List<String>> chains = p.getList("paths.concepts");
        assertTrue(chains.contains(List.of(LONELINESS, IL6, INSULIN_RESISTANCE)), p.prettify());
        assertTrue(chains.contains(List.of(LONELINESS, "NCBIGene:133", "GO:0006954", INSULIN_RESISTANCE)), p.prettify());
        assertFalse(p.getList("paths[0].hops[0].evidence").isEmpty(), p.prettify());
        assertEquals(3, p.getInt("maxHops"));

        given().queryParam("from", LONELINESS).queryParam("to", INSULIN_RESISTANCE).queryParam("maxHops", 2)
                .get("/api/paths").then().body("paths.concepts", not(hasItem(hasSize(4))));
        given().queryParam("from", LONELINESS).queryParam("to", INSULIN_RESISTANCE).queryParam("maxHops", 5)
                .get("/api/paths").then().statusCode(400).body("errors[0].parameter", equalTo("maxHops"));
        given().queryParam("from", LONELINESS).get("/api/paths").then().statusCode(400)
                .body("errors[0].parameter", equalTo("to"));
    }

    @Test
    void exportsStreamSearchResultsInStandardFormats() throws Exception {
        String pubtator = given().queryParam("concept", IL6).get("/api/export").then().statusCode(200)
                .header("Content-Disposition", containsString("litgraph-export.txt")).extract().asString();
        assertTrue(pubtator.contains("api-il6|t|"), pubtator);
        assertPubTatorOffsetsHold(pubtator);

        String json = given().queryParam("q", "insulin").queryParam("format", "biocjson").get("/api/export")
                .then().statusCode(200).extract().asString();
        Formats.assertValidBioCJson(json);
        assertTrue(new ObjectMapper().readTree(json).get("documents").size() >= 2);

        String xml = given().queryParam("q", "insulin").queryParam("format", "biocxml").get("/api/export")
                .then().statusCode(200).extract().asString();
        Formats.assertValidBioCXml(xml);

        given().get("/api/export").then().statusCode(400).body("errors[0].parameter", equalTo("q"));
    }

    @Test
    void statsCountTheCorpusAndReportLag() {
        Eventually.assertThat(WAIT, () -> given().get("/api/stats").then().statusCode(200)
                .body("documents", greaterThanOrEqualTo(7))
                .body("conceptsByType", hasKey("GeneOrGeneProduct"))
                .body("relationsByType", hasKey("Positive_Correlation"))
                .body("newestEventTime", notNullValue())
                .body("consumer.lag", equalTo(0))
                .body("consumer.partitions", hasSize(3)));
        given().get("/api/stats").then().body("mentions", greaterThan(0));
    }

    @Test
    void autocompleteRanksPrefixMatchesFirst() {
        List<String> names = given().queryParam("q", "insulin").queryParam("limit", 10).get("/api/concepts")
                .jsonPath().getList("items.matched", String.class);
        assertFalse(names.isEmpty());
        assertTrue(names.get(0).toLowerCase().startsWith("insulin"), names.toString());
        assertNotEquals(0, given().queryParam("q", "adreno").get("/api/concepts").jsonPath().getList("items").size());
    }

    /** Every mention line's offsets must cut its own text out of the t/a lines (PubTator convention). */
    private static void assertPubTatorOffsetsHold(String pubtator) {
        String title = null;
        String text = null;
        int mentions = 0;
        for (String line : pubtator.split("\n")) {
            if (line.isEmpty()) {
                title = null;
                continue;
            }
            if (line.contains("|t|")) {
                title = line.substring(line.indexOf("|t|") + 3);
            } else if (line.contains("|a|")) {
                text = title + " " + line.substring(line.indexOf("|a|") + 3);
            } else {
                String[] f = line.split("\t");
                if (f.length >= 5 && f[1].matches("\\d+")) {
                    assertEquals(f[3], text.substring(Integer.parseInt(f[1]), Integer.parseInt(f[2])), line);
                    mentions++;
                }
            }
        }
        assertTrue(mentions > 0, pubtator);
    }
}

package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.StoreInvariants;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One belief per relation: the formula against the detail rows (also after a document's annotations are
 * replaced), ordering of relations, neighbours and paths by belief, the default threshold and minBelief.
 * Evidence (confidence; n = negated, s = speculative):
 * A→B 0.9, 0.6 s, 0.5 n (belief 1 - 0.1·0.7/0.5 = 0.86); A→C 0.95; A→D 0.5; A→E 0.82; C→E 0.9; B→E 0.99;
 * D→E 0.99.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class RelationBeliefTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double EPS = 1e-6;
    private static final Map<String, String> NAMES = Map.of("RB:A", "alphabelin", "RB:B", "betabelin",
            "RB:C", "gammabelin", "RB:D", "deltabelin", "RB:E", "epsilonbelin", "RB:P", "pibelin", "RB:Q", "kappabelin");
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        List<AnnotationEvent> events = new ArrayList<>(List.of(
                evidence("rb-ab-1", 1, "RB:A", "RB:B", false, false, 0.9),
                evidence("rb-ab-2", 1, "RB:A", "RB:B", false, true, 0.6),
                evidence("rb-ab-3", 1, "RB:A", "RB:B", true, false, 0.5),
                evidence("rb-ac", 1, "RB:A", "RB:C", false, false, 0.95),
                evidence("rb-ad", 1, "RB:A", "RB:D", false, false, 0.5),
                evidence("rb-ae", 1, "RB:A", "RB:E", false, false, 0.82),
                evidence("rb-ce", 1, "RB:C", "RB:E", false, false, 0.9),
                evidence("rb-be", 1, "RB:B", "RB:E", false, false, 0.99),
                evidence("rb-de", 1, "RB:D", "RB:E", false, false, 0.99)));
        store(events);
        loaded = true;
    }

    @Test
    void beliefIsTheFormulaOverAllEvidenceOfTheRelation() {
        JsonPath r = relations(Map.of("subject", "RB:A", "object", "RB:B", "includeNegated", "true", "minBelief", "0"));
        assertEquals(3, r.getList("items").size(), r.prettify());
        for (int i = 0; i < 3; i++) {
            assertEquals(0.86, r.getDouble("items[" + i + "].belief"), EPS, r.prettify());
            assertEquals(3, r.getInt("items[" + i + "].evidenceCount"), r.prettify());
        }
        assertEquals(0.86, StoreInvariants.belief(List.of(new double[]{0.9, 0, 0}, new double[]{0.6, 0, 1},
                new double[]{0.5, 1, 0})), EPS);
        // the document page shows the same belief for its relation sentence
        given().get("/api/documents/rb-ab-1").then().statusCode(200)
                .body("relations[0].belief", equalTo(0.86f))
                .body("relations[0].evidenceCount", equalTo(3));
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);
    }

    @Test
    void replacingADocumentsAnnotationsUpdatesTheBelief() {
        store(List.of(evidence("rb-pq-1", 1, "RB:P", "RB:Q", false, false, 0.9),
                evidence("rb-pq-2", 1, "RB:P", "RB:Q", false, true, 0.6),
                evidence("rb-pq-3", 1, "RB:P", "RB:Q", true, false, 0.5)));
        assertEquals(0.86, pqBelief(), EPS);

        // a newer version of one document with a surer sentence: 1 - 0.05·0.7/0.5
        store(List.of(evidence("rb-pq-1", 2, "RB:P", "RB:Q", false, false, 0.95)));
        assertEquals(0.93, pqBelief(), EPS);
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);

        // re-annotation of the negating document finds no relation any more: 1 - 0.05·0.7
        AnnotationEvent plain = TestEvents.document("rb-pq-3", 1, "Belief test rb-pq-3", "Pibelin and kappabelin.")
                .concept("RB:P", "GeneOrGeneProduct", "pibelin").concept("RB:Q", "GeneOrGeneProduct", "kappabelin")
                .mention("Pibelin", "RB:P").mention("kappabelin", "RB:Q").engine("2.0.0", "test-vocab").build();
        Kafka.sendAnnotations(plain);
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/rb-pq-3").then().body("engine.version", equalTo("2.0.0")));
        assertEquals(0.965, pqBelief(), EPS);
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);
        // the relation now has two sentences, both affirmed
        assertEquals(2, relations(Map.of("subject", "RB:P", "includeNegated", "true")).getInt("items[0].evidenceCount"));
    }

    @Test
    void relationsAreListedByBeliefAboveTheDefaultThreshold() {
        JsonPath shown = relations(Map.of("subject", "RB:A"));
        assertEquals(List.of("RB:C", "RB:B", "RB:B", "RB:E"), shown.getList("items.object.id"), shown.prettify());
        assertBeliefs(List.of(0.95, 0.86, 0.86, 0.82), shown.getList("items.belief"));

        JsonPath all = relations(Map.of("subject", "RB:A", "minBelief", "0"));
        assertEquals(List.of("RB:C", "RB:B", "RB:B", "RB:E", "RB:D"), all.getList("items.object.id"), all.prettify());
        assertEquals(List.of("RB:E"), relations(Map.of("subject", "RB:A", "minBelief", "0.82", "object", "RB:E"))
                .getList("items.object.id"));
        assertTrue(relations(Map.of("subject", "RB:A", "minBelief", "0.99")).getList("items").isEmpty());

        // paging walks the same order, every sentence once
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("subject", "RB:A").queryParam("minBelief", "0").queryParam("limit", "1")
                    .queryParam("includeNegated", "true");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/relations").then().statusCode(200).extract().jsonPath();
            page.getList("items", Map.class).forEach(i -> paged.add(((Map<?, ?>) i.get("object")).get("id") + "/" + i.get("documentId")));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("RB:C/rb-ac", "RB:B/rb-ab-1", "RB:B/rb-ab-2", "RB:B/rb-ab-3", "RB:E/rb-ae", "RB:D/rb-ad"), paged);

        // without subject or object: every relation, highest belief first
        JsonPath everything = relations(Map.of("limit", "100", "minBelief", "0"));
        List<Float> beliefs = everything.getList("items.belief");
        for (int i = 1; i < beliefs.size(); i++) {
            assertTrue(beliefs.get(i) <= beliefs.get(i - 1), everything.prettify());
        }
        assertTrue(relations(Map.of("limit", "100")).getList("items.belief", Float.class).stream().allMatch(b -> b >= 0.8f));
    }

    @Test
    void neighboursAreOrderedByBeliefAndWeakRelationsHidden() {
        JsonPath n = given().get("/api/concepts/RB:A/neighbors").then().statusCode(200).extract().jsonPath();
        assertEquals(0.8, n.getDouble("minBelief"), EPS);
        assertEquals(List.of("RB:C", "RB:B", "RB:E", "RB:D"), n.getList("items.id"), n.prettify());
        assertBeliefs(List.of(0.95, 0.86, 0.82), n.getList("items.belief").subList(0, 3));
        assertEquals(0.86, n.getDouble("items[1].relations[0].belief"), EPS);
        // D only co-occurs at the default threshold: its relation is too weak to show
        assertNull(n.get("items[3].relations"), n.prettify());
        assertNull(n.get("items[3].belief"), n.prettify());

        JsonPath all = given().queryParam("minBelief", "0").get("/api/concepts/RB:A/neighbors").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0.5, all.getDouble("items.find { it.id == 'RB:D' }.relations[0].belief"), EPS, all.prettify());
        assertEquals(List.of("RB:C", "RB:B", "RB:E", "RB:D"), all.getList("items.id"), all.prettify());
        assertTrue(given().queryParam("relation", "Positive_Correlation").queryParam("minBelief", "0.9")
                .get("/api/concepts/RB:A/neighbors").then().statusCode(200).extract().jsonPath()
                .getList("items.id").equals(List.of("RB:C")));
    }

    @Test
    void pathsAreRankedByTheProductOfTheirHopsBeliefs() {
        JsonPath p = paths(Map.of());
        // A-C-E 0.95·0.9 = 0.855, A-B-E 0.86·0.99 = 0.8514, A-E 0.82; A-D-E has a hop below 0.8
        assertEquals(List.of(List.of("RB:A", "RB:C", "RB:E"), List.of("RB:A", "RB:B", "RB:E"), List.of("RB:A", "RB:E")),
                p.getList("paths.concepts"), p.prettify());
        assertBeliefs(List.of(0.855, 0.8514, 0.82), p.getList("paths.belief"));
        assertEquals(0.95, p.getDouble("paths[0].hops[0].relations[0].belief"), EPS);
        assertEquals(0.8, p.getDouble("minBelief"), EPS);

        JsonPath all = paths(Map.of("minBelief", "0"));
        assertEquals(List.of("RB:A", "RB:D", "RB:E"), all.getList("paths.concepts").get(3), all.prettify());
        assertBeliefs(List.of(0.495), all.getList("paths.belief").subList(3, 4));
        // a threshold above A-E and B-E's weaker hop leaves the direct link out
        assertEquals(List.of(List.of("RB:A", "RB:C", "RB:E"), List.of("RB:A", "RB:B", "RB:E")),
                paths(Map.of("minBelief", "0.85")).getList("paths.concepts"));
    }

    @Test
    void badMinBeliefIsA400NamingIt() {
        for (String bad : List.of("abc", "-0.1", "1.5", "NaN", "Infinity")) {
            given().queryParam("minBelief", bad).get("/api/relations").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].parameter", equalTo("minBelief"));
            given().queryParam("minBelief", bad).get("/api/concepts/RB:A/neighbors").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].parameter", equalTo("minBelief"));
            given().queryParam("from", "RB:A").queryParam("to", "RB:E").queryParam("minBelief", bad).get("/api/paths")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].parameter", equalTo("minBelief"));
        }
        given().queryParam("minBelief", "1").get("/api/relations").then().statusCode(200);
        given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/relations").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    private double pqBelief() {
        return relations(Map.of("subject", "RB:P", "object", "RB:Q", "minBelief", "0", "includeNegated", "true"))
                .getDouble("items[0].belief");
    }

    private static void assertBeliefs(List<Double> expected, List<?> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), ((Number) actual.get(i)).doubleValue(), EPS, actual.toString());
        }
    }

    private static JsonPath relations(Map<String, String> params) {
        return given().queryParams(params).get("/api/relations").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath paths(Map<String, String> params) {
        return given().queryParam("from", "RB:A").queryParam("to", "RB:E").queryParams(params).get("/api/paths")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Sends the events and waits until each one's version is stored. */
    private static void store(List<AnnotationEvent> events) {
        events.forEach(Kafka::sendAnnotations);
        for (AnnotationEvent e : events) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + e.documentId()).then()
                    .body("version", equalTo(e.documentVersion())));
        }
    }

    /** A one-sentence document whose relation subject → object is the only evidence it gives. */
    private static AnnotationEvent evidence(String id, int version, String subject, String object, boolean negated,
                                            boolean speculative, double confidence) {
        String s = NAMES.get(subject);
        String o = NAMES.get(object);
        String first = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        String verb = negated ? "does not activate" : speculative ? "may activate" : "activates";
        return TestEvents.document(id, version, "Belief test " + id, first + " " + verb + " " + o + ".")
                .concept(subject, "GeneOrGeneProduct", s).concept(object, "GeneOrGeneProduct", o)
                .mention(first, subject).mention(o, object)
                .relation("Positive_Correlation", first, subject, "activate", o, object, negated, speculative, confidence)
                .build();
    }
}

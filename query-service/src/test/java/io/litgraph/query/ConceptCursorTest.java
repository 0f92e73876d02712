package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
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
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cursors of GET /api/concepts (with and without q) and GET /api/concepts/{id}/neighbors: paging with a
 * small limit walks exactly the list one large page gives, the first page is what it was without cursors,
 * and a cursor that is not one, or was made for another query, is a 400.
 * Store: a hub concept with five neighbours (cursora … cursore), two of them in a second document and one
 * linked to the hub by a relation.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class ConceptCursorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HUB = "CC:HUB";
    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e");
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        TestEvents first = TestEvents.document("cc-1", 1, "Cursor test one",
                        "Hubcursor raises cursora. Hubcursor meets cursorb, cursorc, cursord and cursore.")
                .concept(HUB, "GeneOrGeneProduct", "hubcursor").mention("Hubcursor", HUB);
        TestEvents second = TestEvents.document("cc-2", 1, "Cursor test two", "Hubcursor meets cursora and cursorb.")
                .concept(HUB, "GeneOrGeneProduct", "hubcursor").mention("Hubcursor", HUB);
        for (String l : LETTERS) {
            first.concept("CC:" + l, "GeneOrGeneProduct", "cursor" + l).mention("cursor" + l, "CC:" + l);
            if (l.equals("a") || l.equals("b")) {
                second.concept("CC:" + l, "GeneOrGeneProduct", "cursor" + l).mention("cursor" + l, "CC:" + l);
            }
        }
        first.relation("Positive_Correlation", "Hubcursor", HUB, "raises", "cursora", "CC:a", false);
        List<AnnotationEvent> events = List.of(first.build(), second.build());
        events.forEach(Kafka::sendAnnotations);
        for (AnnotationEvent e : events) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + e.documentId()).then()
                    .body("version", equalTo(e.documentVersion())));
        }
        loaded = true;
    }

    @Test
    void autocompletePagesWalkTheWholeRanking() {
        List<String> whole = ids(given().queryParam("q", "cursor").queryParam("limit", "100").get("/api/concepts"));
        assertEquals(List.of("CC:a", "CC:b", "CC:c", "CC:d", "CC:e"), whole);
        JsonPath first = given().queryParam("q", "cursor").queryParam("limit", "2").get("/api/concepts").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(whole.subList(0, 2), first.getList("items.id"));
        assertEquals(whole, walk("/api/concepts", Map.of("q", "cursor"), 2));
        assertEquals(whole, walk("/api/concepts", Map.of("q", "cursor"), 3));
        // one page that holds everything has no cursor
        assertNull(given().queryParam("q", "cursor").queryParam("limit", "5").get("/api/concepts").then().statusCode(200)
                .extract().jsonPath().getString("nextCursor"));
    }

    @Test
    void listingWithoutQPagesByDocumentsThenId() {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("type", "Gene").queryParam("limit", "2");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/concepts").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> ids = all.stream().map(m -> (String) m.get("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "a concept on two pages: " + ids);
        assertTrue(ids.containsAll(List.of(HUB, "CC:a", "CC:b", "CC:c", "CC:d", "CC:e")), ids.toString());
        for (int i = 1; i < all.size(); i++) {
            int before = (Integer) all.get(i - 1).get("documentCount");
            int now = (Integer) all.get(i).get("documentCount");
            assertTrue(before > now || (before == now && ids.get(i - 1).compareTo(ids.get(i)) < 0), all.toString());
        }
    }

    @Test
    void neighbourPagesWalkTheWholeOrder() {
        List<String> whole = ids(given().queryParam("limit", "100").queryParam("minBelief", "0")
                .get("/api/concepts/" + HUB + "/neighbors"));
        assertEquals(5, whole.size(), whole.toString());
        assertEquals("CC:a", whole.get(0), "the neighbour linked by a relation comes first");
        assertEquals(whole, walk("/api/concepts/" + HUB + "/neighbors", Map.of("minBelief", "0"), 2));
        assertEquals(whole, walk("/api/concepts/" + HUB + "/neighbors", Map.of("minBelief", "0"), 1));
    }

    @Test
    void foreignOrBrokenCursorsAre400s() {
        String cursor = given().queryParam("q", "cursor").queryParam("limit", "1").get("/api/concepts").then()
                .statusCode(200).extract().jsonPath().getString("nextCursor");
        bad(given().queryParam("q", "hub").queryParam("cursor", cursor).get("/api/concepts"));
        bad(given().queryParam("q", "cursor").queryParam("type", "Disease").queryParam("cursor", cursor).get("/api/concepts"));
        bad(given().queryParam("cursor", cursor).get("/api/concepts"));
        bad(given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/concepts"));
        bad(given().queryParam("cursor", "%%%").get("/api/concepts"));
        bad(given().queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/concepts/" + HUB + "/neighbors"));
        bad(given().queryParam("cursor", cursor).get("/api/concepts/" + HUB + "/neighbors"));
    }

    private static void bad(io.restassured.response.Response response) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].parameter", equalTo("cursor"));
    }

    private static List<String> walk(String path, Map<String, String> params, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(params).queryParam("limit", String.valueOf(limit));
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            assertTrue(++pages < 50, "cursor does not end");
        } while (cursor != null);
        return ids;
    }

    private static List<String> ids(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
